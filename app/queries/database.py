"""Read-only database access for the API: one DB-API connection per server process, plain SQL.

Why not an ORM session per request: every request of this API is a handful of indexed selects
that take well under a millisecond; a session, a pool checkout and a thread-pool hop would cost
more than the queries. The event loop runs each request's queries to completion on a connection
this process owns, rows go straight to dicts and then to orjson.

Failures are told apart by type (:mod:`app.queries.failures`): a lost connection is replaced and
the query retried once; a statement past the time limit, or a database that cannot serve, raises
:class:`DatabaseError` (503 problem+json with Retry-After); any other exception is a bug and
propagates as itself, to be logged with its traceback and answered with a 500.
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine

from app.queries.failures import Failure, classify
from app.storage.db import TimeLimit, create_db_engine, is_sqlite

PARAM = re.compile(r"(?<![:\w]):(\w+)")
COUNT_CACHE = 4096
log = logging.getLogger("app.queries")


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
            custom_plans=True,
        )
        self.timeout_s = query_timeout_ms / 1000
        self.deadline: float | None = None  # time.monotonic() past which no query may start
        self.budget_s: float | None = None
        self._owns_engine = True
        self._conn: Any = None
        self._count_cache: dict[tuple, tuple[float, Any]] = {}

    def fork(self, budget_s: float) -> ReadDatabase:
        """Another reader on the same engine with a connection of its own and an overall time
        budget: what a CSV export reads with, from its own thread, so the event loop's connection
        keeps answering every other request while the export runs (a SQLite or psycopg
        connection serves one statement at a time)."""
        other = object.__new__(ReadDatabase)
        other.__dict__.update(self.__dict__)
        other._owns_engine = False
        other._conn = None
        other._count_cache = {}
        other.deadline = time.monotonic() + budget_s
        other.budget_s = budget_s
        return other

    def close(self) -> None:
        """Give the connection back (a fork) or close it and the engine (the process's reader)."""
        if self._conn is not None:
            with contextlib.suppress(Exception):  # closing a dead connection may fail; nothing to do
                self._conn.close()
            self._conn = None
        if self._owns_engine:
            self.engine.dispose()

    def all(self, sql: str, params: dict | Sequence[Any] | None = None) -> list[tuple]:
        """Rows of ``sql`` (written with ``:name`` parameters, or ``?`` ones with a sequence of
        values on SQLite) as tuples."""
        text = sql if self.sqlite else to_pyformat(sql)
        self._check_deadline()
        for attempt in (1, 2):
            conn = self._connection()
            cursor = None
            try:
                cursor = conn.cursor()
                with self._time_limit(conn):
                    cursor.execute(text, params or {})
                    rows = cursor.fetchall()
                cursor.close()
                return rows
            except Exception as exc:
                failure = classify(self.engine.dialect, exc, conn.dbapi_connection, cursor)
                if failure is Failure.BUG:
                    with contextlib.suppress(Exception):
                        cursor.close()  # type: ignore[union-attr]
                    raise
                if failure is Failure.TIMEOUT:
                    self._check_deadline()  # cut off by the export's budget: say so, not the query limit
                    raise DatabaseError("the query took too long and was cancelled", timeout=True) from exc
                self._drop(conn)
                if failure is Failure.DISCONNECT and attempt == 1:
                    log.warning("database connection lost, reconnecting: %s", _first_line(exc))
                    continue
                log.warning("database unavailable: %s", _first_line(exc))
                raise DatabaseError(_reason(exc)) from exc
        raise AssertionError("unreachable")

    def _check_deadline(self) -> None:
        if self.deadline is not None and time.monotonic() >= self.deadline:
            raise DatabaseError(
                f"the export ran past its time limit ({self.budget_s:g} s) and was stopped",
                timeout=True,
            )

    def _time_limit(self, conn: Any) -> contextlib.AbstractContextManager[None] | TimeLimit:
        """SQLite: a deadline around this one query, the query time limit or what is left of the
        overall budget, whichever ends first (PostgreSQL has statement_timeout)."""
        if not self.sqlite:
            return contextlib.nullcontext()
        seconds = self.timeout_s
        if self.deadline is not None:
            seconds = min(seconds, max(self.deadline - time.monotonic(), 0.001))
        return TimeLimit(conn.dbapi_connection, seconds)

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

    def id_list(self, prefix: str, ids: Sequence[int], params: dict) -> str:
        """An IN list of row ids: bound parameters on SQLite (:func:`in_list`), the ids written
        into the SQL on PostgreSQL.

        Why: psycopg rewrites every ``%(name)s`` of a statement in Python before sending it, and a
        page's loaders bind a few hundred ids (0.2 ms of a 1.6 ms page); written in, the ids cost
        nothing to bind and PostgreSQL plans with the same values. SQLite binds natively, and there
        a constant statement text keeps its prepared statement cached (written-in ids made a
        one-person page 10% slower). Only integers go in (``int()`` of each), so nothing a client
        sends becomes SQL.
        """
        if self.sqlite:
            return in_list(prefix, ids, params)
        return "(" + ",".join([str(int(i)) for i in ids]) + ")" if ids else "(NULL)"

    def all_for_ids(self, sql: str, ids: Sequence[int]) -> list[tuple]:
        """Rows of ``sql`` for a list of row ids, its only parameter, written ``IN {ids}``.

        SQLite: one ``?`` per id bound by position, in a text that is the same for every list of
        that length (its prepared statement is reused). Why not ``:f0, :f1, ...``: SQLite's module
        looks each name up in the parameters, 7 us of a 170 us evidence query for fifty ids, and a
        page runs four such loaders. PostgreSQL: the ids written in, as :meth:`id_list` does.
        """
        if not ids:
            return []
        if self.sqlite:
            return self.all(_positional(sql, len(ids)), ids)
        return self.all(sql.replace("{ids}", "(" + ",".join([str(int(i)) for i in ids]) + ")"))

    def ping(self) -> None:
        self.all("SELECT 1")

    def _connection(self) -> Any:
        if self._conn is None:
            try:
                self._conn = self.engine.raw_connection()
            except Exception as exc:
                log.warning("cannot connect to the database: %s", _first_line(exc))
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


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


def _reason(exc: BaseException) -> str:
    return f"database unavailable: {_first_line(exc)}"


def in_list(prefix: str, values: Sequence[Any], params: dict) -> str:
    """``(:p0, :p1, ...)`` for an IN clause, adding the values to ``params``.

    The names and the SQL of each length are built once (:func:`_placeholders`): a page's three
    loaders bind about fifty ids each, and naming them one by one was 8% of a topic page on SQLite.
    """
    if not values:
        return "(NULL)"
    names, sql = _placeholders(prefix, len(values))
    params.update(zip(names, values, strict=True))
    return sql


@lru_cache(maxsize=4096)
def _positional(sql: str, n: int) -> str:
    """``sql`` with its ``{ids}`` as ``(?, ?, ...)``, ``n`` of them (built once per text and length)."""
    return sql.replace("{ids}", "(" + ", ".join("?" * n) + ")")


@lru_cache(maxsize=4096)
def _placeholders(prefix: str, n: int) -> tuple[tuple[str, ...], str]:
    names = tuple(f"{prefix}{i}" for i in range(n))
    return names, "(" + ", ".join(":" + name for name in names) + ")"
