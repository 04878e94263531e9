"""Fill a database with a synthetic corpus at scale, through the project's storage layer, no spaCy.

    KB_DATABASE_URL=sqlite:///big.sqlite3 python scripts/synth_corpus.py --quotes 1000000 --seed 1

Why: read speed, totals, full-text search and memory only mean something at the size a newsroom
reaches after years of articles. The corpus is shaped like real output of ``kb ingest``: ~20k
people with a Zipf-like share of the quotes, 1-4 evidence entries per fact (a fact re-reported by
later sources), topics from the taxonomy, figures with values and units over ten years, dated
events with participants, and source texts in which every evidence offset is exact
(``source.text[start:end] == evidence.text``). The same ``--seed`` gives the same database.

Rows go in with bulk inserts on the engine of :mod:`app.storage.db` into the tables of
:mod:`app.storage.models`, keyed with the same normalisers the writer uses (migrations first).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from app.storage.db import create_script_engine
from app.storage.migrate import upgrade
from scripts.synth_rows import TABLES, Generator, Plan

CHUNK_SOURCES = 400


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotes", type=int, default=100_000, help="number of distinct quotes")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--people", type=int, default=None, help="default: 20000 (fewer for small corpora)")
    ap.add_argument("--sources", type=int, default=None, help="default: quotes / 20")
    ap.add_argument("--figures", type=int, default=None, help="default: quotes / 2")
    ap.add_argument("--events", type=int, default=None, help="default: quotes / 10")
    ap.add_argument("--url", default=os.environ.get("KB_DATABASE_URL", "sqlite:///./kb.sqlite3"))
    ap.add_argument("--quiet", action="store_true")
    return ap.parse_args(argv)


def plan_from(args: argparse.Namespace) -> Plan:
    n = max(1, args.quotes)
    return Plan(
        quotes=n,
        people=args.people or min(20_000, max(50, n // 5)),
        sources=args.sources or max(1, n // 20),
        figures=n // 2 if args.figures is None else args.figures,
        events=n // 10 if args.events is None else args.events,
        seed=args.seed,
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    plan = plan_from(args)
    upgrade(args.url)
    engine = create_script_engine(args.url)
    started = time.monotonic()
    try:
        with engine.connect() as conn:
            if conn.execute(text("SELECT count(*) FROM sources")).scalar():
                print(
                    "error: the database already holds sources; synthesise into an empty one", file=sys.stderr
                )
                return 2
        counts = load(engine, plan, quiet=args.quiet)
    finally:
        engine.dispose()
    took = time.monotonic() - started
    summary = ", ".join(f"{k} {v:,}" for k, v in counts.items())
    print(f"synthesised {summary} in {took:.0f}s", flush=True)
    return 0


def load(engine, plan: Plan, *, quiet: bool = False) -> dict[str, int]:
    """Generate and insert everything, one transaction per chunk of sources."""
    gen = Generator(plan)
    counts = dict.fromkeys(TABLES, 0)
    with engine.begin() as conn:
        sink = sink_for(conn)
        for table, rows in gen.people_rows().items():
            sink(table, rows)
            counts[table] += len(rows)
    for start in range(0, plan.sources, CHUNK_SOURCES):
        batch = gen.source_chunk(start, min(plan.sources, start + CHUNK_SOURCES))
        with engine.begin() as conn:
            sink = sink_for(conn)
            for table in TABLES:
                if batch.get(table):
                    sink(table, batch[table])
                    counts[table] += len(batch[table])
        if not quiet:
            done = min(plan.sources, start + CHUNK_SOURCES)
            print(f"\r{done:,}/{plan.sources:,} sources, {counts['quotes']:,} quotes", end="", flush=True)
    if not quiet:
        print(flush=True)
    finish(engine)
    return counts


def sink_for(conn):
    """Bulk insert of tuples: executemany on SQLite, COPY on PostgreSQL."""
    raw = conn.connection.dbapi_connection
    if conn.dialect.name == "postgresql":

        def copy(table: str, rows: list[tuple]) -> None:
            columns = ", ".join(TABLES[table])
            with raw.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as cp:
                for row in rows:
                    cp.write_row(row)

        return copy

    def many(table: str, rows: list[tuple]) -> None:
        columns = TABLES[table]
        marks = ", ".join("?" * len(columns))
        raw.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    return many


def finish(engine) -> None:
    """Move PostgreSQL sequences past the explicit ids and refresh planner statistics on both."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            for table, columns in TABLES.items():
                if columns[0] == "id":
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"coalesce((SELECT max(id) FROM {table}), 1))"
                        )
                    )
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
        else:
            conn.exec_driver_sql("PRAGMA analysis_limit=2000")
            conn.exec_driver_sql("ANALYZE")
            conn.exec_driver_sql("PRAGMA optimize")
            conn.commit()


if __name__ == "__main__":
    sys.exit(main())
