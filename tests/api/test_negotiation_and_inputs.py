"""Accept negotiation by q-value and in any case; a search made of nothing searchable is a 422 on
every endpoint with ``q``; an infinite figure value never matches ``min_value``; a redirect never
takes its Location from the Host header."""

from __future__ import annotations

import pytest

from app.api.negotiation import preferred

OFFERS = ("application/json", "text/csv")


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, "application/json"),
        ("", "application/json"),
        ("*/*", "application/json"),
        ("text/csv", "text/csv"),
        ("TEXT/CSV", "text/csv"),
        ("Text/Csv; Q=1", "text/csv"),
        ("text/csv;q=0.1, application/json", "application/json"),
        ("application/json;q=0.1, text/csv", "text/csv"),
        ("application/json;q=0, text/csv;q=0.2", "text/csv"),
        ("text/csv, application/json", "application/json"),
        ("text/csv, */*", "text/csv"),
        ("text/*", "text/csv"),
        ("text/*;q=0.5, application/*;q=0.4", "text/csv"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "application/json"),
        ("text/csv;q=abc, application/json;q=0.5", "application/json"),
        ("text/csv;q=0, */*", "application/json"),
        ("image/png", "application/json"),
    ],
)
def test_preferred_offer(accept, chosen):
    assert preferred(accept, OFFERS) == chosen


@pytest.mark.parametrize(
    ("accept", "csv"),
    [
        ("TEXT/CSV", True),
        ("text/csv;q=0.1, application/json", False),
        ("application/json;q=0.1, text/csv", True),
        ("text/csv, application/json;q=0", True),
        ("application/json", False),
    ],
)
def test_list_endpoints_negotiate(corpus_api, accept, csv):
    response = corpus_api.client.get("/quotes", headers={"accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv" if csv else "application/json")


def test_problem_pages_negotiate(corpus_api):
    json_first = corpus_api.client.get("/problems/invalid-parameter", headers={"accept": "APPLICATION/JSON"})
    assert json_first.headers["content-type"].startswith("application/json")
    html_first = corpus_api.client.get(
        "/problems/invalid-parameter", headers={"accept": "application/json;q=0.1, text/html"}
    )
    assert html_first.headers["content-type"].startswith("text/html")


NOTHING = [" ", "   ", "\u0301", "\u0301\u0308", " \u0301 ", "\u200b", "!!!", "\t"]


@pytest.mark.parametrize("q", NOTHING)
@pytest.mark.parametrize("path", ["/quotes", "/people", "/figures", "/events"])
def test_a_search_for_nothing_is_a_422(corpus_api, path, q):
    response = corpus_api.client.get(path, params={"q": q})
    assert response.status_code == 422, (path, repr(q), response.status_code)
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "q" in response.text


@pytest.mark.parametrize("path", ["/quotes", "/people", "/figures", "/events"])
def test_a_search_with_a_letter_still_works(corpus_api, path):
    assert corpus_api.client.get(path, params={"q": " e\u0301 "}).status_code == 200


@pytest.mark.parametrize("value", ["inf", "-inf", "Infinity", "nan", "1e999"])
@pytest.mark.parametrize("name", ["min_value", "max_value"])
def test_an_infinite_bound_is_a_422(corpus_api, name, value):
    assert corpus_api.client.get("/figures", params={name: value}).status_code == 422


@pytest.mark.parametrize("host", ["evil.example", "evil.example:1", "127.0.0.1:1@evil.example"])
@pytest.mark.parametrize("path", ["/quotes/", "/people/", "/figures//", "/topics/", "/healthz/"])
def test_a_redirect_never_uses_the_host_header(corpus_api, path, host):
    response = corpus_api.client.get(path + "?limit=1", headers={"host": host}, follow_redirects=False)
    assert response.status_code in (307, 308)
    location = response.headers["location"]
    assert location == path.rstrip("/") + "?limit=1"
    assert "evil" not in location


@pytest.mark.parametrize("path", ["//evil.example/", "/\\evil.example/", "/no-such-route/"])
def test_no_redirect_off_the_site(corpus_api, path):
    response = corpus_api.client.get(path, follow_redirects=False)
    assert response.status_code == 404 or not response.headers.get("location", "/").startswith(("//", "/\\"))


def test_an_infinite_figure_is_stored_without_a_value_and_never_matches(fresh_url):
    from app.storage.db import create_script_engine
    from app.storage.migrate import upgrade
    from app.storage.writer import store_article
    from testkit.facts import Article
    from testkit.kb import Server

    upgrade(fresh_url)
    article = Article("Output was beyond counting, or minus beyond. It rose 5 percent.")
    article.figure("beyond counting", float("inf"), "count", measure="output")
    article.figure("minus beyond", float("-inf"), "count", measure="output")
    article.figure("5 percent", 5, "percent", measure="rise")
    engine = create_script_engine(fresh_url)
    with engine.begin() as conn:
        store_article(conn, *article.parts())
    engine.dispose()
    server = Server(fresh_url)
    try:
        everything = server.client.get("/figures").json()["items"]
        assert {f["text"]: f["value"] for f in everything}["beyond counting"] is None
        for params in ({"min_value": "-1.7e308"}, {"max_value": "1.7e308"}, {"min_value": "0"}):
            texts = [f["text"] for f in server.client.get("/figures", params=params).json()["items"]]
            assert texts == ["5 percent"], params
    finally:
        server.close()
