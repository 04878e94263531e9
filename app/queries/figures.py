"""Figures: the list resource (source_id, topic, unit, value range, q, conflicting), one figure, items
with topics, conflicts and evidence."""

from __future__ import annotations

from app.queries import common
from app.queries.common import Stream, like_pattern
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
    topic_filter,
)

TABLE = "figures"
COLUMNS = (
    "t.id, t.text, t.value, t.unit, t.measure, t.period, t.approximate, t.qualifier, t.is_change, "
    "t.range_low, t.range_high, t.restates_id, t.published_date"
)


def get(db: ReadDatabase, figure_id: int) -> dict | None:
    items = to_items(db, db.all(f"SELECT {COLUMNS} FROM {TABLE} t WHERE t.id = :id", {"id": figure_id}))
    return items[0] if items else None


def to_items(db: ReadDatabase, rows: list[tuple]) -> list[dict]:
    ids = [r[0] for r in rows]
    evidence = common.evidence_for(db, "figure", ids)
    topics = common.topics_for(db, "figure_topics", "figure_id", ids)
    conflicts = common.conflicts_for(db, "figure_conflicts", "figure_id", ids)
    return [_item(row, topics, conflicts, evidence) for row in rows]


def _item(row: tuple, topics: dict, conflicts: dict, evidence: dict) -> dict:
    (
        fid,
        text,
        value,
        unit,
        measure,
        period,
        approximate,
        qualifier,
        is_change,
        low,
        high,
        restates,
        published,
    ) = row
    return {
        "id": fid,
        "text": text,
        "value": value,
        "unit": unit,
        "measure": measure,
        "period": period,
        "approximate": bool(approximate),
        "qualifier": qualifier,
        "is_change": bool(is_change),
        "range_low": low,
        "range_high": high,
        "restates": restates,
        "topics": topics[fid],
        "conflicts_with": conflicts.get(fid, []),
        "published_date": iso_date(published),
        "evidence": evidence[fid],
    }


CSV_COLUMNS = (
    *("id", "text", "value", "unit", "measure", "period", "approximate", "qualifier", "is_change"),
    *("range_low", "range_high", "restates", "topics", "conflicts_with", "published_date"),
)

RESOURCE = Resource(
    name="figures",
    table=TABLE,
    columns=COLUMNS,
    filters=(
        source_filter("figure"),
        topic_filter("figure_topics", "figure_id", "figures"),
        Filter(
            "unit",
            str,
            "unit code, e.g. USD, percent",
            where="t.unit = :unit",
            stream=Stream("SELECT id FROM figures WHERE unit = :unit"),
            limits={"min_length": 1, "max_length": 40, "examples": ["USD"]},
        ),
        Filter(
            "min_value",
            float,
            "value >= this (base units)",
            where="t.value >= :min_value",
            limits={"allow_inf_nan": False},
        ),
        Filter(
            "max_value",
            float,
            "value <= this (base units)",
            where="t.value <= :max_value",
            limits={"allow_inf_nan": False},
        ),
        Filter(
            "q",
            str,
            "part of the measure or of the figure as written, any case",
            where="(lower(t.measure) LIKE :q ESCAPE '\\' OR lower(t.text) LIKE :q ESCAPE '\\')",
            bind=like_pattern,
            limits=TEXT,
        ),
        conflicting_filter("figure_conflicts", "figure_id", "true: only figures another source contradicts"),
        *published_filters(TABLE),
    ),
    csv=(*(Column(name) for name in CSV_COLUMNS), Column("evidence", evidence_ids)),
    to_items=to_items,
    dated=True,
    ranges=(("min_value", "max_value"), ("published_from", "published_to")),
)
