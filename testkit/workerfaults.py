"""Workers under faults: queue jobs on PostgreSQL, run several `kb worker` processes, SIGKILL some
of them in the middle of a job, and collect what the database says happened.

Some jobs fetch a page that a local server answers slowly, so a worker is surely inside a job when
it is killed (the kill targets a worker whose slow job the database shows ``running``). Shared by
tests/robustness/test_worker_faults.py (a few hundred jobs) and scripts/worker_faults.py (larger).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass, field

from sqlalchemy import text

from app.jobs import queue, store
from app.storage.db import create_script_engine
from app.storage.migrate import upgrade
from testkit.articles import article
from testkit.kb import kb_command
from testkit.pages import news_page, story_from_text
from testkit.webserver import WebServer

WORKER_ENV = {
    "KB_WORKER_HEARTBEAT_S": "0.5",
    "KB_WORKER_STALLED_S": "3",
    "KB_FETCH_ALLOWED_NETWORKS": '["127.0.0.1/32"]',
}


@dataclass
class FaultRun:
    jobs: int
    slow_urls: list[str]
    killed: list[tuple[int, int]] = field(default_factory=list)  # (worker pid, ingest job id running)
    statuses: dict[str, int] = field(default_factory=dict)
    attempts_of_killed: list[int] = field(default_factory=list)
    terminal_events: dict[int, int] = field(default_factory=dict)  # procrastinate job -> end events
    queue_jobs: int = 0
    retried: int = 0
    seconds: float = 0.0


def queue_jobs(url: str, web: WebServer, n_text: int, slow_every: int) -> tuple[int, list[str]]:
    """``n_text`` text jobs and one slow URL job every ``slow_every``; returns (count, slow URLs)."""
    upgrade(url)
    engine = create_script_engine(url)
    slow: list[str] = []
    with engine.begin() as conn:
        for i in range(n_text):
            if i % slow_every == 0:
                n = 10_000 + i
                page = story_from_text(article(n), f"https://gazette.example/{n}")
                slow.append(web.add(f"/slow/{n}", news_page(page), delay_s=2.0))
                job_id, _ = store.create(conn, "url", {"url": slow[-1]})
                queue.enqueue(conn, job_id)
            job_id, _ = store.create(conn, "text", {"text": article(i)})
            queue.enqueue(conn, job_id)
    engine.dispose()
    return n_text + len(slow), slow


def start_workers(url: str, n: int) -> list[subprocess.Popen]:
    env = {**os.environ, "KB_DATABASE_URL": url, **WORKER_ENV}
    return [
        subprocess.Popen([*kb_command(), "worker", "--quiet"], env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, start_new_session=True)
        for _ in range(n)
    ]  # fmt: skip


def kill_one_mid_job(
    url: str, workers: list[subprocess.Popen], spare: set[int] | None = None, timeout: float = 120
) -> tuple[int, int] | None:
    """SIGKILL a worker while the database shows it running a slow (URL) job not in ``spare``
    (a job killed again and again fails by design after ``job_max_attempts``)."""
    spare = spare or set()
    engine = create_script_engine(url)
    pids = {p.pid: p for p in workers if p.poll() is None}
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            with engine.connect() as conn:
                rows = conn.execute(
                    text("SELECT id, worker FROM ingest_jobs WHERE kind = 'url' AND status = 'running'")
                ).all()
            for job_id, worker in rows:
                pid = int(str(worker).rsplit(":", 1)[1])
                if pid in pids and job_id not in spare:
                    os.kill(pid, signal.SIGKILL)
                    pids[pid].wait(10)
                    return pid, int(job_id)
            time.sleep(0.05)
    finally:
        engine.dispose()
    return None


def wait_all_finished(url: str, total: int, timeout: float) -> dict[str, int]:
    engine = create_script_engine(url)
    deadline = time.monotonic() + timeout
    try:
        while True:
            with engine.connect() as conn:
                counts = dict(
                    conn.execute(text("SELECT status, count(*) FROM ingest_jobs GROUP BY status")).all()
                )
            if counts.get("done", 0) + counts.get("failed", 0) >= total or time.monotonic() > deadline:
                return {k: int(v) for k, v in counts.items()}
            time.sleep(0.25)
    finally:
        engine.dispose()


def stop_workers(workers: list[subprocess.Popen]) -> None:
    for proc in workers:
        if proc.poll() is None:
            proc.terminate()
    for proc in workers:
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


def collect(url: str, result: FaultRun) -> None:
    engine = create_script_engine(url)
    with engine.connect() as conn:
        result.terminal_events = {
            int(j): int(n)
            for j, n in conn.execute(
                text(
                    "SELECT j.id, count(e.id) FILTER (WHERE e.type IN ('succeeded', 'failed')) "
                    "FROM procrastinate_jobs j LEFT JOIN procrastinate_events e ON e.job_id = j.id "
                    "WHERE j.task_name = :task GROUP BY j.id"
                ),
                {"task": queue.TASK},
            )
        }
        result.queue_jobs = len(result.terminal_events)
        result.retried = int(
            conn.execute(
                text("SELECT count(*) FROM procrastinate_events WHERE type = 'deferred_for_retry'")
            ).scalar()
            or 0
        )
        for _pid, job_id in result.killed:
            attempts = conn.execute(
                text("SELECT attempts FROM ingest_jobs WHERE id = :id"), {"id": job_id}
            ).scalar()
            result.attempts_of_killed.append(int(attempts or 0))
    engine.dispose()


def run(
    url: str,
    web: WebServer,
    *,
    n_text: int,
    slow_every: int,
    workers: int = 3,
    kills: int = 1,
    replace_killed: bool = False,
    timeout: float = 240,
) -> FaultRun:
    """Queue the jobs, run ``workers`` workers, SIGKILL ``kills`` of them mid-job (starting a new
    one for each when ``replace_killed``), wait for every job to end, and collect the counts."""
    started = time.monotonic()
    total, slow = queue_jobs(url, web, n_text, slow_every)
    result = FaultRun(total, slow)
    procs = start_workers(url, workers)
    try:
        for _ in range(kills):
            killed = kill_one_mid_job(url, procs, {job for _pid, job in result.killed})
            if killed:
                result.killed.append(killed)
                if replace_killed:
                    procs += start_workers(url, 1)
        result.statuses = wait_all_finished(url, total, timeout)
    finally:
        stop_workers(procs)
    result.seconds = time.monotonic() - started
    collect(url, result)
    return result


def figures_by_value(snapshot: dict) -> dict[tuple, int]:
    """Figures as (text, value, unit, measure) -> evidence rows, summed over the figure rows.

    The figure resolver merges a re-reported figure into a row chosen by what is already stored,
    so the same evidence can be grouped into a different number of rows when articles arrive in
    another order (seen with 1000 template articles and three workers, and with no kill at all):
    the facts and every evidence row are the same; only the grouping differs."""
    out: dict[tuple, int] = {}
    for text_, value, unit, measure, evidence in snapshot["figures"]:
        key = (text_, value, unit, measure)
        out[key] = out.get(key, 0) + int(evidence)
    return out


def compare(concurrent: dict, sequential: dict) -> dict[str, bool]:
    """Which parts of two snapshots agree (figures by value, see :func:`figures_by_value`)."""
    same = {k: concurrent[k] == sequential[k] for k in concurrent if k != "figures"}
    same["figures"] = figures_by_value(concurrent) == figures_by_value(sequential)
    same["figure_rows"] = concurrent["figures"] == sequential["figures"]
    return same
