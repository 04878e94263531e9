"""What "no partial article" means, checked in SQL: every fact has evidence, every evidence row
points at a fact and a source that exist, and its text is exactly the source text at its offsets.
Also a content snapshot (no ids) to compare two databases."""

from __future__ import annotations

from sqlalchemy import inspect, text

from app.storage.db import create_script_engine

FACT_TABLES = {"quote": "quotes", "figure": "figures", "event": "events", "person": "people"}


def migrated(engine) -> bool:
    """False before the first migration finished (a kill may land that early): nothing stored."""
    return {"sources", "evidence", "quotes", "alembic_version"} <= set(inspect(engine).get_table_names())


def problems(url: str) -> list[str]:
    engine = create_script_engine(url)
    found: list[str] = []
    if not migrated(engine):
        engine.dispose()
        return found
    try:
        with engine.connect() as conn:
            for fact_type, table in FACT_TABLES.items():
                orphans = conn.execute(
                    text(
                        f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                        f"(SELECT 1 FROM evidence e WHERE e.fact_type = '{fact_type}' AND e.fact_id = t.id)"
                    )
                ).scalar()
                if orphans:
                    found.append(f"{orphans} {table} without evidence")
                dangling = conn.execute(
                    text(
                        f"SELECT count(*) FROM evidence e WHERE e.fact_type = '{fact_type}' AND NOT EXISTS "
                        f"(SELECT 1 FROM {table} t WHERE t.id = e.fact_id)"
                    )
                ).scalar()
                if dangling:
                    found.append(f"{dangling} {fact_type} evidence rows point at no {fact_type}")
            rows = conn.execute(
                text("SELECT e.id, e.start_char, e.end_char, e.text, s.text FROM evidence e "
                     "JOIN sources s ON s.id = e.source_id")
            ).all()  # fmt: skip
            bad = [r[0] for r in rows if r[4][r[1] : r[2]] != r[3]]
            if bad:
                found.append(f"{len(bad)} evidence rows whose text is not the source text at their offsets")
    finally:
        engine.dispose()
    return found


def snapshot(url: str) -> dict:
    """The stored content without ids: what two equivalent ingests must agree on."""
    engine = create_script_engine(url)
    q = {
        "sources": "SELECT content_hash FROM sources",
        "people": "SELECT p.name, a.alias FROM people p JOIN person_aliases a ON a.person_id = p.id",
        "quotes": "SELECT q.text, q.speaker_name, q.kind, (SELECT count(*) FROM evidence e WHERE "
        "e.fact_type = 'quote' AND e.fact_id = q.id) FROM quotes q",
        "figures": "SELECT f.text, f.value, f.unit, f.measure, (SELECT count(*) FROM evidence e WHERE "
        "e.fact_type = 'figure' AND e.fact_id = f.id) FROM figures f",
        "events": "SELECT v.summary, v.date_start, (SELECT count(*) FROM evidence e WHERE "
        "e.fact_type = 'event' AND e.fact_id = v.id) FROM events v",
        "evidence": "SELECT s.content_hash, e.fact_type, e.start_char, e.end_char FROM evidence e "
        "JOIN sources s ON s.id = e.source_id",
    }
    try:
        with engine.connect() as conn:
            return {
                k: sorted(tuple(str(c) for c in r) for r in conn.execute(text(sql))) for k, sql in q.items()
            }
    finally:
        engine.dispose()


def per_source(url: str) -> dict[str, tuple]:
    """For each stored source (by content hash): its evidence rows (type, offsets) - whole or absent."""
    engine = create_script_engine(url)
    if not migrated(engine):
        engine.dispose()
        return {}
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT s.content_hash, e.fact_type, e.start_char, e.end_char FROM sources s "
                     "LEFT JOIN evidence e ON e.source_id = s.id")
            ).all()  # fmt: skip
    finally:
        engine.dispose()
    out: dict[str, list] = {}
    for digest, *ev in rows:
        out.setdefault(digest, []).append(tuple(str(x) for x in ev))
    return {k: tuple(sorted(v)) for k, v in out.items()}
