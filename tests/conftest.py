"""Shared fixtures: real databases (a SQLite file; PostgreSQL when KB_TEST_POSTGRES_URL is set)
and a real `kb serve` process answering over HTTP.

Each PostgreSQL-backed session gets a database of its own (created and dropped here), so the
suite never touches data it did not make.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
KB = Path(sys.executable).with_name("kb")
PG_ENV = "KB_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", "postgres"]


def kb_command() -> list[str]:
    return [str(KB)] if KB.exists() else [sys.executable, "-m", "app.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_kb(
    args: list[str], url: str, cwd: Path | None = None, timeout: int = 600
) -> subprocess.CompletedProcess:
    env = {**os.environ, "KB_DATABASE_URL": url}
    return subprocess.run(
        [*kb_command(), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


def create_pg_database(prefix: str = "kb_test") -> str:
    """A fresh, empty PostgreSQL database; returns its URL."""
    base = os.environ[PG_ENV]
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(base).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    name = make_url(url).database
    admin = create_engine(os.environ[PG_ENV], isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def fresh_url_factory(tmp_path_factory):
    """Makes empty databases of a backend; drops the PostgreSQL ones at the end."""
    made: list[str] = []

    def make(backend: str) -> str:
        if backend == "postgres":
            if not os.environ.get(PG_ENV):
                pytest.skip(f"{PG_ENV} is not set")
            url = create_pg_database()
            made.append(url)
            return url
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'kb.sqlite3'}"

    yield make
    for url in made:
        drop_pg_database(url)


@pytest.fixture(params=BACKENDS)
def fresh_url(request, fresh_url_factory) -> str:
    """An empty database URL, once per backend."""
    return fresh_url_factory(request.param)


class Server:
    """A real `kb serve` process on a free port."""

    def __init__(self, url: str) -> None:
        self.db_url = url
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "KB_DATABASE_URL": url}
        self.proc = subprocess.Popen(
            [*kb_command(), "serve", "--port", str(self.port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        self.client = httpx.Client(base_url=self.base, timeout=30)
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"kb serve exited: {self.proc.stderr.read().decode()[-2000:]}")
            try:
                self.client.get("/openapi.json")
                return
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError("kb serve did not start")

    def close(self) -> None:
        self.client.close()
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="session")
def server_factory() -> Iterator:
    servers: list[Server] = []

    def make(url: str) -> Server:
        server = Server(url)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def seeds_dir(tmp_path_factory) -> Path:
    """A copy of seeds/ (tests never write into the project's folders)."""
    target = tmp_path_factory.mktemp("seeds") / "seeds"
    shutil.copytree(ROOT / "seeds", target)
    return target


@pytest.fixture(scope="session", params=BACKENDS)
def corpus_api(request, fresh_url_factory, server_factory):
    """A server over the hand-made corpus (tests/corpus.py), once per backend."""
    from app.storage.db import create_script_engine
    from app.storage.migrate import upgrade
    from tests import corpus

    url = fresh_url_factory(request.param)
    upgrade(url)
    engine = create_script_engine(url)
    source_ids = corpus.load(engine)
    engine.dispose()
    server = server_factory(url)
    server.source_ids = source_ids
    server.backend = request.param
    return server


@pytest.fixture(scope="session", params=BACKENDS)
def seeds_api(request, fresh_url_factory, server_factory, seeds_dir):
    """A server over the seed articles ingested with `kb ingest`, once per backend."""
    url = fresh_url_factory(request.param)
    result = run_kb(["ingest", str(seeds_dir)], url)
    assert result.returncode == 0, result.stderr
    server = server_factory(url)
    server.backend = request.param
    return server
