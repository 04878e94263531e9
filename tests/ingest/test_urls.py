"""`kb ingest URL`: pages and feeds fetched from a real HTTP server on 127.0.0.1, every failure one
line naming the URL and the reason, and a feed ingested again giving only what is new."""

from __future__ import annotations

import sqlite3

import pytest

from testkit.articles import article
from testkit.kb import run_kb
from testkit.pages import atom_feed, news_page, rss_feed, story_from_text
from testkit.webserver import WebServer


@pytest.fixture
def web():
    server = WebServer()
    yield server
    server.close()


def page_for(i: int, web: WebServer) -> tuple[str, str]:
    """Serve article ``i`` as a page; returns (its URL, its canonical URL)."""
    canonical = f"https://gazette.example/news/{i}"
    story = story_from_text(article(i), canonical, published="2024-05-14")
    return web.add(f"/news/{i}", news_page(story, variant=i)), canonical


def stored(url: str, column: str = "url") -> list:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        return sorted(r[0] for r in db.execute(f"SELECT {column} FROM sources"))


def test_a_page_url_is_fetched_and_keeps_its_url(web, fresh_url_factory):
    url, canonical = page_for(1, web)
    db = fresh_url_factory("sqlite")
    done = run_kb(["ingest", url], db)
    assert done.returncode == 0, done.stderr
    assert "ingested 1" in done.stdout
    assert stored(db) == [canonical]  # the page's canonical URL
    assert stored(db, "origin") == [url]  # and where it was fetched from
    assert web.requests[0][1].startswith("newsroom-kb/")  # a clear User-Agent


def test_redirects_are_followed(web, fresh_url_factory):
    page_for(2, web)
    moved = web.add("/old/2", redirect=web.url("/news/2"), status=301)
    done = run_kb(["ingest", moved], fresh_url_factory("sqlite"))
    assert done.returncode == 0, done.stderr
    assert web.hits("/news/2") == 1


@pytest.mark.parametrize("full_content", [False, True])
def test_a_feed_ingests_its_entries_and_then_only_what_is_new(web, fresh_url_factory, full_content):
    items = []
    for i in range(3):
        link, _ = page_for(i, web)
        items.append({"title": f"City approves plan number {i}", "link": link, "published": "2024-05-14",
                      "content_html": "".join(f"<p>{p}</p>" for p in article(i).split("\n\n")[1:]) * 4})  # fmt: skip
    feed = web.add("/feed.xml", rss_feed("Gazette", web.base, items, full_content=full_content),
                   content_type="application/rss+xml")  # fmt: skip
    db = fresh_url_factory("sqlite")
    first = run_kb(["ingest", feed], db)
    assert first.returncode == 0, first.stderr
    assert "ingested 3" in first.stdout and "3 entries, 3 new" in first.stdout
    assert web.hits("/news/0") == (0 if full_content else 1)  # full content needs no page fetch
    items.append({"title": "A fourth story", "link": page_for(3, web)[0], "published": "2024-05-15"})
    web.add("/feed.xml", rss_feed("Gazette", web.base, items), content_type="application/rss+xml")
    second = run_kb(["ingest", feed], db)
    assert second.returncode == 0, second.stderr
    assert "4 entries, 1 new" in second.stdout and "ingested 1" in second.stdout
    assert web.hits("/news/0") == (0 if full_content else 1)  # entries seen before are not fetched again
    assert len(stored(db)) == 4


def test_an_atom_feed_served_as_text_xml_is_recognised(web, fresh_url_factory):
    link, _ = page_for(5, web)
    feed = web.add("/atom", atom_feed("Gazette", web.base, [{"title": "Five", "link": link}]),
                   content_type="text/xml")  # fmt: skip
    done = run_kb(["ingest", feed], fresh_url_factory("sqlite"))
    assert done.returncode == 0, done.stderr
    assert "ingested 1" in done.stdout


def test_every_failure_is_one_line_naming_the_url_and_the_reason(web, fresh_url_factory):
    good, _ = page_for(6, web)
    slow = web.add("/slow", news_page(story_from_text(article(7), "https://g.example/7")), delay_s=3)
    data = web.add("/data.json", '{"a": 1}', content_type="application/json")
    empty = web.add("/empty", "<html><body><nav>Home</nav></body></html>")
    big = web.add("/big", "<html><body>" + "<p>word word word</p>" * 2000 + "</body></html>")
    env = {"KB_FETCH_TIMEOUT_S": "1", "KB_FETCH_MAX_BYTES": "20000"}
    args = ["ingest", good, web.url("/missing"), slow, data, empty, big,
            "https://no-such-host.invalid/story", "ftp://example.com/story"]  # fmt: skip
    done = run_kb(args, fresh_url_factory("sqlite"), env=env)
    assert done.returncode == 1
    lines = [ln for ln in done.stderr.splitlines() if ln.startswith("failed")]
    assert lines == [
        f"failed {web.url('/missing')}: HTTP 404 Not Found",
        f"failed {slow}: timed out (limit 1s)",
        f"failed {data}: not an article: the URL serves application/json, not HTML",
        f"failed {empty}: not an article: no article text found in the page",
        f"failed {big}: too large (42,026 bytes; at most 20,000)",
        "failed https://no-such-host.invalid/story: DNS lookup failed for no-such-host.invalid: "
        "Name or service not known",
        "failed ftp://example.com/story: only http and https URLs can be fetched",
    ]
    assert "ingested 1, already present 0, failed 7" in done.stdout


def test_a_url_is_not_a_path(fresh_url_factory):
    """`//` used to collapse (https:/host/...) and the URL was reported as a missing file."""
    done = run_kb(["ingest", "https://no-such-host.invalid/a//b"], fresh_url_factory("sqlite"))
    assert "failed https://no-such-host.invalid/a//b: DNS lookup failed" in done.stderr
    assert "no such file" not in done.stderr
