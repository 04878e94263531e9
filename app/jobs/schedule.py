"""Feeds due a poll become feed jobs: one job per due feed, whichever worker notices first.

Claiming a feed moves its next poll time in the same transaction that queues its job, so with
any number of workers each poll is queued once (on PostgreSQL rows another worker is claiming are
skipped, on SQLite the write lock serialises the claim).
"""

from __future__ import annotations

from sqlalchemy import Engine

from app.ingest import feedstore
from app.jobs import queue, store


def queue_due_feeds(engine: Engine) -> int:
    with engine.begin() as conn:
        due = feedstore.claim_due(conn)
        for feed_id, url in due:
            job_id, _ = store.create(conn, "feed", {"url": url}, feed_id=feed_id)
            queue.enqueue(conn, job_id)
    return len(due)
