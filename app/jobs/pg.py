"""`kb worker` on PostgreSQL: a procrastinate worker running ingest jobs, plus two side loops.

procrastinate does the queue's hard parts: jobs are fetched with ``FOR UPDATE SKIP LOCKED`` (no two
workers take one job), LISTEN/NOTIFY wakes idle workers, each worker sends heartbeats, and a
database error retries the job with backoff. The side loops are:

- the reaper, which hands the jobs of workers that stopped sending heartbeats (killed, crashed,
  their machine gone) back to the queue, as procrastinate's documentation prescribes (stalled
  jobs are retried by the application). One reaper at a time holds an advisory lock, so a job
  another worker has just picked up again is never handed back twice;
- the feed scheduler (app.jobs.schedule), which queues a poll for each followed feed that is due.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from app.jobs.queue import QUEUE, TASK
from app.jobs.schedule import queue_due_feeds
from app.jobs.work import JobContext, run_job

log = logging.getLogger("app.jobs")
REAPER_LOCK_ID = 7_412_013


def conninfo(url: str) -> str:
    """libpq connection string for procrastinate from the project's SQLAlchemy URL."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def make_app(ctx: JobContext) -> Any:
    import procrastinate

    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=conninfo(str(ctx.engine.url))))

    @app.task(
        name=TASK,
        queue=QUEUE,
        retry=procrastinate.RetryStrategy(
            max_attempts=8, exponential_wait=2, retry_exceptions={OperationalError}
        ),
    )
    def ingest_job(job_id: int) -> str:
        return run_job(ctx, job_id)

    return app


def run_worker(ctx: JobContext, *, burst: bool = False, parent_pid: int | None = None) -> None:
    """Run until SIGTERM/SIGINT (the job in hand finishes first), or, with ``burst``, until the
    queue is empty, or, with ``parent_pid``, until that process (`kb serve`) is gone."""
    app = make_app(ctx)
    settings = ctx.settings

    async def main() -> None:
        async with app.open_async():
            side = [
                asyncio.create_task(_every(settings.worker_stalled_s / 3, lambda: _reap(app, ctx))),
                asyncio.create_task(_every(settings.feed_check_s, lambda: _schedule(ctx))),
            ]
            if parent_pid is not None:
                side.append(asyncio.create_task(_watch_parent(parent_pid, asyncio.current_task())))
            try:
                await app.run_worker_async(
                    name=ctx.name,
                    queues=[QUEUE],
                    concurrency=1,
                    wait=not burst,
                    update_heartbeat_interval=settings.worker_heartbeat_s,
                    stalled_worker_timeout=settings.worker_stalled_s,
                    fetch_job_polling_interval=min(5.0, settings.worker_heartbeat_s),
                    install_signal_handlers=True,
                )
            finally:
                for task in side:
                    task.cancel()
                await asyncio.gather(*side, return_exceptions=True)

    with contextlib.suppress(asyncio.CancelledError):
        asyncio.run(main())


async def _watch_parent(parent_pid: int, worker: Any) -> None:
    while os.getppid() == parent_pid:
        await asyncio.sleep(1)
    log.warning("kb serve is gone; stopping")
    worker.cancel()  # procrastinate stops gracefully when its run is cancelled


async def _every(seconds: float, step: Any) -> None:
    while True:
        try:
            await step()
        except Exception:  # a database hiccup must not end the loop; the next round tries again
            log.exception("worker side loop failed")
        await asyncio.sleep(seconds)


async def _schedule(ctx: JobContext) -> None:
    await asyncio.to_thread(queue_due_feeds, ctx.engine)


async def _reap(app: Any, ctx: JobContext) -> int:
    """Requeue the jobs of dead workers; returns how many (0 when another reaper holds the lock).

    The lock is transaction-scoped, so it is released however this ends."""
    with ctx.engine.begin() as conn:
        if not conn.execute(text("SELECT pg_try_advisory_xact_lock(:id)"), {"id": REAPER_LOCK_ID}).scalar():
            return 0
        stalled = list(
            await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=ctx.settings.worker_stalled_s)
        )
        for job in stalled:
            log.warning("job %s: its worker stopped; queued again", job.id)
            with contextlib.suppress(Exception):  # finished meanwhile: nothing to hand back
                await app.job_manager.retry_job(job)
        return len(stalled)
