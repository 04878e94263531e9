"""The ``ingest_jobs`` table: what a client asked for and what became of it.

A job moves ``queued -> running -> done | failed``. Two guards make its end happen exactly once
however often a job is started (a worker killed mid-job, a queue redelivering it): a start only
takes a job that is not finished, and a finish only moves a job that is ``running``, inside the
same transaction that stores its article.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, or_, select, update

from app.storage.models import IngestJob

KINDS = ("text", "html", "url", "feed")


@dataclass
class StartedJob:
    id: int
    public_id: str
    kind: str
    payload: dict[str, Any]
    attempts: int
    feed_id: int | None
    entry_key: str | None


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def create(
    conn: Connection,
    kind: str,
    payload: dict[str, Any],
    *,
    api_key_id: int | None = None,
    feed_id: int | None = None,
    entry_key: str | None = None,
) -> tuple[int, str]:
    """A queued job; returns (row id, public id). The caller enqueues it in the same transaction."""
    if kind not in KINDS:
        raise ValueError(f"unknown job kind {kind!r}")
    public_id = str(uuid.uuid4())
    stmt = (
        insert(IngestJob)
        .values(
            public_id=public_id,
            kind=kind,
            status="queued",
            payload=payload,
            attempts=0,
            api_key_id=api_key_id,
            feed_id=feed_id,
            entry_key=entry_key,
        )
        .returning(IngestJob.id)
    )
    return int(conn.execute(stmt).scalar_one()), public_id


def start(conn: Connection, job_id: int, worker: str, lease_s: float | None = None) -> StartedJob | None:
    """Mark the job running (one more attempt); None when it is already finished or unknown."""
    values: dict[str, Any] = {
        "status": "running",
        "attempts": IngestJob.attempts + 1,
        "worker": worker[:200],
        "started_at": utcnow(),
        "lease_until": time.time() + lease_s if lease_s else None,
    }
    row = conn.execute(
        update(IngestJob)
        .where(IngestJob.id == job_id, IngestJob.status.in_(("queued", "running")))
        .values(**values)
        .returning(
            IngestJob.id, IngestJob.public_id, IngestJob.kind, IngestJob.payload, IngestJob.attempts,
            IngestJob.feed_id, IngestJob.entry_key,
        )
    ).first()  # fmt: skip
    if row is None:
        return None
    return StartedJob(row[0], row[1], row[2], row[3] or {}, row[4], row[5], row[6])


def finish(conn: Connection, job_id: int, *, source_id: int | None = None, error: str | None = None) -> bool:
    """``done`` (with the source) or ``failed`` (with the reason); False if it was not running."""
    values: dict[str, Any] = {
        "status": "failed" if error else "done",
        "source_id": source_id,
        "error": error,
        "finished_at": utcnow(),
        "lease_until": None,
    }
    if not error:
        values["payload"] = None  # the article is stored; the request has served its purpose
    result = conn.execute(
        update(IngestJob).where(IngestJob.id == job_id, IngestJob.status == "running").values(**values)
    )
    return bool(result.rowcount)


def get(conn: Connection, public_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        select(
            IngestJob.public_id, IngestJob.kind, IngestJob.status, IngestJob.source_id, IngestJob.error,
            IngestJob.attempts, IngestJob.created_at, IngestJob.started_at, IngestJob.finished_at,
        ).where(IngestJob.public_id == public_id)
    ).first()  # fmt: skip
    if row is None:
        return None
    keys = ("job_id", "kind", "status", "source_id", "error", "attempts", "created_at", "started_at")
    out = dict(zip((*keys, "finished_at"), row, strict=True))
    for key in ("created_at", "started_at", "finished_at"):
        if out[key] is not None:
            out[key] = _iso(out[key])
    return out


def next_local(conn: Connection, worker: str, lease_s: float) -> StartedJob | None:
    """SQLite runner: start the oldest queued job, or a running one whose lease ran out (its
    runner died). The caller's transaction holds SQLite's write lock, so two runners never take
    the same job."""
    now = time.time()
    job_id = conn.execute(
        select(IngestJob.id)
        .where(
            or_(
                IngestJob.status == "queued",
                (IngestJob.status == "running") & (IngestJob.lease_until < now),
            )
        )
        .order_by(IngestJob.id)
        .limit(1)
    ).scalar()
    return None if job_id is None else start(conn, int(job_id), worker, lease_s)


def counts(conn: Connection) -> dict[str, int]:
    from sqlalchemy import func

    rows = conn.execute(select(IngestJob.status, func.count()).group_by(IngestJob.status)).all()
    return {status: int(n) for status, n in rows}


def _iso(value: datetime | str) -> str:
    if isinstance(value, str):
        return value.replace(" ", "T") + ("" if value.endswith("Z") else "Z")
    return value.isoformat() + "Z"
