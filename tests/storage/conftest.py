"""A migrated, empty database per test (a SQLite file, and PostgreSQL when configured), and a
helper storing hand-built articles through the real writer, one transaction each."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text

from app.storage.db import create_db_engine
from app.storage.migrate import upgrade
from app.storage.writer import StoreResult, store_article
from testkit.facts import Article


@pytest.fixture
def engine(fresh_url) -> Iterator[Engine]:
    upgrade(fresh_url)
    engine = create_db_engine(fresh_url)
    engine.backend = "postgres" if fresh_url.startswith("postgresql") else "sqlite"  # type: ignore[attr-defined]
    yield engine
    engine.dispose()


def store(engine: Engine, article: Article) -> StoreResult:
    with engine.begin() as conn:
        return store_article(conn, *article.parts())


def rows(engine: Engine, sql: str, **params: object) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def count(engine: Engine, table: str) -> int:
    return rows(engine, f"SELECT count(*) FROM {table}")[0][0]
