"""Read-only database access for the API: one DB-API connection per server process, plain SQL.

Why not an ORM session per request: every request of this API is a handful of indexed selects
that take well under a millisecond; a session, a pool checkout and a thread-pool hop would cost
more than the queries. The event loop runs each request's queries to completion on a connection
this process owns, rows go straight to dicts and then to orjson. A lost connection is replaced
on the next query (one retry), a statement running past the time limit is interrupted, and both
surface as :class:`DatabaseError` (served as 503 problem+json).
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine

from app.storage.db import arm_deadline, create_db_engine, is_sqlite

PARAM = re.compile(r"(?<![:\w]):(\w+)")
COUNT_CACHE = 4096


class DatabaseError(Exception):
    """The database could not answer: unreachable, or the query ran out of time."""

    def __init__(self, detail: str, *, timeout: bool = False) -> None:
        super().__init__(detail)
        self.detail = detail
        self.timeout = timeout


class ReadDatabase:
    def __init__(
        self, url: str, *, query_timeout_ms: int = 3000, sqlite_cache_mb: int = 16, sqlite_mmap_mb: int = 0
    ) -> None:
        self.url = url
        self.sqlite = is_sqlite(url)
        self.dialect = "sqlite" if self.sqlite else "postgresql"
        self.engine: Engine = create_db_engine(
            url,
            query_timeout_ms=query_timeout_ms,
            pool_size=2,
            sqlite_cache_mb=sqlite_cache_mb,
            sqlite_mmap_mb=sqlite_mmap_mb,
        )
        self._conn: Any = None
        self._count_cache: dict[tuple, tuple[float, Any]] = {}

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):  # closing a dead connection may fail; nothing to do
                self._conn.close()
            self._conn = None
        self.engine.dispose()

    def all(self, sql: str, params: dict | None = None) -> list[tuple]:
        """Rows of ``sql`` (written with ``:name`` parameters) as tuples."""
        text = sql if self.sqlite else to_pyformat(sql)
        for attempt in (1, 2):
            conn = self._connection()
            try:
                cur = conn.cursor()
                if self.sqlite:
                    arm_deadline(conn.dbapi_connection)
                cur.execute(text, params or {})
                rows = cur.fetchall()
                cur.close()
                return rows
            except Exception as exc:
                self._drop(conn)
                if _is_timeout(exc):
                    raise DatabaseError("the query took too long and was cancelled", timeout=True) from exc
                if attempt == 2 or not _is_disconnect(exc):
                    raise DatabaseError(_reason(exc)) from exc
        raise AssertionError("unreachable")

    def one(self, sql: str, params: dict | None = None) -> tuple | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: dict | None = None) -> Any:
        row = self.one(sql, params)
        return row[0] if row else None

    def cached_count(self, table: str, ttl: float = 5.0) -> int:
        """``count(*)`` of a whole table, recounted at most every ``ttl`` seconds."""
        return self.cached((table,), lambda: int(self.scalar(f"SELECT count(*) FROM {table}") or 0), ttl)

    def cached(self, key: tuple, compute, ttl: float = 5.0):
        """``compute()``, remembered for ``ttl`` seconds under ``key`` (at most COUNT_CACHE keys).

        Totals are the one part of a page whose cost grows with the data (up to the cap): a
        cursor walk or a frontend repeating a search asks for the same total again and again.
        """
        now = time.monotonic()
        hit = self._count_cache.get(key)
        if hit and now - hit[0] < ttl:
            return hit[1]
        value = compute()
        if len(self._count_cache) >= COUNT_CACHE:
            self._count_cache.clear()
        self._count_cache[key] = (now, value)
        return value

    def ping(self) -> None:
        self.all("SELECT 1")

    def _connection(self) -> Any:
        if self._conn is None:
            try:
                self._conn = self.engine.raw_connection()
            except Exception as exc:
                raise DatabaseError(_reason(exc)) from exc
            if not self.sqlite:
                self._conn.dbapi_connection.autocommit = True
        return self._conn

    def _drop(self, conn: Any) -> None:
        with contextlib.suppress(Exception):
            conn.invalidate()
        self._conn = None


@lru_cache(maxsize=512)
def to_pyformat(sql: str) -> str:
    """``:name`` -> ``%(name)s`` for psycopg (and ``%`` -> ``%%``)."""
    return PARAM.sub(r"%(\1)s", sql.replace("%", "%%"))


def _is_timeout(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "interrupted" in text or "statement timeout" in text or "canceling statement" in text


def _is_disconnect(exc: BaseException) -> bool:
    text = str(exc).lower()
    markers = ("closed", "terminat", "connection", "server", "broken pipe", "eof", "admin shutdown")
    return any(m in text for m in markers)


def _reason(exc: BaseException) -> str:
    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return f"database unavailable: {first[:200]}"


def in_list(prefix: str, values: Sequence[Any], params: dict) -> str:
    """``(:p0, :p1, ...)`` for an IN clause, adding the values to ``params``."""
    names = []
    for i, value in enumerate(values):
        name = f"{prefix}{i}"
        params[name] = value
        names.append(f":{name}")
    return "(" + ", ".join(names) + ")" if names else "(NULL)"
