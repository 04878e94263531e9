"""The job runner for the embedded SQLite database: one process beside `kb serve` (or any number
of `kb worker` processes on the same machine) taking jobs from ``ingest_jobs``.

A job is taken under SQLite's write lock with a lease; a runner that dies leaves its job
``running`` until the lease ends, then another run takes it again (at most ``job_max_attempts``
times). The runner checks for work with a plain read first, so an idle runner never takes the
write lock that ingest and the API's writes need.
"""

from __future__ import annotations

import logging
import os
import signal
import time

from sqlalchemy import Engine

from app.jobs import store
from app.jobs.schedule import queue_due_feeds
from app.jobs.work import JobContext, execute

log = logging.getLogger("app.jobs")
IDLE_MAX_S = 1.0
PEEK = "SELECT 1 FROM ingest_jobs WHERE status = 'queued' OR (status = 'running' AND lease_until < ?) LIMIT 1"


class LocalRunner:
    def __init__(self, ctx: JobContext, *, burst: bool = False, parent_pid: int | None = None) -> None:
        self.ctx = ctx
        self.burst = burst
        self.parent_pid = parent_pid
        self.stopping = False
        self.ran = 0

    def install_signal_handlers(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: self.stop())

    def stop(self) -> None:
        self.stopping = True

    def run(self) -> int:
        """Run jobs until stopped (or, with ``burst``, until none is left); returns how many ran."""
        idle, next_feed_check = 0.05, 0.0
        while not self.stopping and self._parent_alive():
            if time.monotonic() >= next_feed_check:
                queue_due_feeds(self.ctx.engine)
                next_feed_check = time.monotonic() + self.ctx.settings.feed_check_s
            if self._run_one():
                idle = 0.05
                continue
            if self.burst:
                break
            time.sleep(idle)
            idle = min(idle * 2, IDLE_MAX_S)
        return self.ran

    def _run_one(self) -> bool:
        if not _work_waiting(self.ctx.engine):
            return False
        with self.ctx.engine.begin() as conn:
            job = store.next_local(conn, self.ctx.name, self.ctx.settings.job_lease_s)
        if job is None:
            return False
        outcome = execute(self.ctx, job)
        log.info("job %s (%s): %s", job.public_id, job.kind, outcome)
        self.ran += 1
        return True

    def _parent_alive(self) -> bool:
        """Started by `kb serve`: stop when the server is gone, even if it was killed."""
        return self.parent_pid is None or os.getppid() == self.parent_pid


def _work_waiting(engine: Engine) -> bool:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute(PEEK, (time.time(),))
        found = cur.fetchone() is not None
        cur.close()
        return found
    finally:
        raw.close()
