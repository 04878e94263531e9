"""Figures: filters (topic, unit, value range, q, conflicting, source_id), pages, one figure, CSV."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app.queries import common
from app.queries.common import Filters, Stream
from app.queries.database import ReadDatabase

TABLE = "figures"
COLUMNS = (
    "t.id, t.text, t.value, t.unit, t.measure, t.period, t.approximate, t.qualifier, t.is_change, "
    "t.restates_id"
)


@dataclass
class FigureFilters:
    topic: str | None = None
    unit: str | None = None
    min_value: float | None = None
    max_value: float | None = None
    q: str | None = None
    conflicting: bool | None = None
    source_id: int | None = None


def build_filters(f: FigureFilters) -> Filters:
    filters = Filters()  # most selective first: the first stream drives a combined count
    filters.by_source("figure", f.source_id)
    filters.by_topic("figure_topics", "figure_id", f.topic)
    if f.unit:
        filters.add("t.unit = :unit", Stream("SELECT id FROM figures WHERE unit = :unit"), unit=f.unit)
    if f.min_value is not None:
        filters.add("t.value >= :min_value", min_value=f.min_value)
    if f.max_value is not None:
        filters.add("t.value <= :max_value", max_value=f.max_value)
    if f.q:
        filters.add(
            "(lower(t.measure) LIKE :q_like ESCAPE '\\' OR lower(t.text) LIKE :q_like ESCAPE '\\')",
            q_like=common.like_pattern(f.q),
        )
    if f.conflicting is not None:
        filters.add(common.conflict_clause("figure_conflicts", "figure_id", f.conflicting))
    return filters


def list_page(db: ReadDatabase, f: FigureFilters, cursor: str | None, limit: int, total_cap: int):
    pg = common.page(db, TABLE, COLUMNS, build_filters(f), cursor, limit, total_cap)
    return to_items(db, pg.rows), pg


def get(db: ReadDatabase, figure_id: int) -> dict | None:
    items = to_items(db, db.all(f"SELECT {COLUMNS} FROM {TABLE} t WHERE t.id = :id", {"id": figure_id}))
    return items[0] if items else None


def to_items(db: ReadDatabase, rows: list[tuple]) -> list[dict]:
    ids = [r[0] for r in rows]
    evidence = common.evidence_for(db, "figure", ids)
    topics = common.topics_for(db, "figure_topics", "figure_id", ids)
    conflicts = common.conflicts_for(db, "figure_conflicts", "figure_id", ids)
    return [
        {
            "id": fid,
            "text": text,
            "value": value,
            "unit": unit,
            "measure": measure,
            "period": period,
            "approximate": bool(approximate),
            "qualifier": qualifier,
            "is_change": bool(is_change),
            "restates": restates,
            "topics": topics[fid],
            "conflicts_with": conflicts.get(fid, []),
            "evidence": evidence[fid],
        }
        for fid, text, value, unit, measure, period, approximate, qualifier, is_change, restates in rows
    ]


def csv_rows(db: ReadDatabase, f: FigureFilters) -> Iterator[dict]:
    for rows in common.walk(db, TABLE, COLUMNS, build_filters(f)):
        for item in to_items(db, rows):
            item["evidence"] = [e["source_id"] for e in item["evidence"]]
            yield item
