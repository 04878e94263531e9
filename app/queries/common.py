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
class Stream:
    """The ids one filter matches, read straight off an index, so a page or a count never has to
    scan the base table: ``ordered`` yields them in id order after ``:after`` (a keyset page is its
    first rows); ``members`` yields each once in any order (a count reads at most the cap of them).
    """

    members: str
    ordered: str | None = None


@dataclass
class Filters:
    """WHERE fragments over the table aliased ``t``, with their parameters and index streams."""

    where: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    streams: list[Stream | None] = field(default_factory=list)

    def add(self, clause: str, stream: Stream | None = None, **params: Any) -> None:
        self.where.append(clause)
        self.streams.append(stream)
        self.params.update(params)

    def sql(self, extra: str | None = None) -> str:
        parts = [*self.where, extra] if extra else list(self.where)
        return " WHERE " + " AND ".join(parts) if parts else ""

    def only_stream(self) -> Stream | None:
        """The stream of the one filter, when there is exactly one filter and it has a stream."""
        return self.streams[0] if len(self.where) == 1 else None

    def first_stream(self) -> Stream | None:
        """The stream of the first filter that has one (filters are added most selective first)."""
        return next((s for s in self.streams if s is not None), None)

    def by_source(self, fact_type: str, source_id: int | None) -> None:
        if source_id is not None:
            ids = (
                "SELECT DISTINCT fact_id FROM evidence "
                f"WHERE source_id = :source_id AND fact_type = '{fact_type}'"
            )
            self.add(
                f"t.id IN ({ids})",
                Stream(ids, f"{ids} AND fact_id > :after ORDER BY fact_id"),
                source_id=source_id,
            )

    def by_topic(self, link_table: str, link_column: str, topic: str | None) -> None:
        """A topic and its descendants; one index range per slug, merged in id order."""
        if topic is None:
            return
        slugs = sorted(descendants(topic))
        names = in_list("topic", slugs, self.params)
        arms = [
            f"SELECT {link_column} FROM {link_table} WHERE topic_slug = :topic{i}" for i in range(len(slugs))
        ]
        ordered = " UNION ".join(f"{arm} AND {link_column} > :after" for arm in arms) + " ORDER BY 1"
        self.add(
            f"EXISTS (SELECT 1 FROM {link_table} lt "
            f"WHERE lt.{link_column} = t.id AND lt.topic_slug IN {names})",
            Stream(" UNION ".join(arms), ordered),
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
    rows = fetch(db, table, columns, filters, after, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    if after == 0 and not more:
        total, exact = len(rows), True  # the first page holds every match: nothing left to count
    else:
        total, exact = count(db, table, filters, total_cap)
    return Page(rows, total, exact, encode_cursor(rows[-1][0]) if more and rows else None)


def fetch(db: ReadDatabase, table: str, columns: str, filters: Filters, after: int, n: int) -> list[tuple]:
    """The first ``n`` matching rows after id ``after``; one filter with an ordered stream reads
    just ``n`` index entries instead of letting the planner pick (and sort) a larger set."""
    params = {**filters.params, "after": after, "n": n}
    driver = filters.only_stream()
    if driver is not None and driver.ordered:
        sql = f"SELECT {columns} FROM {table} t WHERE t.id IN ({driver.ordered} LIMIT :n) ORDER BY t.id"
    else:
        sql = f"SELECT {columns} FROM {table} t{filters.sql('t.id > :after')} ORDER BY t.id LIMIT :n"
    return db.all(sql, params)


def count(db: ReadDatabase, table: str, filters: Filters, cap: int) -> tuple[int, bool]:
    """:func:`count_now`, remembered for a few seconds per table, filters and cap."""
    if not filters.where:
        return db.cached_count(table), True
    key = (table, cap, *filters.where, *sorted((k, repr(v)) for k, v in filters.params.items()))
    return db.cached(key, lambda: count_now(db, table, filters, cap))


def count_now(db: ReadDatabase, table: str, filters: Filters, cap: int) -> tuple[int, bool]:
    """Rows matching the filters, counted up to ``cap``; never a full scan.

    One filter: its index stream, read up to ``cap + 1`` entries. Several: the rows among the
    first ``2 * cap`` ids of the first filter's stream that pass the others; when that stream is
    longer, the count is a lower bound and says so (``total_exact`` false).
    """
    if not filters.where:
        return db.cached_count(table), True
    params = {**filters.params, "cap_plus": cap + 1, "scan": 2 * cap, "scan_plus": 2 * cap + 1}
    driver = filters.only_stream()
    if driver is not None:
        n = int(db.scalar(f"SELECT count(*) FROM ({driver.members} LIMIT :cap_plus) c", params) or 0)
        return (cap, False) if n > cap else (n, True)
    primary = filters.first_stream()
    if primary is None:
        candidates = f"SELECT id FROM {table} LIMIT :scan"
        size_sql = f"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT :scan_plus) c"
    else:
        candidates = f"SELECT * FROM ({primary.members} LIMIT :scan) m"
        size_sql = f"SELECT count(*) FROM ({primary.members} LIMIT :scan_plus) c"
    where = filters.sql(f"t.id IN ({candidates})")
    sql = f"SELECT count(*) FROM (SELECT 1 FROM {table} t{where} LIMIT :cap_plus) c"
    n = int(db.scalar(sql, params) or 0)
    if n > cap:
        return cap, False
    exhausted = int(db.scalar(size_sql, params) or 0) <= 2 * cap
    return n, exhausted


def walk(
    db: ReadDatabase, table: str, columns: str, filters: Filters, chunk: int = 500
) -> Iterator[list[tuple]]:
    """Every matching row in id order, a chunk at a time (each chunk its own short query)."""
    after = 0
    while True:
        rows = fetch(db, table, columns, filters, after, chunk)
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


def conflicts_for(db: ReadDatabase, table: str, column: str, ids: list[int]) -> dict[int, list[int]]:
    """Ids of the facts each fact is contradicted by, in one query (``figure_conflicts`` and kin)."""
    out: dict[int, list[int]] = {}
    if not ids:
        return out
    params: dict = {}
    rows = db.all(
        f"SELECT {column}, other_id FROM {table} WHERE {column} IN {in_list('f', ids, params)} "
        f"ORDER BY {column}, other_id",
        params,
    )
    for fact_id, other in rows:
        out.setdefault(fact_id, []).append(other)
    return out


def conflict_clause(table: str, column: str, conflicting: bool) -> str:
    """Only facts another source contradicts (true), or only those none does (false)."""
    op = "" if conflicting else "NOT "
    return f"{op}EXISTS (SELECT 1 FROM {table} c WHERE c.{column} = t.id)"
