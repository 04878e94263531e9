"""Pieces every list query shares: filters as SQL fragments with their index streams, and the
one-query-per-page loaders for evidence, topics and conflicts (no N+1). Pages, totals and cursors
are in :mod:`app.queries.paging`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.queries.database import ReadDatabase, in_list
from app.taxonomy import descendants

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MAX_ID = 2**62  # within both databases' 64-bit integers, as the {id} path parameter


class InvalidParameter(ValueError):
    """A query parameter that passed type checks but means nothing (bad cursor, unknown topic)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


def is_row_id(text: str) -> bool:
    """ASCII digits naming an id the database can hold (a larger one would overflow SQLite's
    integer binding and drop the connection, a 503 for a client's typo)."""
    return text.isascii() and text.isdigit() and len(text) <= 20 and int(text) <= MAX_ID


def is_calendar_date(text: str) -> bool:
    """YYYY-MM-DD naming a real day (PostgreSQL refuses 2024-13-45 with an error; SQLite would
    compare it as a string)."""
    if ISO_DATE.fullmatch(text) is None:
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


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

    def sql_without_first_stream(self, extra: str) -> str:
        """:meth:`sql` without the clause of the first filter that has a stream (the caller reads
        its candidates from that stream, whose members are exactly the rows the clause matches:
        checking it again cost PostgreSQL an index probe per candidate)."""
        first = next((i for i, s in enumerate(self.streams) if s is not None), None)
        parts = [w for i, w in enumerate(self.where) if i != first]
        return " WHERE " + " AND ".join([*parts, extra])

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


EVIDENCE_SELECT = "SELECT fact_id, source_id, start_char, end_char, text, sentence FROM evidence"
CITATION = ("title", "publisher", "published_at", "url")
UNKNOWN_SOURCE = (None, None, None, None)
FACT_TYPES = frozenset({"quote", "figure", "event", "person"})


def citations_for(db: ReadDatabase, rows: list[tuple]) -> dict[int, tuple]:
    """The citation fields (:data:`CITATION`, in that order) of the sources of EVIDENCE_SELECT
    rows, by source id.

    The sources' fields come from one more query for the page's distinct sources, not a join:
    PostgreSQL misjudges how few rows an IN list of fact ids yields and hashes the whole sources
    table for it (33 ms against well under 1 ms at 50,000 sources).
    """
    source_ids = sorted({row[1] for row in rows})
    found = db.all_for_ids(f"SELECT id, {', '.join(CITATION)} FROM sources WHERE id IN {{ids}}", source_ids)
    return {sid: (title, publisher, published, url) for sid, title, publisher, published, url in found}


def evidence_items(db: ReadDatabase, rows: list[tuple]) -> list[dict]:
    """Rows of EVIDENCE_SELECT as evidence entries, each with what is needed to cite its source.

    Each entry is one dict display from a citation tuple (not a ``**`` merge of a citation dict
    per entry): building the entries was a fifth of a topic page.
    """
    citations = citations_for(db, rows)
    unknown = UNKNOWN_SOURCE
    return [
        {
            "source_id": source_id,
            "start": start,
            "end": end,
            "text": text,
            "sentence": sentence,
            "title": (cite := citations.get(source_id, unknown))[0],
            "publisher": cite[1],
            "published_at": cite[2],
            "url": cite[3],
        }
        for _, source_id, start, end, text, sentence in rows
    ]


def evidence_for(db: ReadDatabase, fact_type: str, ids: list[int]) -> dict[int, list[dict]]:
    """Evidence of many facts, with their sources' citation fields, in two queries, by fact id.

    ``fact_type`` is one of the code's own fact kinds (checked), written into the SQL.
    """
    if fact_type not in FACT_TYPES:
        raise ValueError(f"unknown fact type {fact_type!r}")
    out: dict[int, list[dict]] = {i: [] for i in ids}
    rows = db.all_for_ids(
        f"{EVIDENCE_SELECT} WHERE fact_type = '{fact_type}' AND fact_id IN {{ids}} "
        "ORDER BY fact_id, source_id, start_char",
        ids,
    )
    for row, item in zip(rows, evidence_items(db, rows), strict=True):
        out[row[0]].append(item)
    return out


def topics_for(db: ReadDatabase, link_table: str, link_column: str, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {i: [] for i in ids}
    rows = db.all_for_ids(
        f"SELECT {link_column}, topic_slug FROM {link_table} "
        f"WHERE {link_column} IN {{ids}} ORDER BY {link_column}, topic_slug",
        ids,
    )
    for fact_id, slug in rows:
        out[fact_id].append(slug)
    return out


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with LIKE's wildcards taken literally.

    A search with no letter or digit in it (spaces, combining marks, punctuation) is refused
    (422), as the quotes' full-text ``q`` refuses it: it would match every row, or none, and
    never what a person meant.
    """
    if not any(ch.isalnum() for ch in text):
        raise InvalidParameter("q", "q must contain at least one letter or digit")
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.casefold()}%"


def conflicts_for(db: ReadDatabase, table: str, column: str, ids: list[int]) -> dict[int, list[int]]:
    """Ids of the facts each fact is contradicted by, in one query (``figure_conflicts`` and kin)."""
    out: dict[int, list[int]] = {}
    rows = db.all_for_ids(
        f"SELECT {column}, other_id FROM {table} WHERE {column} IN {{ids}} ORDER BY {column}, other_id", ids
    )
    for fact_id, other in rows:
        out.setdefault(fact_id, []).append(other)
    return out


def conflict_clause(table: str, column: str, conflicting: bool) -> str:
    """Only facts another source contradicts (true), or only those none does (false)."""
    op = "" if conflicting else "NOT "
    return f"{op}EXISTS (SELECT 1 FROM {table} c WHERE c.{column} = t.id)"
