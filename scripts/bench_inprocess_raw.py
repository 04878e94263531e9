"""Project against the raw baseline inside one process: per-request time of each list endpoint.

    python scripts/bench_inprocess_raw.py --url sqlite:////tmp/kb-bench/kb_bench_q1000000_s1.sqlite3

Both ASGI applications (``kb serve``'s and scripts/bench_raw.py's) get the same parameter values
scripts/bench_api.py sends (300 per endpoint, cycled), called directly with no network and no
load generator, in alternating rounds; the median per-request time of each and raw/project (the
throughput ratio the HTTP benchmark reports, without wrk and the other servers on a shared
machine burying a 0.1 ms change in noise) are printed. Why: deciding whether a change to the read
path helps needs the project and the baseline measured under the same drift, many times over.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.bench_api import ENDPOINTS, samples
from scripts.bench_inprocess import request


async def timed(app: Any, paths: list[str], n: int) -> float:
    """Milliseconds per request over ``n`` requests cycling through ``paths``."""
    started = time.perf_counter()
    for i in range(n):
        await request(app, paths[i % len(paths)])
    return (time.perf_counter() - started) * 1000 / n


async def compare(url: str, names: list[str], n: int, rounds: int) -> dict[str, dict[str, float]]:
    os.environ["KB_DATABASE_URL"] = url
    from app.api.main import create_app
    from app.settings import Settings

    raw = importlib.import_module("scripts.bench_raw")
    project = create_app(Settings(database_url=url))
    table = samples(url, Path(url).stem if url.startswith("sqlite") else "")
    out: dict[str, dict[str, float]] = {}
    async with project.router.lifespan_context(project):
        for name in names:
            proj_paths = [t[0] for t in table[name]]
            raw_paths = [t[1] for t in table[name]]
            for path in proj_paths[:3]:
                assert await request(project, path) == 200, path
            await timed(project, proj_paths, min(n, 300))
            await timed(raw.app, raw_paths, min(n, 300))
            p, r = [], []
            for _ in range(rounds):
                p.append(await timed(project, proj_paths, n))
                r.append(await timed(raw.app, raw_paths, n))
            ratio = statistics.median(b / a for a, b in zip(p, r, strict=True))
            out[name] = {"project_ms": statistics.median(p), "raw_ms": statistics.median(r), "ratio": ratio}
            row = out[name]
            print(f"{name:<12} project {row['project_ms']:7.3f} ms  raw {row['raw_ms']:7.3f} ms  "
                  f"project/raw {ratio:5.2f}x", flush=True)  # fmt: skip
    return out


async def check(url: str, names: list[str], per_endpoint: int = 5) -> list[str]:
    """Paths whose project and raw bodies differ (as parsed JSON): the baseline must answer the
    same JSON, field for field, or the ratio compares different work."""
    os.environ["KB_DATABASE_URL"] = url
    from app.api.main import create_app
    from app.settings import Settings

    raw = importlib.import_module("scripts.bench_raw")
    project = create_app(Settings(database_url=url))
    table = samples(url, Path(url).stem if url.startswith("sqlite") else "")
    differ = []
    async with project.router.lifespan_context(project):
        for name in names:
            for proj_path, raw_path, _ in table[name][:per_endpoint]:
                a: list[bytes] = []
                b: list[bytes] = []
                status = await request(project, proj_path, a), await request(raw.app, raw_path, b)
                if status != (200, 200) or orjson.loads(b"".join(a)) != orjson.loads(b"".join(b)):
                    differ.append(f"{name}: {proj_path} (statuses {status})")
    return differ


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--requests", type=int, default=600, help="per round and application")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--only", help="comma-separated endpoint names")
    ap.add_argument("--check", action="store_true", help="only compare the two bodies of each endpoint")
    args = ap.parse_args(argv)
    names = args.only.split(",") if args.only else ENDPOINTS
    if args.check:
        differ = asyncio.run(check(args.url, names))
        for line in differ:
            print(f"project and raw answer different JSON: {line}", file=sys.stderr)
        print(f"{len(names)} endpoints checked, {len(differ)} paths differ")
        return 1 if differ else 0
    asyncio.run(compare(args.url, names, args.requests, args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
