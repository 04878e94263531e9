"""Crash safety: SIGKILL `kb ingest` at random moments and check that nothing is ever half-stored.

    python scripts/kill_ingest.py --kills 50 [--url URL] [--folder DIR] [--workers N]

A reference database gets the folder by one clean ingest. Then, again and again, `kb ingest` over
the same folder into the target database is killed (SIGKILL, its whole process group, workers
included) after a random delay; after each kill every stored source must be whole: exactly the
evidence the reference stored for that text (all its facts, or the source is absent), with no
fact lacking evidence. Finally one ingest runs to the end and the target must equal the
reference. Prints the counts; exit status 1 on any violation.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from testkit import integrity
from testkit.articles import write_folder

KB = Path(sys.executable).with_name("kb")
STARTUP_S = 2.0  # `kb ingest` start-up (imports, migrations check, loading the pipeline)


def ingest(url: str, folder: Path, workers: int = 1, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "KB_DATABASE_URL": url}
    cmd = [str(KB), "ingest", "--quiet", "--workers", str(workers), str(folder)]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)


def killed_run(url: str, folder: Path, delay: float, workers: int) -> bool:
    """Start an ingest and SIGKILL it after ``delay`` s; False when it finished first."""
    env = {**os.environ, "KB_DATABASE_URL": url}
    cmd = [str(KB), "ingest", "--quiet", "--workers", str(workers), str(folder)]
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        proc.wait(delay)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return True


def check_whole(url: str, reference: dict[str, tuple]) -> list[str]:
    found = integrity.problems(url)
    for digest, rows in integrity.per_source(url).items():
        if rows != reference.get(digest):
            expected = len(reference.get(digest, ()))
            found.append(f"source {digest[:12]} is stored partly ({len(rows)} of {expected} rows)")
    return found


def run(
    new_target, ref_url: str, folder: Path, kills: int, seed: int, workers: int, max_delay: float | None
) -> dict:
    """Kill ``kills`` ingests mid-run. ``new_target()`` gives an empty database: each time the
    previous one was completed, the loop starts over on a new one, so every kill lands while there
    is still work to cut short. The moment is drawn over the time the remaining work takes (from the
    timed reference ingest), so kills fall during start-up, parsing and storing alike."""
    rng = random.Random(seed)
    started = time.monotonic()
    done = ingest(ref_url, folder, workers)
    full = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(f"reference ingest failed: {done.stderr[-500:]}")
    reference = integrity.per_source(ref_url)
    stats = {"kills": 0, "finished_before_kill": 0, "violations": 0, "stored_at_kill": [], "rounds": 1}
    url, stored = new_target(), 0
    while stats["kills"] < kills and stats["kills"] + stats["finished_before_kill"] < 4 * kills:
        remaining = 1 - stored / len(reference)
        limit = max_delay or STARTUP_S + (full - STARTUP_S) * remaining
        if killed_run(url, folder, rng.uniform(0.2, max(limit, 0.5)), workers):
            stats["kills"] += 1
        else:
            stats["finished_before_kill"] += 1
        bad = check_whole(url, reference)
        stored = len(integrity.per_source(url))
        stats["stored_at_kill"].append(stored)
        if bad:
            stats["violations"] += 1
            print("VIOLATION:", "; ".join(bad), flush=True)
        if stored == len(reference):
            url, stored, stats["rounds"] = new_target(), 0, stats["rounds"] + 1
    final = ingest(url, folder, workers)
    stats["final_exit"] = final.returncode
    stats["final_equal"] = integrity.snapshot(url) == integrity.snapshot(ref_url)
    return stats


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--max-delay", type=float, help="longest wait before a kill (s; default: from timing)")
    ap.add_argument("--folder", type=Path)
    ap.add_argument("--ref-url", help="reference database (default: a fresh SQLite file)")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="kb-kill-"))
    folder = args.folder or write_folder(tmp / "articles", range(args.articles))
    ref = args.ref_url or f"sqlite:///{tmp / 'reference.sqlite3'}"
    counter = iter(range(1_000_000))
    stats = run(
        lambda: f"sqlite:///{tmp / f'target-{next(counter)}.sqlite3'}",
        ref, folder, args.kills, args.seed, args.workers, args.max_delay,
    )  # fmt: skip
    at_kill = stats.pop("stored_at_kill")
    finished = stats["finished_before_kill"]
    print(f"{stats['kills']} kills over {stats['rounds']} fresh databases ({finished} runs finished first)")
    print(f"sources stored at each kill: {at_kill}")
    print(f"violations: {stats['violations']}; final ingest exit {stats['final_exit']}, "
          f"equal to the reference: {stats['final_equal']}")  # fmt: skip
    return 0 if stats["violations"] == 0 and stats["final_equal"] and stats["final_exit"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
