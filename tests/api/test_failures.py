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
from testkit.kb import Server, free_port


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


# --- a bug is not an outage: each kind of failure through a real `kb serve` -----------------------


def corpus_database(fresh_url_factory, backend: str) -> str:
    from app.storage.db import create_script_engine
    from app.storage.migrate import upgrade
    from testkit import corpus

    url = fresh_url_factory(backend)
    upgrade(url)
    engine = create_script_engine(url)
    corpus.load(engine)
    engine.dispose()
    return url


def execute(url: str, sql: str) -> None:
    from sqlalchemy import text

    from app.storage.db import create_script_engine

    engine = create_script_engine(url)
    with engine.begin() as conn:
        conn.execute(text(sql))
    engine.dispose()


def server_log(server: Server) -> str:
    server.close()
    return server.proc.stderr.read().decode()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_broken_table_is_a_logged_500_and_the_rest_keeps_serving(fresh_url_factory, backend):
    url = corpus_database(fresh_url_factory, backend)
    execute(url, "DROP TABLE figure_conflicts")  # a schema the queries do not expect: a bug
    server = Server(url)
    try:
        response = server.client.get("/figures")
        assert response.status_code == 500
        assert response.headers["content-type"].startswith("application/problem+json")
        body = response.json()
        assert body["type"] == "/problems/internal-error"
        assert body["detail"] == "the server failed to answer this request; it has been logged"
        assert "figure_conflicts" not in response.text and "retry-after" not in response.headers
        assert server.client.get("/quotes").status_code == 200  # not an outage
        assert server.client.get("/healthz").json()["status"] == "ok"
    finally:
        log = server_log(server)
    assert "unhandled error on GET /figures" in log
    assert "Traceback" in log and "figure_conflicts" in log
    assert log.count("Traceback") == 1  # logged once, not again by the server's last resort


@pytest.mark.postgres
def test_a_dropped_connection_is_retried_once_on_a_new_one(fresh_url_factory):
    url = corpus_database(fresh_url_factory, "postgres")
    server = Server(url)
    try:
        assert server.client.get("/quotes").status_code == 200
        execute(
            url,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        response = server.client.get("/quotes")
        assert response.status_code == 200, response.text  # the client never saw the loss
    finally:
        log = server_log(server)
    assert "database connection lost, reconnecting" in log and "Traceback" not in log


def test_the_sqlite_time_limit_holds_for_one_query_and_is_lifted_after_it(tmp_path):
    """The deadline is installed around each query: a long statement through the read database
    is cut off, and nothing run on the connection afterwards inherits the expired deadline."""
    from app.queries.database import DatabaseError, ReadDatabase

    long_count = (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000) "
        "SELECT count(*) FROM c"
    )
    db = ReadDatabase(f"sqlite:///{tmp_path}/kb.sqlite3", query_timeout_ms=10)
    try:
        with pytest.raises(DatabaseError) as cut:
            db.all(long_count)
        assert cut.value.timeout
        assert db.all("SELECT 1") == [(1,)]
        time.sleep(0.05)  # well past the last query's deadline
        raw = db._connection().dbapi_connection
        assert raw.execute(long_count).fetchone() == (2000000,)
    finally:
        db.close()
