"""The explorer's pages over HTTP (a real `kb serve`, both databases): what each page shows, its
JSON and CSV links, and readable HTML errors. The browser tests (test_browser.py) drive them."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.dom import Node, parse

PAGES = [
    "/",
    "/explore/quotes",
    "/explore/quotes?speaker=Lopez",
    "/explore/people",
    "/explore/figures",
    "/explore/figures?conflicting=true",
    "/explore/events",
    "/explore/sources",
]


def get_page(api, path: str, status: int = 200) -> Node:
    response = api.client.get(path)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return parse(response.text)


def link(doc: Node, text: str) -> str:
    found = [a.attrs["href"] for a in doc.find_all("a") if text in a.text]
    assert found, f"no link saying {text!r}"
    return found[0]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_answers_html_that_loads_only_from_this_server(corpus_api, path):
    response = corpus_api.client.get(path)
    assert response.status_code == 200
    assert "default-src 'none'" in response.headers["content-security-policy"]
    doc = parse(response.text)
    resources = [n.attrs.get("src") for n in doc.find_all("script")] + [
        n.attrs.get("href") for n in doc.find_all("link")
    ]
    assert resources and all(
        r == "data:," or (r.startswith("/") and not r.startswith("//")) for r in resources
    )
    for control in doc.find_all("input") + doc.find_all("select"):  # every field has a real label
        assert doc.find_all("label", for_=control.attrs["id"]), control.attrs


def test_home_has_a_search_box_that_searches_quotes(corpus_api):
    doc = get_page(corpus_api, "/")
    box = doc.find("input", type="search")
    form = next(f for f in doc.find_all("form") if box in f.find_all("input"))
    assert form.attrs["action"] == "/explore/quotes" and form.attrs["method"] == "get"
    assert box.attrs["name"] == "q"
    tiles = doc.find("ul", class_="tiles").text.split()
    assert tiles[tiles.index("articles") - 1] == "3"


def test_a_speaker_search_shows_each_quote_with_its_speaker_and_every_source(corpus_api):
    doc = get_page(corpus_api, "/explore/quotes?speaker=Lopez")
    [result] = doc.find_all("li", class_="result")
    assert result.find("blockquote").text.strip() == "We will keep the plant open through the winter"
    who = result.find("p", class_="who").text
    assert "Maria Lopez" in who and "chief executive" in who and "Gulf Coast Energy" in who
    cites = result.find("ul", class_="cites").find_all("li")
    assert len(cites) == 2  # reported by two sources
    assert "Reuters" in cites[0].text and "2025-01-15" in cites[0].text
    assert "Labor Wire" in cites[1].text and "2025-01-20" in cites[1].text
    quote_id = corpus_api.client.get("/quotes", params={"speaker": "Lopez"}).json()["items"][0]["id"]
    refinery = corpus_api.source_ids[0]
    assert cites[0].find("a").attrs["href"] == f"/explore/sources/{refinery}#quote-{quote_id}"


def test_the_page_url_holds_the_query_and_the_json_and_csv_links_the_same_filter(corpus_api):
    doc = get_page(corpus_api, "/explore/quotes?speaker=Lopez&topic=energy&q=&kind=")
    assert doc.find("input", name="speaker").attrs["value"] == "Lopez"
    assert doc.find("option", value="energy").attrs.get("selected") is not None
    csv_href = link(doc, "Download CSV")
    assert csv_href == "/quotes?speaker=Lopez&topic=energy&format=csv"
    assert link(doc, "JSON") == "/quotes?speaker=Lopez&topic=energy"
    response = corpus_api.client.get(csv_href)
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["text"] for r in rows] == ["We will keep the plant open through the winter"]


def test_a_word_search_offers_the_people_going_by_that_name(corpus_api):
    doc = get_page(corpus_api, "/explore/quotes?q=Lopez")
    named = doc.find("aside")
    assert "Maria Lopez" in named.text and "Ann Lopez" in named.text
    assert "/explore/quotes?speaker=Maria+Lopez" in [a.attrs["href"] for a in named.find_all("a")]


def test_quotes_filter_by_publication_date(corpus_api):
    def texts(query: str) -> list[str]:
        doc = get_page(corpus_api, "/explore/quotes?" + query)
        return sorted(b.text.strip() for b in doc.find_all("blockquote"))

    assert texts("published_from=2024-01-01&published_to=2024-12-31") == ["The public trust was betrayed"]
    assert "The public trust was betrayed" not in texts("published_from=2025-01-01")
    assert texts("published_from=2025-01-15&speaker=Lopez") == [
        "We will keep the plant open through the winter"
    ]
    # a quote's date is its first publication (as in the API): re-reported on the 20th, first on the 15th
    assert texts("published_from=2025-01-16&speaker=Lopez") == []
    assert texts("published_to=2020-01-01") == []


def test_pages_follow_on_with_the_same_query_until_every_quote_is_shown(seeds_api):
    shown, path = [], "/explore/quotes?q=&speaker="
    while path:
        doc = get_page(seeds_api, path)
        shown += [
            a.attrs["href"]
            for a in doc.find_all("a")
            if a.attrs.get("type") == "application/json" and a.attrs["href"].startswith("/quotes/")
        ]
        nxt = [a for a in doc.find_all("a") if a.attrs.get("rel") == "next"]
        path = nxt[0].attrs["href"] if nxt else None
        if path:
            assert list(dict(parse_qsl(urlsplit(path).query))) == ["cursor"]  # blanks dropped
    every = seeds_api.client.get("/quotes", params={"limit": 200}).json()["items"]
    assert shown == [f"/quotes/{q['id']}" for q in every] and len(every) > 50


def test_the_article_page_marks_every_fact_at_its_evidence_offsets(seeds_api):
    for source in seeds_api.client.get("/sources").json()["items"]:
        stored = seeds_api.client.get(f"/sources/{source['id']}").json()["text"]
        doc = get_page(seeds_api, f"/explore/sources/{source['id']}")
        text = doc.find("div", class_="stored-text")
        assert text.text == stored  # the tags add nothing and lose nothing
        for quote in seeds_api.client.get("/quotes", params={"source_id": source["id"], "limit": 200}).json()[
            "items"
        ]:
            [evidence] = [e for e in quote["evidence"] if e["source_id"] == source["id"]][:1]
            pieces = [m for m in text.find_all("mark") if m.attrs["data-fact"] == f"quote-{quote['id']}"]
            assert pieces and pieces[0].attrs["id"] == f"quote-{quote['id']}"
            assert "".join(p.text for p in pieces).startswith(evidence["text"])
        kinds = {m.attrs["data-kind"] for m in text.find_all("mark")}
        assert kinds <= {"quote", "person", "figure", "event"}
        assert all(m.has_class(f"fact-{m.attrs['data-kind']}") for m in text.find_all("mark"))


def test_the_article_side_list_links_each_fact_to_its_mark_and_its_json(corpus_api):
    refinery = corpus_api.source_ids[0]
    doc = get_page(corpus_api, f"/explore/sources/{refinery}")
    side = doc.find("aside")
    hrefs = [a.attrs["href"] for a in side.find_all("a")]
    marks = {m.attrs["id"] for m in doc.find_all("mark") if "id" in m.attrs}
    anchors = [h[1:] for h in hrefs if h.startswith("#")]
    assert anchors and set(anchors) <= marks
    for kind, path in [
        ("quote", "/quotes/"),
        ("person", "/people/"),
        ("figure", "/figures/"),
        ("event", "/events/"),
    ]:
        ids = [a.split("-")[1] for a in anchors if a.startswith(kind)]
        assert ids, kind
        for fact_id in ids:
            assert f"{path}{fact_id}" in hrefs
            assert corpus_api.client.get(f"{path}{fact_id}").status_code == 200


def test_a_person_page_groups_quotes_by_article_and_charts_them(corpus_api):
    lopez = corpus_api.client.get("/people", params={"name": "Maria Lopez"}).json()["items"][0]
    doc = get_page(corpus_api, f"/explore/people/{lopez['id']}")
    assert doc.find("h1").text == "Maria Lopez"
    facts = doc.find("dl").text
    assert "chief executive" in facts and "Gulf Coast Energy" in facts and "Lopez" in facts
    groups = doc.find_all("article", class_="group")
    assert [g.find("h3").text for g in groups] == [
        "Refinery workers rally",
        "Refinery to stay open through winter",
    ]
    chart = doc.find("figure", class_="chart").find("img").attrs["src"]
    response = corpus_api.client.get(chart)
    assert response.headers["content-type"] == "image/svg+xml"
    bars = [b.find("title").text for b in parse(response.text).find("svg").find_all("rect")]
    assert bars[-1] == "2025-01: 1 quote"  # counted once, in the month it was first published
    assert all(b.endswith(": 0 quotes") for b in bars[:-1])
    alongside = doc.find("section", aria_labelledby="along-h").text
    assert "Tom Baker, Union leader 1 article" in " ".join(alongside.split())  # quoted in the refinery story
    assert "Ann Lopez" not in alongside


def test_figures_that_sources_disagree_on_are_compared_side_by_side(corpus_api):
    doc = get_page(corpus_api, "/explore/figures?conflicting=true")
    rows = doc.find("tbody").find_all("tr")
    assert len(rows) == 2 and all(r.has_class("disputed") for r in rows)
    compare = get_page(corpus_api, link(doc, "Sources disagree"))
    cards = compare.find_all("section", class_="figure-card")
    assert [c.find("h2").text for c in cards] in (
        ["250,000 barrels per day", "260,000 barrels per day"],
        ["260,000 barrels per day", "250,000 barrels per day"],
    )
    sentences = [c.find("blockquote").text for c in cards]
    assert any("Reuters" in s for s in sentences) and any("Labor Wire" in s for s in sentences)


def test_figures_filter_by_topic_unit_and_value(corpus_api):
    doc = get_page(corpus_api, "/explore/figures?unit=barrels_per_day&min_value=255000")
    assert [r.find("td").text.strip() for r in doc.find("tbody").find_all("tr")] == [
        "260,000 barrels per day"
    ]
    assert link(doc, "Download CSV") == "/figures?unit=barrels_per_day&min_value=255000&format=csv"


def test_events_are_a_timeline_showing_each_date_precision(corpus_api):
    doc = get_page(corpus_api, "/explore/events?order=oldest")
    events = doc.find_all("li", class_="event")
    dates = [e.find("time").text for e in events]
    assert dates == sorted(dates) and dates
    assert all(e.find("span", class_="precision").text in {"day", "month", "year"} for e in events)
    assert "order" not in link(doc, "Download CSV")  # the order is the page's, not a filter


def test_sources_are_listed_newest_first_and_filter_by_outlet(corpus_api):
    doc = get_page(corpus_api, "/explore/sources")
    assert [r.find("time").text for r in doc.find("tbody").find_all("tr")] == [
        "2025-01-20",
        "2025-01-15",
        "2024-03-05",
    ]
    doc = get_page(corpus_api, "/explore/sources?publisher=reuters")
    assert [r.find_all("td")[2].text for r in doc.find("tbody").find_all("tr")] == [
        "Refinery to stay open through winter"
    ]


@pytest.mark.parametrize(
    ("path", "status", "says"),
    [
        ("/explore/quotes?published_from=2024-13-40", 422, "published_from"),
        ("/explore/quotes?limit=500", 422, "limit: unknown parameter"),
        ("/explore/quotes?cursor=bogus", 422, "cursor"),
        ("/explore/quotes?q=%21%21", 422, "at least one word"),
        ("/explore/figures?min_value=abc", 422, "min_value"),
        ("/explore/events?cursor=ZDp4Ong", 422, "cursor"),
        ("/explore/sources?date_from=2025-01-01&date_to=2024-01-01", 422, "after the last"),
        ("/explore/people/999999", 404, "no person with id 999999"),
        ("/explore/people/abc", 404, "ids are whole numbers"),
        ("/explore/people/999999/chart.svg", 404, "no person with id 999999"),
        ("/explore/sources/99999999999999999999999", 404, "ids are whole numbers"),
        ("/explore/figures/0", 404, "ids are whole numbers"),
        ("/explore/figures/%C2%B2", 404, "ids are whole numbers"),  # a superscript two is a digit to Python
        ("/explore/figures/" + "9" * 5000, 404, "ids are whole numbers"),
        ("/explore/nowhere", 404, "no explorer page"),
        ("/explore/sources/1?x=1", 422, "x: unknown parameter"),
    ],
)
def test_bad_parameters_get_a_readable_error_page(corpus_api, path, status, says):
    doc = get_page(corpus_api, path, status)
    assert says in doc.find("div", class_="error").text
    assert "Traceback" not in doc.text


def test_a_search_typed_after_the_home_address_is_the_quote_search(corpus_api):
    response = corpus_api.client.get("/?speaker=Lopez&q=winter")
    assert response.status_code == 303
    assert response.headers["location"] == "/explore/quotes?speaker=Lopez&q=winter"


def test_head_answers_like_get(corpus_api):
    response = corpus_api.client.head("/explore/quotes?speaker=Lopez")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert response.content == b""


def test_the_explorer_stays_out_of_the_openapi_document(corpus_api):
    paths = corpus_api.client.get("/openapi.json").json()["paths"]
    assert not [p for p in paths if p == "/" or p.startswith("/explore")]


def test_static_files_are_served_by_the_app(corpus_api):
    css = corpus_api.client.get("/explore/static/explorer.css")
    assert css.status_code == 200 and ":focus-visible" in css.text
    assert not re.search(r"url\(\s*['\"]?https?:", css.text)


PARAMS = {
    "/explore/quotes": ["q", "speaker", "topic", "kind", "published_from", "published_to", "cursor"],
    "/explore/people": ["name", "q", "cursor"],
    "/explore/figures": ["topic", "unit", "min_value", "max_value", "q", "conflicting", "cursor"],
    "/explore/events": ["date_from", "date_to", "participant", "q", "order", "cursor"],
    "/explore/sources": ["publisher", "date_from", "date_to", "cursor"],
    "/explore/people/1": ["before"],
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(sorted(PARAMS)),
    values=st.lists(st.text(max_size=40), min_size=1, max_size=4),
    data=st.data(),
)
def test_any_query_string_gets_a_page_or_a_readable_refusal(corpus_api, path, values, data):
    names = data.draw(st.lists(st.sampled_from(PARAMS[path]), min_size=len(values), max_size=len(values)))
    response = corpus_api.client.get(path, params=list(zip(names, values, strict=True)))
    assert response.status_code in (200, 422), response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
