"""`kb feeds add URL --every 15m`: workers poll followed feeds and ingest new entries, on SQLite
(the runner `kb serve` starts, here as `kb worker`) and on PostgreSQL (procrastinate workers)."""

from __future__ import annotations

import os
import subprocess
import time

import pytest
from sqlalchemy import text

from app.storage.db import create_script_engine
from testkit.articles import article
from testkit.kb import kb_command, run_kb
from testkit.pages import news_page, rss_feed, story_from_text
from testkit.webserver import WebServer

ENV = {"KB_FETCH_ALLOWED_NETWORKS": '["127.0.0.1/32"]', "KB_FEED_CHECK_S": "0.5"}


@pytest.fixture
def web():
    server = WebServer()
    yield server
    server.close()


def publish(web: WebServer, numbers: range) -> str:
    items = []
    for i in numbers:
        link = web.add(f"/story/{i}", news_page(story_from_text(article(i), f"https://gazette.example/{i}")))
        items.append({"title": f"Story {i}", "link": link, "guid": f"story-{i}", "published": "2024-05-14"})
    return web.add("/rss", rss_feed("Gazette", web.base, items), content_type="application/rss+xml")


def sources(url: str) -> int:
    engine = create_script_engine(url)
    with engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM sources")).scalar()
    engine.dispose()
    return int(n or 0)


def work_until(url: str, expected_sources: int, timeout: float = 120) -> None:
    """Run a worker until ``expected_sources`` are stored (and a moment more), then stop it."""
    env = {**os.environ, "KB_DATABASE_URL": url, **ENV}
    proc = subprocess.Popen([*kb_command(), "worker", "--quiet"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + timeout
        while sources(url) < expected_sources and time.monotonic() < deadline:
            time.sleep(0.3)
        time.sleep(1.5)  # a second poll, if any, would ingest again now
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode in (0, -15), err


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_followed_feed_is_polled_and_only_new_entries_are_ingested(web, fresh_url_factory, backend):
    url = fresh_url_factory(backend)
    feed = publish(web, range(3))
    added = run_kb(["feeds", "add", feed, "--every", "15m"], url)
    assert added.returncode == 0, added.stderr
    work_until(url, 3)
    assert sources(url) == 3
    assert [web.hits(f"/story/{i}") for i in range(3)] == [1, 1, 1]

    publish(web, range(5))  # two new stories
    assert run_kb(["feeds", "add", feed, "--every", "15m"], url).returncode == 0  # due again now
    work_until(url, 5)
    assert sources(url) == 5
    assert [web.hits(f"/story/{i}") for i in range(5)] == [1, 1, 1, 1, 1]  # old entries not fetched again
    listed = run_kb(["feeds", "list"], url).stdout
    assert feed in listed and "every 15m" in listed and "5 articles" in listed

    assert run_kb(["feeds", "remove", feed], url).returncode == 0
    assert "no feeds" in run_kb(["feeds", "list"], url).stdout
    assert sources(url) == 5  # the articles stay


def test_a_poll_interval_must_make_sense(fresh_url_factory):
    done = run_kb(["feeds", "add", "https://news.example/rss", "--every", "10s"], fresh_url_factory("sqlite"))
    assert done.returncode != 0 and "at most once a minute" in done.stderr
