"""Ingest throughput through the API (POST /articles, then `kb worker`s) against `kb ingest` on the
same articles, on PostgreSQL, plus the SQLite default (`kb serve` running its own jobs).

    .venv/bin/python scripts/bench_api_ingest.py --folder ../shared/dev --copies 4 --runs 3

Articles: every ``.txt`` of ``--folder``, each in ``--copies`` variants (a distinct last line, so
the content hash differs and every copy is really ingested). A run measures the wall time from the
first POST to the last job done (workers already started, so their spaCy load counts, as it does
in `kb ingest`'s time). Reports the median of ``--runs`` runs and the ratio to `kb ingest`.
Needs KB_TEST_POSTGRES_URL (throwaway databases are made and dropped).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.storage.db import create_script_engine
from testkit.kb import Server, create_pg_database, drop_pg_database, kb_command, run_kb


def articles(folder: Path, copies: int) -> list[str]:
    texts = [p.read_text() for p in sorted(folder.glob("*.txt"))]
    return [f"{t.rstrip()}\n\n(Copy {c} for the benchmark.)\n" for c in range(copies) for t in texts]


def done_jobs(url: str) -> int:
    engine = create_script_engine(url)
    with engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM ingest_jobs WHERE status IN ('done', 'failed')")).scalar()
    engine.dispose()
    return int(n or 0)


def via_api(texts: list[str], backend: str, workers: int) -> float:
    url = (
        create_pg_database("kb_bench")
        if backend == "postgres"
        else f"sqlite:///{tempfile.mkdtemp()}/kb.sqlite3"
    )
    procs: list[subprocess.Popen] = []
    key = run_kb(["keys", "create", "bench"], url).stdout.strip()
    unlimited = {"KB_RATE_LIMIT_PER_MINUTE": "1000000", "KB_RATE_LIMIT_BURST": "100000"}
    server = Server(url, env=unlimited, args=["--jobs"] if backend == "sqlite" else ["--no-jobs"])
    try:
        env = {**os.environ, "KB_DATABASE_URL": url}
        procs = [
            subprocess.Popen([*kb_command(), "worker", "--quiet"], env=env, stderr=subprocess.DEVNULL)
            for _ in range(workers if backend == "postgres" else 0)
        ]
        time.sleep(2)  # workers connected and listening
        auth = {"Authorization": f"Bearer {key}"}
        started = time.monotonic()
        with ThreadPoolExecutor(4) as pool, httpx.Client(base_url=server.base, timeout=30) as client:
            codes = list(
                pool.map(
                    lambda t: client.post("/articles", json={"text": t}, headers=auth).status_code, texts
                )
            )
        assert codes == [202] * len(texts), set(codes)
        while done_jobs(url) < len(texts):
            time.sleep(0.1)
        return time.monotonic() - started
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(30)
        server.close()
        if backend == "postgres":
            drop_pg_database(url)


def via_cli(texts: list[str]) -> float:
    url = create_pg_database("kb_bench")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for i, t in enumerate(texts):
                Path(tmp, f"a{i:04d}.txt").write_text(t)
            run_kb(["migrate"], url)
            started = time.monotonic()
            done = run_kb(["ingest", "--quiet", tmp], url)
            elapsed = time.monotonic() - started
            assert done.returncode == 0, done.stderr
            return elapsed
    finally:
        drop_pg_database(url)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folder", type=Path, default=Path("seeds"))
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    texts = articles(args.folder, args.copies)
    runs: dict[str, list[float]] = {}
    for _ in range(args.runs):
        runs.setdefault("kb ingest (postgres)", []).append(via_cli(texts))
        runs.setdefault("API + 1 worker (postgres)", []).append(via_api(texts, "postgres", 1))
        runs.setdefault("API + 2 workers (postgres)", []).append(via_api(texts, "postgres", 2))
        runs.setdefault("API, kb serve's runner (sqlite)", []).append(via_api(texts, "sqlite", 1))
    reference = statistics.median(runs["kb ingest (postgres)"])
    report = {
        "articles": len(texts),
        "cores": os.cpu_count(),
        "results": {
            name: {
                "median_s": round(statistics.median(times), 2),
                "articles_per_s": round(len(texts) / statistics.median(times), 1),
                "time_vs_kb_ingest": round(statistics.median(times) / reference, 2),
                "runs_s": [round(t, 2) for t in times],
            }
            for name, times in runs.items()
        },
    }
    print(json.dumps(report, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
