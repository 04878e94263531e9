"""The store phase alone: one article with many facts, written by the real writer in one
transaction, against a fresh database. Shows whether storing is linear in an article's facts.

    python scripts/bench_store.py [--facts 1000,2000,4000,8000] [--url postgresql+psycopg://...]

For each size N: an article of N figures (every one in USD, half of them without a period, so
each fetches a full set of earlier candidates) and N/4 quotes by N/40 speakers, hand-built (no
spaCy). Prints seconds and microseconds per fact; per-fact time flat as N grows is linear.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.storage.db import create_db_engine
from app.storage.migrate import upgrade
from app.storage.writer import store_article
from testkit.facts import Article
from testkit.kb import create_pg_database, drop_pg_database


def big_article(n: int, tag: str) -> Article:
    sentences = [f"Item {i} cost ${i + 1},{tag}00 in {2000 + i % 20}." for i in range(n)]
    speakers = [f"Speaker{chr(65 + i % 26)} Person{i}" for i in range(max(1, n // 40))]
    said = [speakers[i % len(speakers)] for i in range(n // 4)]
    quotes = [f'"Statement number {i} about item {i}," said {who}.' for i, who in enumerate(said)]
    a = Article("\n".join(sentences + quotes), origin=f"big-{tag}.txt")
    keys = {}
    for name in speakers:
        keys[name] = a.person(name)
    for i in range(n):
        written = f"${i + 1},{tag}00"
        period = str(2000 + i % 20) if i % 2 else None
        a.figure(written, float(f"{i + 1}{tag}00"), "USD", measure=f"cost of item {i}", period=period)
    for i in range(n // 4):
        a.quote(f"Statement number {i} about item {i}", keys[speakers[i % len(speakers)]])
    return a


def run(url: str, n: int) -> float:
    upgrade(url)
    engine = create_db_engine(url)
    with engine.begin() as conn:  # earlier figures to compare with, as in a store already in use
        store_article(conn, *big_article(min(n, 400), "7").parts())
    article = big_article(n, "3")
    started = time.perf_counter()
    with engine.begin() as conn:
        store_article(conn, *article.parts())
    took = time.perf_counter() - started
    engine.dispose()
    return took


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", default="1000,2000,4000,8000")
    ap.add_argument("--postgres", action="store_true", help="also on PostgreSQL (KB_TEST_POSTGRES_URL)")
    args = ap.parse_args(argv)
    backends = ["sqlite", "postgres"] if args.postgres else ["sqlite"]
    print(f"{'backend':>8} {'figures':>8} {'seconds':>8} {'us/fact':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for backend in backends:
            for n in [int(x) for x in args.facts.split(",")]:
                url = create_pg_database("kb_bench") if backend == "postgres" else f"sqlite:///{tmp}/s{n}.db"
                try:
                    took = run(url, n)
                finally:
                    if backend == "postgres":
                        drop_pg_database(url)
                facts = n + n // 4
                print(f"{backend:>8} {n:>8} {took:8.2f} {took / facts * 1e6:8.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
