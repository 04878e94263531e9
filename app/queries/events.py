"""Events: the list resource (date range overlap, participant, q, conflicting, source_id), one event,
items with participants, conflicts and evidence."""

from __future__ import annotations

from datetime import date

from app.keys import name_key
from app.queries import common
from app.queries.common import like_pattern
from app.queries.database import ReadDatabase
from app.queries.resource import (
    TEXT,
    Column,
    Filter,
    Resource,
    conflicting_filter,
    evidence_ids,
    iso_date,
    published_filters,
    source_filter,
)

TABLE = "events"
COLUMNS = (
    "t.id, t.summary, t.kind, t.date_start, t.date_end, t.date_precision, t.date_text, t.location, "
    "t.published_date"
)


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
            "published_date": iso_date(published),
            "evidence": evidence[eid],
        }
        for eid, summary, kind, start, end, precision, date_text, location, published in rows
    ]


def _participants(db: ReadDatabase, ids: list[int]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    rows = db.all_for_ids(
        "SELECT ep.event_id, ep.person_id, coalesce(p.name, ep.name) FROM event_participants ep "
        "LEFT JOIN people p ON p.id = ep.person_id "
        "WHERE ep.event_id IN {ids} ORDER BY ep.event_id, ep.position",
        ids,
    )
    for eid, pid, name in rows:
        out.setdefault(eid, []).append({"id": pid, "name": name})
    return out


def _participant_names(item: dict) -> list[str]:
    return [p["name"] for p in item["participants"]]


# dates select events whose span overlaps [date_from, date_to]; undated events never match
RESOURCE = Resource(
    name="events",
    table=TABLE,
    columns=COLUMNS,
    filters=(
        Filter(
            "date_from",
            date,
            "events overlapping this day or later (ISO date)",
            where="t.range_end >= :date_from",
        ),
        Filter(
            "date_to",
            date,
            "events overlapping this day or earlier (ISO date)",
            where="t.date_start <= :date_to",
        ),
        Filter(
            "participant",
            str,
            "a participant's name or alias, any case",
            where="t.id IN (SELECT event_id FROM event_participants WHERE name_key = :participant "
            "OR person_id IN (SELECT person_id FROM person_aliases WHERE alias_key = :participant))",
            bind=name_key,
            limits=TEXT,
        ),
        Filter(
            "q",
            str,
            "part of the summary or location, any case",
            where="(lower(t.summary) LIKE :q ESCAPE '\\' OR lower(t.location) LIKE :q ESCAPE '\\')",
            bind=like_pattern,
            limits=TEXT,
        ),
        conflicting_filter(
            "event_conflicts", "event_id", "true: only events another source reports differently"
        ),
        source_filter("event"),
        *published_filters(TABLE),
    ),
    csv=(
        *(Column(name) for name in ("id", "summary", "kind", "date_start", "date_end", "date_precision")),
        Column("date_text"),
        Column("location"),
        Column("participants", _participant_names),
        Column("conflicts_with"),
        Column("published_date"),
        Column("evidence", evidence_ids),
    ),
    to_items=to_items,
    dated=True,
    ranges=(("date_from", "date_to"), ("published_from", "published_to")),
)
