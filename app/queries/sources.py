"""Sources: filters (publisher, publication date range), pages, one source with its text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from app.keys import publisher_key
from app.queries import common
from app.queries.common import Filters, Stream
from app.queries.database import ReadDatabase

TABLE = "sources"
COLUMNS = (
    "t.id, t.title, t.publisher, t.authors, t.published_at, t.url, t.dateline, t.language, "
    "t.word_count, t.ingested_at, t.credits"
)


@dataclass
class SourceFilters:
    publisher: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    source_id: int | None = None


def build_filters(f: SourceFilters) -> Filters:
    filters = Filters()
    if f.publisher:
        ids = "SELECT id FROM sources WHERE publisher_key = :publisher"
        stream = Stream(ids, f"{ids} AND id > :after ORDER BY id")
        filters.add("t.publisher_key = :publisher", stream, publisher=publisher_key(f.publisher))
    if f.date_from:
        filters.add("t.published_date >= :date_from", date_from=f.date_from)
    if f.date_to:
        filters.add("t.published_date <= :date_to", date_to=f.date_to)
    if f.source_id is not None:
        filters.add("t.id = :source_id", source_id=f.source_id)
    return filters


def list_page(db: ReadDatabase, f: SourceFilters, cursor: str | None, limit: int, total_cap: int):
    pg = common.page(db, TABLE, COLUMNS, build_filters(f), cursor, limit, total_cap)
    return [to_item(r) for r in pg.rows], pg


def get(db: ReadDatabase, source_id: int) -> dict | None:
    row = db.one(f"SELECT {COLUMNS}, t.text FROM {TABLE} t WHERE t.id = :id", {"id": source_id})
    if row is None:
        return None
    item = to_item(row[:-1])
    item["text"] = row[-1]
    counts = dict(
        db.all(
            "SELECT fact_type, count(DISTINCT fact_id) FROM evidence WHERE source_id = :id "
            "GROUP BY fact_type",
            {"id": source_id},
        )
    )
    item["counts"] = {
        kind: counts.get(fact_type, 0)
        for kind, fact_type in (
            ("people", "person"),
            ("quotes", "quote"),
            ("figures", "figure"),
            ("events", "event"),
        )
    }
    return item


def to_item(row: tuple) -> dict:
    sid, title, publisher, authors, published_at, url, dateline, language, words, ingested, credits = row
    return {
        "id": sid,
        "title": title,
        "publisher": publisher,
        "authors": _json_list(authors),
        "published_at": published_at,
        "url": url,
        "dateline": dateline,
        "language": language,
        "word_count": words,
        "credits": _json_list(credits),
        "ingested_at": _iso(ingested),
    }


def _json_list(value: object) -> list:
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return []
        return parsed if isinstance(parsed, list) else []
    return []


def _iso(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value).replace(" ", "T")


def csv_rows(db: ReadDatabase, f: SourceFilters) -> Iterator[dict]:
    for rows in common.walk(db, TABLE, COLUMNS, build_filters(f)):
        yield from (to_item(r) for r in rows)
