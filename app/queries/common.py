"""Pieces every list query shares: filters as SQL fragments, keyset pages, capped totals, cursors,
and the one-query-per-page loaders for evidence and topics (no N+1).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from app.queries.database import ReadDatabase, in_list
from app.taxonomy import descendants


class InvalidParameter(ValueError):
    """A query parameter that passed type checks but means nothing (bad cursor, unknown topic)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


@dataclass
class Filters:
    """WHERE fragments over the table aliased ``t``, with their parameters."""

    where: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)

    def add(self, clause: str, **params: Any) -> None:
        self.where.append(clause)
        self.params.update(params)

    def sql(self, extra: str | None = None) -> str:
        parts = [*self.where, extra] if extra else list(self.where)
        return " WHERE " + " AND ".join(parts) if parts else ""

    def by_source(self, fact_type: str, source_id: int | None) -> None:
        if source_id is not None:
            self.add(
                f"t.id IN (SELECT fact_id FROM evidence WHERE source_id = :source_id "
                f"AND fact_type = '{fact_type}')",
                source_id=source_id,
            )

    def by_topic(self, link_table: str, link_column: str, topic: str | None) -> None:
        if topic is None:
            return
        slugs = sorted(descendants(topic))
        self.add(
            f"EXISTS (SELECT 1 FROM {link_table} lt WHERE lt.{link_column} = t.id "
            f"AND lt.topic_slug IN {in_list('topic', slugs, self.params)})"
        )


@dataclass
class Page:
    rows: list[tuple]
    total: int
    total_exact: bool
    next_cursor: str | None


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(f"id:{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The id after which the next page starts; 0 for the first page."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _, value = raw.partition(":")
        if kind != "id" or not value.isdigit():
            raise ValueError
        return int(value)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InvalidParameter(
            "cursor", "cursor is not one this API issued; use next_cursor as given"
        ) from None


def page(
    db: ReadDatabase,
    table: str,
    columns: str,
    filters: Filters,
    cursor: str | None,
    limit: int,
    total_cap: int,
) -> Page:
    """One keyset page (``id > cursor ORDER BY id``) and the total, exact up to ``total_cap``."""
    after = decode_cursor(cursor)
    params = {**filters.params, "after": after, "limit_plus": limit + 1}
    sql = f"SELECT {columns} FROM {table} t{filters.sql('t.id > :after')} ORDER BY t.id LIMIT :limit_plus"
    rows = db.all(sql, params)
    more = len(rows) > limit
    rows = rows[:limit]
    total, exact = count(db, table, filters, total_cap)
    return Page(rows, total, exact, encode_cursor(rows[-1][0]) if more and rows else None)


def count(db: ReadDatabase, table: str, filters: Filters, cap: int) -> tuple[int, bool]:
    """Rows matching the filters, counted up to ``cap`` (a larger count says it is a lower bound)."""
    if not filters.where:
        return db.cached_count(table), True
    sql = f"SELECT count(*) FROM (SELECT 1 FROM {table} t{filters.sql()} LIMIT :cap_plus) c"
    n = int(db.scalar(sql, {**filters.params, "cap_plus": cap + 1}) or 0)
    return (cap, False) if n > cap else (n, True)


def walk(
    db: ReadDatabase, table: str, columns: str, filters: Filters, chunk: int = 500
) -> Iterator[list[tuple]]:
    """Every matching row in id order, a chunk at a time (each chunk its own short query)."""
    after = 0
    while True:
        params = {**filters.params, "after": after, "chunk": chunk}
        rows = db.all(
            f"SELECT {columns} FROM {table} t{filters.sql('t.id > :after')} ORDER BY t.id LIMIT :chunk",
            params,
        )
        if not rows:
            return
        yield rows
        if len(rows) < chunk:
            return
        after = rows[-1][0]


def evidence_for(db: ReadDatabase, fact_type: str, ids: list[int]) -> dict[int, list[dict]]:
    """Evidence of many facts in one query, grouped by fact id."""
    out: dict[int, list[dict]] = {i: [] for i in ids}
    if not ids:
        return out
    params: dict[str, Any] = {"ft": fact_type}
    rows = db.all(
        "SELECT fact_id, source_id, start_char, end_char, text, sentence FROM evidence "
        f"WHERE fact_type = :ft AND fact_id IN {in_list('f', ids, params)} "
        "ORDER BY fact_id, source_id, start_char",
        params,
    )
    for fact_id, source_id, start, end, text, sentence in rows:
        out[fact_id].append(
            {"source_id": source_id, "start": start, "end": end, "text": text, "sentence": sentence}
        )
    return out


def topics_for(db: ReadDatabase, link_table: str, link_column: str, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {i: [] for i in ids}
    if not ids:
        return out
    params: dict[str, Any] = {}
    rows = db.all(
        f"SELECT {link_column}, topic_slug FROM {link_table} "
        f"WHERE {link_column} IN {in_list('f', ids, params)} ORDER BY {link_column}, topic_slug",
        params,
    )
    for fact_id, slug in rows:
        out[fact_id].append(slug)
    return out


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with LIKE's wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.casefold()}%"
