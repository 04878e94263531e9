"""CSV exports through a real `kb serve` over a synthetic corpus: an export never holds up other
requests, has an overall time budget, and a failure midway ends the file so a client can tell
(a last ``#error`` row and an aborted chunked transfer) and is logged. Failures are injected at
the database (a truncated SQLite file, a PostgreSQL database whose connections are terminated
and refused), not in our code."""

from __future__ import annotations

import csv
import io
import os
import threading

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from scripts import synth_corpus
from testkit.kb import PG_ENV, Server

QUOTES = 20_000


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def big_url(request, fresh_url_factory):
    if request.param == "postgres" and not os.environ.get(PG_ENV):
        pytest.skip(f"{PG_ENV} is not set")
    url = fresh_url_factory(request.param)
    synth_corpus.main(["--quotes", str(QUOTES), "--url", url, "--quiet"])
    return url


def server_log(server: Server) -> str:
    server.close()
    return server.proc.stderr.read().decode()


def read_export(response: httpx.Response) -> tuple[bytes, Exception | None]:
    """Everything the server sent, and the transport error that ended it (None: a clean end)."""
    body = bytearray()
    try:
        for chunk in response.iter_bytes():
            body += chunk
    except httpx.TransportError as exc:
        return bytes(body), exc
    return bytes(body), None


def test_healthz_answers_while_a_big_export_streams(big_url):
    server = Server(big_url)
    order: list[str] = []
    try:
        with server.client.stream("GET", "/quotes", params={"format": "csv"}) as response:
            assert response.status_code == 200
            chunks = response.iter_bytes()
            next(chunks)  # the export is under way

            def drain() -> None:
                for _ in chunks:
                    pass
                order.append("export finished")

            reader = threading.Thread(target=drain)
            reader.start()
            with httpx.Client(base_url=server.base, timeout=60) as other:
                for _ in range(5):
                    assert other.get("/healthz").status_code == 200
                    order.append("healthz")
            reader.join(120)
        assert order == ["healthz"] * 5 + ["export finished"], order
    finally:
        server.close()


def test_a_complete_export_ends_cleanly_and_holds_every_row(big_url):
    server = Server(big_url)
    try:
        with server.client.stream("GET", "/quotes", params={"format": "csv"}) as response:
            body, error = read_export(response)
        assert error is None
        rows = list(csv.reader(io.StringIO(body.decode())))
        assert rows[0][0] == "id" and len(rows) == QUOTES + 1
        assert not any(row[0] == "#error" for row in rows)
    finally:
        server.close()


def assert_cut_short(body: bytes, error: Exception | None) -> None:
    assert isinstance(error, httpx.RemoteProtocolError), error  # no terminating chunk
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert rows[0][0] == "id" and len(rows) > 2
    assert rows[-1][0] == "#error" and "export cut short after" in rows[-1][1], rows[-1]


def test_an_export_past_its_time_budget_is_cut_short(big_url):
    """The budget holds wherever it runs out: past the first rows the stream is cut short; on a
    machine so busy that the first rows already took the budget, the answer is a 503 (the export
    never starts). Either way no export outlives its budget."""
    server = Server(big_url, env={"KB_EXPORT_TIMEOUT_S": "0.3"})
    try:
        with server.client.stream("GET", "/quotes", params={"format": "csv"}) as response:
            if response.status_code == 503:
                response.read()
                assert response.json()["type"] == "/problems/query-timeout"
                assert "time limit" in response.json()["detail"]
                return
            assert response.status_code == 200
            body, error = read_export(response)
        assert_cut_short(body, error)
        assert "time limit" in body.decode().splitlines()[-1]
        assert server.client.get("/healthz").status_code == 200
    finally:
        log = server_log(server)
    assert "CSV export of quotes cut short" in log


def break_database(url: str) -> None:
    """SQLite: the file loses all but its first pages. PostgreSQL: no new connections to the
    database, and every open one terminated."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        os.truncate(parsed.database, 8192)
        return
    admin = create_engine(os.environ[PG_ENV], isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{parsed.database}" ALLOW_CONNECTIONS false'))
        conn.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :db"),
            {"db": parsed.database},
        )
    admin.dispose()


def mend_database(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return
    admin = create_engine(os.environ[PG_ENV], isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{parsed.database}" ALLOW_CONNECTIONS true'))
    admin.dispose()


@pytest.fixture
def breakable_url(request, fresh_url_factory):
    """A database of its own (this test breaks it)."""
    backend = request.param
    if backend == "postgres" and not os.environ.get(PG_ENV):
        pytest.skip(f"{PG_ENV} is not set")
    url = fresh_url_factory(backend)
    synth_corpus.main(["--quotes", str(QUOTES), "--url", url, "--quiet"])
    yield url
    mend_database(url)


@pytest.mark.parametrize("breakable_url", ["sqlite", "postgres"], indirect=True)
def test_a_database_failure_midway_ends_the_export_so_a_client_can_tell(breakable_url):
    server = Server(breakable_url, env={"KB_SQLITE_CACHE_MB": "1"})
    try:
        with server.client.stream("GET", "/quotes", params={"format": "csv"}) as response:
            assert response.status_code == 200
            chunks = response.iter_bytes()
            first = next(chunks)
            break_database(breakable_url)
            rest = bytearray(first)
            error: Exception | None = None
            try:
                for chunk in chunks:
                    rest += chunk
            except httpx.TransportError as exc:
                error = exc
        assert_cut_short(bytes(rest), error)
    finally:
        mend_database(breakable_url)
        log = server_log(server)
    assert "CSV export of quotes cut short" in log
