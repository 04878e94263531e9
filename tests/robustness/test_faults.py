"""Faults the API must survive: the database going away and coming back (503 problem+json
within a second or two, /healthz says so, service resumes without a restart), and a query that
runs too long (cut off by the time limit with a problem+json; the worker keeps serving)."""

from __future__ import annotations

import os
import time

import httpx
import pytest
from sqlalchemy.engine import make_url

from app.storage.migrate import upgrade
from scripts import synth_corpus
from testkit import corpus
from testkit.kb import PG_ENV, Server, free_port
from testkit.tcp_proxy import Proxy


def assert_503_problem(response: httpx.Response) -> dict:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    return response.json()


@pytest.mark.postgres
def test_lost_postgresql_gives_503_then_recovers(fresh_url_factory):
    url = fresh_url_factory("postgres")
    upgrade(url)
    from app.storage.db import create_script_engine

    engine = create_script_engine(url)
    corpus.load(engine)
    engine.dispose()
    real = make_url(url)
    proxy = Proxy(real.port or 5432, free_port())
    server = Server(real.set(port=proxy.port).render_as_string(hide_password=False))
    try:
        assert server.client.get("/quotes").status_code == 200
        proxy.cut()
        for path in ("/quotes", "/healthz"):
            started = time.monotonic()
            body = assert_503_problem(server.client.get(path))
            assert time.monotonic() - started < 2.5
            assert body["type"] == "/problems/database-unavailable"
        proxy.restore()
        deadline = time.monotonic() + 10
        while server.client.get("/quotes").status_code != 200:
            assert time.monotonic() < deadline, "the API did not come back after the database did"
            time.sleep(0.2)
        assert server.client.get("/healthz").json()["status"] == "ok"
    finally:
        server.close()
        proxy.close()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def slow_db(request, fresh_url_factory):
    if request.param == "postgres" and not os.environ.get(PG_ENV):
        pytest.skip(f"{PG_ENV} is not set")
    url = fresh_url_factory(request.param)
    synth_corpus.main(["--quotes", "20000", "--figures", "150000", "--events", "0", "--url", url, "--quiet"])
    return url


def test_a_query_past_the_time_limit_is_cut_off(slow_db, monkeypatch):
    monkeypatch.setenv("KB_QUERY_TIMEOUT_MS", "10")
    server = Server(slow_db)
    try:
        body = assert_503_problem(server.client.get("/figures", params={"q": "no such words anywhere"}))
        assert body["type"] == "/problems/query-timeout"
        assert server.client.get("/quotes/1").status_code == 200  # the worker is not hung
    finally:
        server.close()
