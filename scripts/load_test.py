"""Load: hold 64 keep-alive connections for 60 s against `kb serve` on the synthetic database,
cycling through every list endpoint, filters, deep cursors and single objects; prints requests/s,
errors (socket errors, timeouts and any status >= 400 count) and latency percentiles.

    python scripts/load_test.py --quotes 1000000 [--backend postgres] [--seconds 60] [--connections 64]

The load generator is wrk (C, one thread): on a 2-core machine a Python client would take the
CPU the server needs. Install it with `apt-get install -y wrk` (as root) when it is missing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy.engine import make_url

from scripts import bench_api, benchlib


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotes", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    ap.add_argument("--url")
    ap.add_argument("--pg-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    ap.add_argument("--data-dir", default="/tmp/kb-bench")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--connections", type=int, default=64)
    args = ap.parse_args(argv)
    benchlib.require_wrk()
    url = bench_api.database(args)
    db_name = Path(make_url(url).database).stem if url.startswith("sqlite") else ""
    paths = [t[0] for triples in bench_api.samples(url, db_name).values() for t in triples]
    paths += ["/sources?limit=200", "/events?date_from=2018-01-01&date_to=2018-12-31", "/topics", "/healthz"]
    server = benchlib.start_project(url, args.workers)
    try:
        r = benchlib.wrk(server.base, paths, args.connections, args.seconds)
        rss = server.rss_mb()
    finally:
        server.stop()
    print(f"{args.connections} connections for {args.seconds}s over {len(paths)} different requests: "
          f"{r['requests']:,} requests, {r['rps']:.0f} req/s, errors {r['errors']}")  # fmt: skip
    print(
        f"latency ms: p50 {r['p50_ms']:.1f}  p95 {r['p95_ms']:.1f}  p99 {r['p99_ms']:.1f}  "
        f"max {r['max_ms']:.1f}"
    )
    print(f"API resident memory after the run: {rss['total']} MB (largest process {rss['largest']} MB)")
    return 0 if r["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
