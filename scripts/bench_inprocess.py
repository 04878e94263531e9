"""Per-request cost of the API inside one process: no network, no load generator, no other server.

    python scripts/bench_inprocess.py --url sqlite:////tmp/kb-bench/kb_bench_q100000_s1.sqlite3

Each path is sent straight to the ASGI application ``--requests`` times (after a warm-up) and the
median and p95 wall time per request are printed, in milliseconds. Why: the framework's own cost
per request (routing, parameter checking, serialisation) is what a code change on the read path
moves, and wrk over HTTP on a shared 2-core machine buries it in noise. To compare two versions of
the code, run this script with ``PYTHONPATH`` pointing at each tree in turn, several times each,
interleaved. The database must hold a synthetic corpus (scripts/synth_corpus.py).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from app.api.main import create_app
from app.settings import Settings
from app.storage.db import create_script_engine


def paths(url: str) -> dict[str, str]:
    """A few requests of each kind with values that exist in the synthetic corpus."""
    engine = create_script_engine(url)
    with engine.connect() as conn:
        name = conn.execute(text("SELECT name FROM people ORDER BY id LIMIT 1 OFFSET 100")).scalar()
        quote_id = conn.execute(text("SELECT max(id) / 2 FROM quotes")).scalar()
    engine.dispose()
    surname = str(name).split()[-1]
    return {
        "people_name": f"/people?name={name.replace(' ', '+')}",
        "quote_by_id": f"/quotes/{quote_id}",
        "quotes_speaker": f"/quotes?speaker={surname}",
        "quotes_topic": "/quotes?topic=energy",
        "figures_topic_min": "/figures?topic=energy&min_value=1000000000",
        "sources": "/sources?limit=20",
    }


async def request(app: Any, path: str, body: list[bytes] | None = None) -> int:
    """GET ``path`` from the ASGI ``app``; its status (and its body's chunks into ``body``)."""
    raw_path, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": raw_path,
        "raw_path": raw_path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"bench")],
        "client": ("127.0.0.1", 1),
        "server": ("bench", 80),
    }
    status = 0

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif body is not None and message["type"] == "http.response.body":
            body.append(message.get("body", b""))

    await app(scope, receive, send)
    return status


async def measure(url: str, n: int) -> dict[str, dict[str, float]]:
    app = create_app(Settings(database_url=url))
    out: dict[str, dict[str, float]] = {}
    async with app.router.lifespan_context(app):
        for name, path in paths(url).items():
            for _ in range(min(200, n)):
                assert await request(app, path) == 200, path
            times = []
            for _ in range(n):
                started = time.perf_counter()
                await request(app, path)
                times.append((time.perf_counter() - started) * 1000)
            times.sort()
            out[name] = {"median_ms": statistics.median(times), "p95_ms": times[int(0.95 * len(times))]}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args(argv)
    result = asyncio.run(measure(args.url, args.requests))
    for name, r in result.items():
        print(f"{name:<18} median {r['median_ms']:6.3f} ms   p95 {r['p95_ms']:6.3f} ms", flush=True)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
