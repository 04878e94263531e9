"""Workers under faults, larger than the test: N jobs, W workers, K SIGKILLs mid-job (each killed
worker replaced), then the counts and a comparison with one sequential ingest.

    .venv/bin/python scripts/worker_faults.py --jobs 1000 --workers 3 --kills 5

Needs KB_TEST_POSTGRES_URL (a throwaway database is made and dropped).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from testkit import integrity, workerfaults
from testkit.articles import write_folder
from testkit.kb import create_pg_database, drop_pg_database, run_kb
from testkit.webserver import WebServer


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=1000, help="text jobs (plus one slow URL job per 50)")
    ap.add_argument("--workers", type=int, default=3)
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--no-compare", action="store_true", help="skip the sequential ingest")
    args = ap.parse_args()
    url, sequential = create_pg_database("kb_faults"), create_pg_database("kb_faults")
    web = WebServer()
    try:
        run = workerfaults.run(url, web, n_text=args.jobs, slow_every=50, workers=args.workers,
                               kills=args.kills, replace_killed=True, timeout=3600)  # fmt: skip
        ends = sorted(set(run.terminal_events.values()))
        report = {
            "jobs": run.jobs,
            "workers": args.workers,
            "killed_mid_job": len(run.killed),
            "statuses": run.statuses,
            "queue_entries": run.queue_jobs,
            "end_events_per_job": ends,
            "requeued_after_a_kill": run.retried,
            "attempts_of_killed_jobs": run.attempts_of_killed,
            "seconds": round(run.seconds, 1),
            "integrity_problems": integrity.problems(url),
        }
        if not args.no_compare:
            with tempfile.TemporaryDirectory() as tmp:
                folder = write_folder(Path(tmp) / "texts", range(args.jobs))
                done = run_kb(["ingest", "--quiet", str(folder), *run.slow_urls], sequential)
            a, b = integrity.snapshot(url), integrity.snapshot(sequential)
            report["sequential_ingest_exit"] = done.returncode
            report["equals_sequential"] = workerfaults.compare(a, b)
            report["sources"] = len(a["sources"])
        print(json.dumps(report, indent=1))
        ok = run.statuses.get("done") == run.jobs and ends == [1]
        return 0 if ok else 1
    finally:
        web.close()
        drop_pg_database(url)
        drop_pg_database(sequential)


if __name__ == "__main__":
    sys.exit(main())
