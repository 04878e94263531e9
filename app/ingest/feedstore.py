"""Feeds in the database: which are followed and how often, and which entries were handled.

An entry counts as handled once its article is stored (or was already present) or while a job for
it is queued or running; an entry whose ingest failed is tried again on later polls, at most
:data:`MAX_ENTRY_ATTEMPTS` times, so a dead link does not cost a fetch forever.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, func, insert, select, update

from app.storage.models import FeedEntryRecord, FeedRecord

MAX_ENTRY_ATTEMPTS = 3


@dataclass
class FeedRow:
    id: int
    url: str
    title: str | None
    every_s: int | None
    next_poll_at: float | None
    last_polled_at: datetime | None
    last_error: str | None
    entries: int = 0


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def ensure_feed(conn: Connection, url: str, title: str | None = None) -> int:
    """The feed's id, registering it (not followed) when it is new."""
    found = conn.execute(select(FeedRecord.id).where(FeedRecord.url == url)).scalar()
    if found is not None:
        if title:
            conn.execute(update(FeedRecord).where(FeedRecord.id == found).values(title=title))
        return int(found)
    stmt = insert(FeedRecord).values(url=url, title=title).returning(FeedRecord.id)
    return int(conn.execute(stmt).scalar_one())


def follow(conn: Connection, url: str, every_s: int) -> int:
    """Follow a feed: poll it every ``every_s`` seconds, the first time now."""
    feed_id = ensure_feed(conn, url)
    values = {"every_s": every_s, "next_poll_at": time.time()}
    conn.execute(update(FeedRecord).where(FeedRecord.id == feed_id).values(**values))
    return feed_id


def unfollow(conn: Connection, url: str) -> bool:
    """Forget a feed and its entries; False when it was not known."""
    return bool(conn.execute(delete(FeedRecord).where(FeedRecord.url == url)).rowcount)


def list_feeds(conn: Connection) -> list[FeedRow]:
    stored = (
        select(func.count())
        .select_from(FeedEntryRecord)
        .where(FeedEntryRecord.feed_id == FeedRecord.id, FeedEntryRecord.status == "done")
        .correlate(FeedRecord)
        .scalar_subquery()
    )
    rows = conn.execute(
        select(
            FeedRecord.id, FeedRecord.url, FeedRecord.title, FeedRecord.every_s, FeedRecord.next_poll_at,
            FeedRecord.last_polled_at, FeedRecord.last_error, stored,
        ).order_by(FeedRecord.url)
    ).all()  # fmt: skip
    return [FeedRow(*r) for r in rows]


def claim_due(conn: Connection, now: float | None = None, limit: int = 20) -> list[tuple[int, str]]:
    """Feeds due a poll, moved to their next time in the same transaction (so exactly one worker
    schedules each poll; on PostgreSQL rows another worker is claiming are skipped)."""
    now = time.time() if now is None else now
    query = (
        select(FeedRecord.id, FeedRecord.url, FeedRecord.every_s)
        .where(FeedRecord.every_s.is_not(None), FeedRecord.next_poll_at <= now)
        .order_by(FeedRecord.next_poll_at)
        .limit(limit)
    )
    if conn.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    due = conn.execute(query).all()
    for feed_id, _url, every in due:
        conn.execute(update(FeedRecord).where(FeedRecord.id == feed_id).values(next_poll_at=now + every))
    return [(int(i), str(u)) for i, u, _e in due]


def polled(conn: Connection, feed_id: int, *, title: str | None, error: str | None) -> None:
    values: dict = {"last_polled_at": utcnow(), "last_error": error}
    if title:
        values["title"] = title
    conn.execute(update(FeedRecord).where(FeedRecord.id == feed_id).values(**values))


def handled_keys(conn: Connection, feed_id: int) -> set[str]:
    """Entries not to ingest again: done, in progress, or failed too often."""
    rows = conn.execute(
        select(FeedEntryRecord.entry_key).where(
            FeedEntryRecord.feed_id == feed_id,
            (FeedEntryRecord.status != "failed") | (FeedEntryRecord.attempts >= MAX_ENTRY_ATTEMPTS),
        )
    )
    return {r[0] for r in rows}


def mark_entry(conn: Connection, feed_id: int, key: str, status: str, source_id: int | None = None) -> None:
    """Record what happened to an entry: ``queued``, ``done`` or ``failed`` (failures count)."""
    bump = 1 if status == "failed" else 0
    row = conn.execute(
        select(FeedEntryRecord.id).where(FeedEntryRecord.feed_id == feed_id, FeedEntryRecord.entry_key == key)
    ).scalar()
    if row is None:
        conn.execute(
            insert(FeedEntryRecord).values(
                feed_id=feed_id, entry_key=key, status=status, attempts=bump, source_id=source_id
            )
        )
        return
    conn.execute(
        update(FeedEntryRecord)
        .where(FeedEntryRecord.id == row)
        .values(
            status=status,
            attempts=FeedEntryRecord.attempts + bump,
            source_id=source_id,
            updated_at=utcnow(),
        )
    )
