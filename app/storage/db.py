"""Engines for SQLite and PostgreSQL, configured the same way for the API and for ingest.

SQLite gets WAL (readers never block the writer), foreign keys and a busy timeout so concurrent
ingest processes wait instead of failing; the API wraps each read in :class:`TimeLimit`, a
progress handler that cuts off a statement running past the query time limit. PostgreSQL gets
the same limit through ``statement_timeout``.

SQLite has one writer at a time. A transaction opened with ``engine.begin()`` takes the write lock
up front (``BEGIN IMMEDIATE``: a deferred transaction that later writes would fail at once with
"database is locked" instead of waiting its turn); a connection from :func:`read_connection`
reads a snapshot without it, so looking up content hashes or the schema version never waits for
another process's store. Ingest waits for the lock as long as another writer holds it
(``busy_timeout_ms=None``): each writer holds it only for one article's store.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import date, datetime
from functools import lru_cache

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

PROGRESS_STEPS = 10_000  # SQLite VM instructions between two looks at the clock
WAIT_FOREVER_MS = 2**31 - 1  # SQLite's largest busy timeout (about 24 days)
READ_ONLY = "kb_read_only"


sqlite3.register_adapter(date, date.isoformat)
sqlite3.register_adapter(datetime, lambda d: d.isoformat(sep=" "))


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_db_engine(
    url: str,
    *,
    query_timeout_ms: int | None = None,
    pool_size: int = 8,
    sqlite_cache_mb: int = 64,
    sqlite_mmap_mb: int = 256,
    busy_timeout_ms: int | None = 30_000,
    custom_plans: bool = False,
) -> Engine:
    """An engine for ``url``; ``query_timeout_ms`` bounds every PostgreSQL statement (the API sets
    it; on SQLite the API puts :class:`TimeLimit` around each query instead).

    ``custom_plans`` (the API): PostgreSQL plans every execution for its own parameter values
    (``plan_cache_mode=force_custom_plan``). psycopg prepares a statement run five times, and
    PostgreSQL then switches to a generic plan that knows no values: for figures above a value
    on a topic, the count went from 12 ms to 70 ms, planned for a value matching a third of the
    table. Planning each time costs a fraction of a millisecond. No parallel workers either
    (``max_parallel_workers_per_gather=0``): every API query walks at most a few thousand index
    entries, and starting workers for one cost more than it saved (a capped count of figures on a
    topic took 15-42 ms with two workers, 1 ms without) while taking cores from other requests.

    SQLite's page cache and memory map are per connection and count in the process's resident
    memory, so the API (one connection per process) asks for less than a bulk ingest does.
    """
    if is_sqlite(url):
        wait_ms = WAIT_FOREVER_MS if busy_timeout_ms is None else busy_timeout_ms
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": wait_ms / 1000},
            pool_size=pool_size,
            max_overflow=32,
            pool_pre_ping=False,
        )
        _configure_sqlite(engine, sqlite_cache_mb, sqlite_mmap_mb, wait_ms)
        return engine
    connect_args: dict = {"connect_timeout": 3}
    options = []
    if query_timeout_ms:
        options.append(f"-c statement_timeout={int(query_timeout_ms)}")
    if custom_plans:
        options.append("-c plan_cache_mode=force_custom_plan -c max_parallel_workers_per_gather=0")
    if options:
        connect_args["options"] = " ".join(options)
    return create_engine(
        url,
        connect_args=connect_args,
        pool_size=pool_size,
        max_overflow=16,
        pool_pre_ping=True,
        pool_recycle=600,
    )


def create_ingest_engine(url: str) -> Engine:
    """The engine `kb ingest` stores with: on SQLite it waits for the write lock for as long as
    another writer holds it (each holds it for one article's store), never "database is locked"."""
    return create_db_engine(url, busy_timeout_ms=None)


def create_script_engine(url: str) -> Engine:
    """An unpooled engine for one-shot commands (migrations, tests)."""
    if is_sqlite(url):
        engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": 30})
        _configure_sqlite(engine)
        return engine
    return create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 5})


def read_connection(engine: Engine) -> Connection:
    """A connection whose transactions read without taking SQLite's write lock."""
    return engine.connect().execution_options(**{READ_ONLY: True})


def _configure_sqlite(
    engine: Engine, cache_mb: int = 64, mmap_mb: int = 256, busy_timeout_ms: int = 30_000
) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN below own transactions
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute(f"PRAGMA cache_size=-{int(cache_mb) * 1024}")
        cur.execute(f"PRAGMA mmap_size={int(mmap_mb) * 1024 * 1024}")
        cur.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn):
        # writers take the write lock up front: a deferred transaction that later writes fails at
        # once with "database is locked" when another ingest holds it, instead of waiting its turn
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")


class TimeLimit:
    """Interrupt a statement on this SQLite connection that runs past ``seconds`` from now.

    Installed around one query and removed after it (``with TimeLimit(conn, s): ...``), so nothing
    else on the connection (a later query, a migration, a write) can be cut off by a deadline that
    was not its own. The handler runs every PROGRESS_STEPS VM instructions; a true return makes
    SQLite stop the statement with SQLITE_INTERRUPT (``OperationalError: interrupted``). A class
    rather than a generator context manager: the API enters one around every query of a page.
    """

    __slots__ = ("conn", "deadline")

    def __init__(self, dbapi_conn: sqlite3.Connection, seconds: float) -> None:
        self.conn = dbapi_conn
        self.deadline = time.monotonic() + seconds

    def __enter__(self) -> None:
        self.conn.set_progress_handler(self.past, PROGRESS_STEPS)

    def __exit__(self, *exc: object) -> None:
        self.conn.set_progress_handler(None, 0)

    def past(self) -> bool:
        return time.monotonic() > self.deadline


@lru_cache(maxsize=8)
def cached_script_engine(url: str) -> Engine:
    return create_script_engine(url)
