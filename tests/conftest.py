"""Shared fixtures: real databases (a SQLite file; PostgreSQL when KB_TEST_POSTGRES_URL is set)
and a real `kb serve` process answering over HTTP.

Each PostgreSQL-backed session gets a database of its own (created and dropped here), so the
suite never touches data it did not make.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from testkit.kb import PG_ENV, ROOT, Server, create_pg_database, drop_pg_database, run_kb

BACKENDS = ["sqlite", "postgres"]


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
    from testkit import corpus

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
