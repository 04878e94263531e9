"""GET /people/{id} lists a bounded number of sources (the SPEC's fields kept) and links the rest,
which GET /people/{id}/sources pages by cursor: a person in every story no longer puts thousands
of sources in one response."""

from __future__ import annotations

import pytest

from app.queries.people import SOURCES_IN_DETAIL
from testkit.facts import Article
from testkit.kb import Server

ARTICLES = SOURCES_IN_DETAIL + 37


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def busy_person(request, fresh_url_factory):
    """A database where one person is mentioned in ARTICLES sources, and a server over it."""
    from app.storage.db import create_script_engine
    from app.storage.migrate import upgrade
    from app.storage.writer import store_article

    url = fresh_url_factory(request.param)
    upgrade(url)
    engine = create_script_engine(url)
    for i in range(ARTICLES):
        article = Article(f"Story number {i}. Wren Halloway spoke again.", origin=f"story{i}.txt")
        article.person("Wren Halloway")
        with engine.begin() as conn:
            store_article(conn, *article.parts())
    engine.dispose()
    server = Server(url)
    yield server
    server.close()


def person_id(server: Server) -> int:
    [person] = server.client.get("/people", params={"name": "Wren Halloway"}).json()["items"]
    return person["id"]


def test_the_person_page_lists_a_bounded_number_of_sources(busy_person):
    pid = person_id(busy_person)
    body = busy_person.client.get(f"/people/{pid}").json()
    assert {"id", "name", "aliases", "title", "affiliation", "sources", "mentions"} <= set(body)
    assert len(body["sources"]) == SOURCES_IN_DETAIL
    assert body["source_count"] == ARTICLES and body["source_count_exact"] is True
    assert body["sources_next"].startswith(f"/people/{pid}/sources?cursor=")


def test_the_rest_of_the_sources_page_by_cursor(busy_person):
    pid = person_id(busy_person)
    first = busy_person.client.get(f"/people/{pid}").json()
    seen = [s["id"] for s in first["sources"]]
    url: str | None = first["sources_next"] + "&limit=10"
    while url:
        response = busy_person.client.get(url)
        assert response.status_code == 200, response.text
        page = response.json()
        assert page["total"] == ARTICLES
        seen += [s["id"] for s in page["items"]]
        assert all(set(s) == {"id", "title", "publisher", "published_at", "mentions"} for s in page["items"])
        url = response.headers.get("link", "").split(">")[0].lstrip("<") or None
        assert (url is None) == (page["next_cursor"] is None)
    assert len(seen) == len(set(seen)) == ARTICLES and seen == sorted(seen)


def test_person_sources_refuses_what_it_cannot_use(busy_person):
    pid = person_id(busy_person)
    assert busy_person.client.get("/people/999999/sources").status_code == 404
    assert busy_person.client.get(f"/people/{pid}/sources", params={"cursor": "!!"}).status_code == 422
    assert busy_person.client.get(f"/people/{pid}/sources", params={"limit": 0}).status_code == 422
    assert busy_person.client.get(f"/people/{pid}/sources", params={"other": 1}).status_code == 422
