"""What a failed query means, decided by the exception's type and the database's own codes.

A lost connection is worth one retry on a fresh one; a statement cut off by the time limit, or a
database that cannot serve (disk, memory, locks, shutting down), is the service's trouble for a
while (503, Retry-After); anything else is a bug in the query or the schema, which must be seen
in the server log as one, not reported as an outage. No message text is matched: SQLAlchemy's
dialect knows which errors are disconnects, SQLite gives a result code and PostgreSQL a SQLSTATE.
"""

from __future__ import annotations

import sqlite3
from enum import Enum
from typing import Any

from sqlalchemy.engine import Dialect


class Failure(Enum):
    DISCONNECT = "disconnect"  # the connection is gone: reconnect and retry once
    TIMEOUT = "timeout"  # the query ran past the time limit
    UNAVAILABLE = "unavailable"  # the database cannot serve right now
    BUG = "bug"  # anything else: a programming or schema error


# SQLite primary result codes that mean the database cannot serve, whatever the query
SQLITE_UNAVAILABLE = frozenset(
    {
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
        sqlite3.SQLITE_NOMEM,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_CORRUPT,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_PROTOCOL,
        sqlite3.SQLITE_NOTADB,
    }
)
# SQLSTATE classes: connection exception, insufficient resources, operator intervention (57014,
# query_canceled, is the time limit and is checked first), system error
POSTGRES_UNAVAILABLE = frozenset({"08", "53", "57", "58"})
POSTGRES_CANCELED = "57014"


def classify(dialect: Dialect, exc: BaseException, dbapi_connection: Any, cursor: Any) -> Failure:
    """The kind of failure ``exc`` (raised by the DB-API driver on this connection) is."""
    dbapi: Any = dialect.dbapi
    if dbapi is None or not isinstance(exc, dbapi.Error):
        return Failure.BUG  # not the database's error at all: Python code failed
    if dialect.is_disconnect(exc, dbapi_connection, cursor):
        return Failure.DISCONNECT
    if dialect.name == "sqlite":
        return _sqlite(exc)
    return _postgres(exc, dbapi)


def _sqlite(exc: BaseException) -> Failure:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == sqlite3.SQLITE_INTERRUPT:  # our progress handler stopped the statement
        return Failure.TIMEOUT
    if primary in SQLITE_UNAVAILABLE:
        return Failure.UNAVAILABLE
    return Failure.BUG


def _postgres(exc: BaseException, dbapi: Any) -> Failure:
    state = getattr(exc, "sqlstate", None)
    if state == POSTGRES_CANCELED:  # statement_timeout
        return Failure.TIMEOUT
    if state is not None and state[:2] in POSTGRES_UNAVAILABLE:
        return Failure.UNAVAILABLE
    if state is None and isinstance(exc, dbapi.OperationalError):
        return Failure.UNAVAILABLE  # raised by the client library itself, e.g. while connecting
    return Failure.BUG
