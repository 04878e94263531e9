"""Hand a queued job to the task engine, inside the transaction that created it.

On PostgreSQL the procrastinate job is inserted on the caller's own connection (procrastinate's
``connection=`` option), so the ``ingest_jobs`` row and the queue entry commit or roll back
together: a job is never recorded without being queued, nor queued without its record. On SQLite
the row itself is the queue entry (the local runner polls the table).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import Connection

TASK = "kb.ingest_job"
QUEUE = "ingest"


def enqueue(conn: Connection, job_id: int) -> None:
    if conn.dialect.name != "postgresql":
        return
    dbapi: Any = conn.connection.dbapi_connection
    _deferrer().configure_task(TASK, queue=QUEUE, connection=dbapi).defer(job_id=job_id)


@lru_cache(maxsize=1)
def _deferrer() -> Any:
    """A procrastinate app used only to defer on a given connection (its own pool never opens)."""
    import procrastinate

    return procrastinate.App(connector=procrastinate.SyncPsycopgConnector())
