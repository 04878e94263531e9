"""Failures the client must see as problem+json, never as a traceback: an unexpected server error
(500) and a database that cannot be opened (503, and /healthz says so)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from app.api.main import create_app
from app.settings import Settings
from testkit.kb import free_port


def serve_in_thread(app) -> Iterator[httpx.Client]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
        yield client
    server.should_exit = True
    thread.join(10)


@pytest.fixture
def broken_app_client(tmp_path) -> Iterator[httpx.Client]:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path}/kb.sqlite3"))

    @app.get("/boom", include_in_schema=False)
    async def boom() -> None:
        raise RuntimeError("secret internals")

    yield from serve_in_thread(app)


@pytest.fixture
def dead_db_client(tmp_path) -> Iterator[httpx.Client]:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path}/no/such/dir/kb.sqlite3"))
    yield from serve_in_thread(app)


def test_an_unexpected_error_is_a_500_problem_without_internals(broken_app_client):
    response = broken_app_client.get("/boom")
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == 500 and body["title"] == "Internal Server Error"
    assert "secret" not in response.text and "Traceback" not in response.text


@pytest.mark.parametrize("path", ["/quotes", "/people/1", "/topics", "/figures?format=csv"])
def test_an_unreachable_database_is_a_503_problem(dead_db_client, path):
    response = dead_db_client.get(path)
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.headers["retry-after"]
    assert response.json()["title"] == "Database unavailable"


def test_healthz_reports_the_dead_database(dead_db_client):
    response = dead_db_client.get("/healthz")
    assert response.status_code == 503
    assert "unable to open database" in response.json()["detail"]
