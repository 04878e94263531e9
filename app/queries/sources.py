"""Sources: the list resource (publisher, publication date range, source_id), one source with its
text and fact counts."""

from __future__ import annotations

import json
from datetime import date

from app.keys import publisher_key
from app.queries.common import Stream
from app.queries.database import ReadDatabase
from app.queries.resource import ID, TEXT, Column, Filter, Resource

TABLE = "sources"
COLUMNS = (
    "t.id, t.title, t.publisher, t.authors, t.published_at, t.url, t.dateline, t.language, "
    "t.word_count, t.ingested_at, t.credits"
)


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


def _sources_rows(db: ReadDatabase, rows: list[tuple]) -> list[dict]:
    return [to_item(r) for r in rows]


CSV_COLUMNS = (
    *("id", "title", "publisher", "authors", "published_at", "url", "dateline", "language"),
    *("word_count", "credits", "ingested_at"),
)
PUBLISHER_IDS = "SELECT id FROM sources WHERE publisher_key = :publisher"

RESOURCE = Resource(
    name="sources",
    table=TABLE,
    columns=COLUMNS,
    filters=(
        Filter(
            "publisher",
            str,
            "publisher name, any case",
            where="t.publisher_key = :publisher",
            stream=Stream(PUBLISHER_IDS, f"{PUBLISHER_IDS} AND id > :after ORDER BY id"),
            bind=publisher_key,
            limits={**TEXT, "examples": ["Reuters"]},
        ),
        Filter("date_from", date, "published on or after (ISO date)", where="t.published_date >= :date_from"),
        Filter("date_to", date, "published on or before (ISO date)", where="t.published_date <= :date_to"),
        Filter("source_id", int, "only this source", where="t.id = :source_id", limits=ID),
    ),
    csv=tuple(Column(name) for name in CSV_COLUMNS),
    to_items=_sources_rows,
    ranges=(("date_from", "date_to"),),
)
