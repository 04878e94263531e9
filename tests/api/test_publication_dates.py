"""What a frontend needs to cite and to show the latest: evidence that carries its source's title,
publisher, date and URL; quotes, figures and events filtered by publication date and listed
newest first (sort=-published_at) with cursors that hold while articles are ingested; quotes by
the basis on which their speaker was found.

A fact's publication date is that of the earliest source reporting it (tests/corpus.py: the
Lopez quote is in the 2025-01-15 Reuters story and repeated on 2025-01-20, so it dates 2025-01-15).
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from app.extraction.types import ArticleMeta, Extraction, FigureFact, PersonFact, QuoteFact
from app.extraction.types import Speaker as Sp
from app.ingest.reader import ArticleRecord
from app.storage.db import create_script_engine
from app.storage.migrate import upgrade
from app.storage.writer import store_article
from testkit import corpus

DATED = ["/quotes", "/figures", "/events"]
BASES = ["explicit", "pronoun", "descriptor", "inherited", "organisation", "none"]


def every(api, path: str, **params) -> list[dict]:
    out, cursor = [], None
    while True:
        response = api.client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        body = response.json()
        out += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            return out


def newest_first(items: list[dict]) -> list[int]:
    dated = sorted((x for x in items if x["published_date"]), key=lambda x: (x["published_date"], x["id"]))
    undated = sorted((x["id"] for x in items if not x["published_date"]), reverse=True)
    return [x["id"] for x in reversed(dated)] + undated


@pytest.mark.parametrize("path", DATED)
def test_evidence_carries_what_is_needed_to_cite_its_source(corpus_api, path):
    sources = {s["id"]: s for s in every(corpus_api, "/sources")}
    for item in every(corpus_api, path):
        for ev in item["evidence"]:
            source = sources[ev["source_id"]]
            assert {k: ev[k] for k in ("title", "publisher", "published_at", "url")} == {
                k: source[k] for k in ("title", "publisher", "published_at", "url")
            }


def test_a_persons_mentions_carry_their_sources_too(corpus_api):
    [lopez] = corpus_api.client.get("/people", params={"name": "Maria Lopez"}).json()["items"]
    mentions = corpus_api.client.get(f"/people/{lopez['id']}").json()["mentions"]
    assert {m["publisher"] for m in mentions} == {"Reuters", "Labor Wire"}
    assert all(m["url"] and m["title"] for m in mentions)


def test_a_fact_is_dated_by_its_earliest_source(corpus_api):
    [quote] = corpus_api.client.get("/quotes", params={"q": "plant open winter"}).json()["items"]
    assert sorted(e["published_at"] for e in quote["evidence"]) == ["2025-01-15", "2025-01-20"]
    assert quote["published_date"] == "2025-01-15"
    [court] = corpus_api.client.get("/figures", params={"q": "prison sentence"}).json()["items"]
    assert court["published_date"] == "2024-03-05"


@pytest.mark.parametrize("path", DATED)
def test_newest_first_pages_through_every_item_once(corpus_api, path):
    items = every(corpus_api, path)
    expected = newest_first(items)
    assert [x["id"] for x in every(corpus_api, path, sort="-published_at")] == expected
    walked = [x["id"] for x in every(corpus_api, path, sort="-published_at", limit=1)]
    assert walked == expected
    assert every(corpus_api, path, sort="id") == items


def test_newest_first_in_csv_too(corpus_api):
    import csv
    import io

    response = corpus_api.client.get("/figures", params={"sort": "-published_at", "format": "csv"})
    dates = [row["published_date"] for row in csv.DictReader(io.StringIO(response.text))]
    assert dates == ["2025-01-20", "2025-01-15", "2024-03-05"]


@pytest.mark.parametrize("path", DATED)
def test_published_range(corpus_api, path):
    items = every(corpus_api, path)
    since = every(corpus_api, path, published_from="2025-01-16")
    assert [x["id"] for x in since] == [x["id"] for x in items if (x["published_date"] or "") >= "2025-01-16"]
    until = every(corpus_api, path, published_to="2024-12-31")
    assert [x["id"] for x in until] == [
        x["id"] for x in items if x["published_date"] and x["published_date"] <= "2024-12-31"
    ]
    assert until and all(x["published_date"] == "2024-03-05" for x in until)
    between = every(corpus_api, path, published_from="2025-01-15", published_to="2025-01-15")
    assert {x["published_date"] for x in between} == {"2025-01-15"}


@pytest.mark.parametrize(
    "path, params",
    [
        ("/quotes", {"published_from": "2025-02-01", "published_to": "2025-01-01"}),
        ("/quotes", {"published_from": "yesterday"}),
        ("/figures", {"sort": "published_at"}),
        ("/people", {"sort": "-published_at"}),
        ("/quotes", {"basis": "guessed"}),
    ],
)
def test_bad_date_sort_and_basis_parameters_are_422(corpus_api, path, params):
    response = corpus_api.client.get(path, params=params)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")


def test_a_cursor_belongs_to_its_sort_order(corpus_api):
    by_id = corpus_api.client.get("/quotes", params={"limit": 1}).json()["next_cursor"]
    newest = corpus_api.client.get("/quotes", params={"limit": 1, "sort": "-published_at"}).json()
    for cursor, sort in ((by_id, "-published_at"), (newest["next_cursor"], "id")):
        response = corpus_api.client.get("/quotes", params={"cursor": cursor, "sort": sort})
        assert response.status_code == 422
        assert response.json()["errors"][0]["parameter"] == "cursor"


def test_openapi_declares_sort_dates_and_the_basis_enum(corpus_api):
    spec = corpus_api.client.get("/openapi.json").json()
    for path in DATED:
        names = {p["name"] for p in spec["paths"][path]["get"]["parameters"]}
        assert {"published_from", "published_to", "sort"} <= names
    [basis] = [p for p in spec["paths"]["/quotes"]["get"]["parameters"] if p["name"] == "basis"]
    assert spec["components"]["schemas"]["SpeakerBasis"]["enum"] == BASES
    assert "SpeakerBasis" in str(basis["schema"])


# --- databases of their own: these tests write ------------------------------------------------


@pytest.fixture
def writable_api(fresh_url, server_factory):
    upgrade(fresh_url)
    engine = create_script_engine(fresh_url)
    corpus.load(engine)
    server = server_factory(fresh_url)
    server.engine = engine
    yield server
    engine.dispose()


def store(engine, name: str, published: str, quote: str) -> None:
    """An article in which Maria Lopez says ``quote`` and output rose 5 percent."""
    body = f"Headline {name}\n\n“{quote},” Maria Lopez said. Output rose 5 percent.\n"
    lopez = PersonFact("p0", "Maria Lopez", [], None, None, "f", [corpus.span(body, "Maria Lopez")])
    said = QuoteFact(quote, "direct", Sp("Maria Lopez", "person", "p0"), corpus.span(body, quote), [])
    figure = FigureFact("5 percent", 5, "percent", corpus.span(body, "5 percent"), measure="output")
    extraction = Extraction([lopez], [said], [figure], [])
    meta = ArticleMeta(title=f"Headline {name}", publisher="Wire", published_at=published)
    with engine.begin() as conn:
        store_article(conn, ArticleRecord(f"{name}.txt", body), meta, extraction)


def test_newest_first_cursors_hold_while_articles_are_ingested(writable_api):
    api = writable_api
    before = newest_first(every(api, "/quotes"))
    first = api.client.get("/quotes", params={"sort": "-published_at", "limit": 2}).json()
    seen = [x["id"] for x in first["items"]]
    store(api.engine, "newer", "2026-06-01", "We open a second plant next year")
    store(api.engine, "older", "2023-06-01", "The old plant closes in the spring")
    seen += [
        x["id"] for x in every(api, "/quotes", sort="-published_at", limit=1, cursor=first["next_cursor"])
    ]
    assert len(seen) == len(set(seen))  # nothing twice
    assert set(before) <= set(seen)  # nothing that was there is skipped
    texts = {x["id"]: x["text"] for x in every(api, "/quotes")}
    assert "The old plant closes in the spring" in {texts[i] for i in seen}  # sorts after the cursor
    assert "We open a second plant next year" not in {texts[i] for i in seen}  # sorts before it
    assert texts[newest_first(every(api, "/quotes"))[0]] == "We open a second plant next year"


def test_an_earlier_source_moves_a_fact_earlier(writable_api):
    api = writable_api
    quote = "We will keep the plant open through the winter"
    store(api.engine, "backfill", "2020-02-02", quote)
    [item] = api.client.get("/quotes", params={"q": "plant open winter"}).json()["items"]
    assert item["published_date"] == "2020-02-02" and len(item["evidence"]) == 3
    assert api.client.get("/quotes", params={"published_to": "2020-12-31"}).json()["items"] == [item]


def test_quotes_filter_by_the_basis_of_their_speaker(writable_api):
    api = writable_api
    with api.engine.begin() as conn:  # what the extractor stores in quotes.speaker_basis
        conn.execute(text("UPDATE quotes SET speaker_basis = 'explicit' WHERE speaker_type = 'person'"))
        conn.execute(
            text("UPDATE quotes SET speaker_basis = 'organisation' WHERE speaker_type = 'organization'")
        )
    explicit = every(api, "/quotes", basis="explicit")
    assert explicit and {q["speaker"]["basis"] for q in explicit} == {"explicit"}
    assert {q["speaker"]["type"] for q in explicit} == {"person"}
    [org] = every(api, "/quotes", basis="organisation")
    assert org["speaker"] == {
        "id": None,
        "name": "the company",
        "type": "organization",
        "basis": "organisation",
    }
    assert every(api, "/quotes", basis="pronoun") == []
    assert every(api, "/quotes", basis="explicit", speaker="Lopez")[0]["speaker"]["name"] == "Maria Lopez"


def test_the_migration_dates_facts_already_stored(fresh_url):
    """Upgrading a database at 0003 fills published_date from the evidence already there."""
    upgrade(fresh_url, "0003")
    engine = create_script_engine(fresh_url)
    with engine.begin() as conn:
        for sid, day in ((1, date(2024, 5, 2)), (2, date(2023, 1, 9)), (3, None)):
            conn.execute(
                text(
                    "INSERT INTO sources (id, content_hash, authors, credits, published_date, text, "
                    "word_count) VALUES (:id, :h, '[]', '[]', :d, 'x', 1)"
                ),
                {"id": sid, "h": f"h{sid}", "d": day},
            )
        conn.execute(
            text(
                "INSERT INTO quotes (id, text, text_key, kind) VALUES (1, 'x', 'k1', 'direct'), (2, 'y', 'k2', 'direct')"
            )
        )
        for fid, sid in ((1, 1), (1, 2), (2, 3)):
            conn.execute(
                text(
                    "INSERT INTO evidence (fact_type, fact_id, source_id, start_char, end_char, text) "
                    "VALUES ('quote', :f, :s, 0, 1, 'x')"
                ),
                {"f": fid, "s": sid},
            )
    upgrade(fresh_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, published_date FROM quotes ORDER BY id")).all()
    engine.dispose()
    assert [(i, str(d) if d else None) for i, d in rows] == [(1, "2023-01-09"), (2, None)]
