"""Events: filters (date range overlap, participant, q, conflicting, source_id), pages, one event, CSV."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from app.keys import name_key
from app.queries import common
from app.queries.common import Filters
from app.queries.database import ReadDatabase, in_list

TABLE = "events"
COLUMNS = "t.id, t.summary, t.kind, t.date_start, t.date_end, t.date_precision, t.date_text, t.location"


@dataclass
class EventFilters:
    date_from: date | None = None
    date_to: date | None = None
    participant: str | None = None
    q: str | None = None
    conflicting: bool | None = None
    source_id: int | None = None


def build_filters(f: EventFilters) -> Filters:
    """Dates select events whose span overlaps [date_from, date_to]; undated events never match."""
    filters = Filters()
    if f.date_from:
        filters.add("t.range_end >= :date_from", date_from=f.date_from)
    if f.date_to:
        filters.add("t.date_start <= :date_to", date_to=f.date_to)
    if f.participant:
        key = name_key(f.participant)
        filters.add(
            "t.id IN (SELECT event_id FROM event_participants WHERE name_key = :pkey OR person_id IN "
            "(SELECT person_id FROM person_aliases WHERE alias_key = :pkey))",
            pkey=key,
        )
    if f.q:
        filters.add(
            "(lower(t.summary) LIKE :q_like ESCAPE '\\' OR lower(t.location) LIKE :q_like ESCAPE '\\')",
            q_like=common.like_pattern(f.q),
        )
    if f.conflicting is not None:
        filters.add(common.conflict_clause("event_conflicts", "event_id", f.conflicting))
    filters.by_source("event", f.source_id)
    return filters


def list_page(db: ReadDatabase, f: EventFilters, cursor: str | None, limit: int, total_cap: int):
    pg = common.page(db, TABLE, COLUMNS, build_filters(f), cursor, limit, total_cap)
    return to_items(db, pg.rows), pg


def get(db: ReadDatabase, event_id: int) -> dict | None:
    items = to_items(db, db.all(f"SELECT {COLUMNS} FROM {TABLE} t WHERE t.id = :id", {"id": event_id}))
    return items[0] if items else None


def render_date(value: object, precision: str | None) -> str | None:
    """ISO date cut to its precision: ``2023-03`` for a month, ``2022`` for a year."""
    if value is None:
        return None
    iso = value.isoformat() if isinstance(value, date) else str(value)[:10]
    return {"year": iso[:4], "month": iso[:7]}.get(precision or "day", iso)


def to_items(db: ReadDatabase, rows: list[tuple]) -> list[dict]:
    ids = [r[0] for r in rows]
    evidence = common.evidence_for(db, "event", ids)
    participants = _participants(db, ids)
    conflicts = common.conflicts_for(db, "event_conflicts", "event_id", ids)
    return [
        {
            "id": eid,
            "summary": summary,
            "kind": kind,
            "date_start": render_date(start, precision),
            "date_end": render_date(end, precision),
            "date_precision": precision,
            "date_text": date_text,
            "location": location,
            "participants": participants.get(eid, []),
            "conflicts_with": conflicts.get(eid, []),
            "evidence": evidence[eid],
        }
        for eid, summary, kind, start, end, precision, date_text, location in rows
    ]


def _participants(db: ReadDatabase, ids: list[int]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    if not ids:
        return out
    params: dict = {}
    rows = db.all(
        "SELECT ep.event_id, ep.person_id, coalesce(p.name, ep.name) FROM event_participants ep "
        "LEFT JOIN people p ON p.id = ep.person_id "
        f"WHERE ep.event_id IN {in_list('e', ids, params)} ORDER BY ep.event_id, ep.position",
        params,
    )
    for eid, pid, name in rows:
        out.setdefault(eid, []).append({"id": pid, "name": name})
    return out


def csv_rows(db: ReadDatabase, f: EventFilters) -> Iterator[dict]:
    for rows in common.walk(db, TABLE, COLUMNS, build_filters(f)):
        for item in to_items(db, rows):
            item["participants"] = [p["name"] for p in item["participants"]]
            item["evidence"] = [e["source_id"] for e in item["evidence"]]
            yield item
