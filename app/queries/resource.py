"""A list endpoint, declared once: the filters it accepts (the name a client sends, the type it is
checked as, the SQL it adds), whether it sorts by publication date, its CSV columns, and how a page
of rows becomes items.

Why one declaration: the router builds the endpoint's query parameters from it (so OpenAPI and
validation list exactly these names), the parameter check refuses every other name, the query
layer builds its WHERE clause from it, and the CSV writer takes its columns from it. Adding a
filter is one entry here, and nothing else can drift out of step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.queries.common import Filters, InvalidParameter, Stream, conflict_clause
from app.queries.database import ReadDatabase
from app.taxonomy import BY_SLUG

Apply = Callable[[Filters, Any, ReadDatabase], None]
ToItems = Callable[[ReadDatabase, list[tuple]], list[dict]]


@dataclass(frozen=True)
class Filter:
    """One query parameter and the SQL it maps to.

    Most filters are one WHERE fragment over the table aliased ``t`` with the value bound under
    the filter's own name (``where``, after ``bind`` turns the checked value into what is stored,
    e.g. a name key), and optionally an index ``stream`` of the ids it matches. Filters whose SQL
    depends on the value or the database (a speaker's person ids, full-text syntax) give ``apply``.
    """

    name: str
    type: Any  # what the value is checked as: str, int, float, bool, date or an enum
    doc: str
    where: str | None = None
    stream: Stream | None = None
    bind: Callable[[Any], Any] | None = None
    apply: Apply | None = None
    limits: Mapping[str, Any] = field(default_factory=dict)  # pydantic Field constraints: min_length, ge, ...

    def __post_init__(self) -> None:
        if (self.where is None) == (self.apply is None):
            raise TypeError(f"filter {self.name}: give exactly one of where= and apply=")

    def add_to(self, filters: Filters, value: Any, db: ReadDatabase) -> None:
        if self.apply is not None:
            self.apply(filters, value, db)
            return
        assert self.where is not None
        filters.add(self.where, self.stream, **{self.name: self.bind(value) if self.bind else value})


@dataclass(frozen=True)
class Column:
    """A CSV column: ``value`` reads it from an item (default: the item's field of that name)."""

    name: str
    value: Callable[[dict], object] | None = None

    def of(self, item: dict) -> object:
        return self.value(item) if self.value else item.get(self.name)


def evidence_ids(item: dict) -> list[int]:
    """Evidence flattened for CSV: the ids of the sources the fact was found in."""
    return [e["source_id"] for e in item["evidence"]]


@dataclass(frozen=True)
class Resource:
    """Everything the read path needs to list one kind of object."""

    name: str  # "quotes": the path, the CSV file name
    table: str
    columns: str  # the SELECT list over ``t``; the first column is ``t.id``
    filters: tuple[Filter, ...]  # most selective first: the first stream drives a combined count
    csv: tuple[Column, ...]
    to_items: ToItems
    dated: bool = False  # has ``published_date``: filters published_from/_to and sort=-published_at
    ranges: tuple[tuple[str, str], ...] = ()  # (low, high) filters that must not cross

    @property
    def filter_names(self) -> frozenset[str]:
        return frozenset(f.name for f in self.filters)

    def build(self, db: ReadDatabase, values: Mapping[str, Any]) -> Filters:
        """The WHERE clause for the given parameter values (None: not given)."""
        for low, high in self.ranges:
            if values.get(low) is not None and values.get(high) is not None and values[low] > values[high]:
                raise InvalidParameter(low, f"{low} is after {high}")
        filters = Filters()
        for spec in self.filters:
            value = values.get(spec.name)
            if value is not None:
                spec.add_to(filters, value, db)
        return filters

    def csv_rows(self, db: ReadDatabase, rows: Iterator[list[tuple]]) -> Iterator[list[object]]:
        """Each item of each chunk of rows as its CSV cells, in column order."""
        for chunk in rows:
            for item in self.to_items(db, chunk):
                yield [column.of(item) for column in self.csv]


TEXT = {"min_length": 1, "max_length": 200}  # limits of every free-text filter
ID = {"ge": 1, "le": 2**62}  # ids fit a signed 64-bit integer on both databases


def source_filter(fact_type: str) -> Filter:
    """``source_id``: only facts with evidence in that source."""
    return Filter(
        "source_id",
        int,
        "only facts found in this source",
        apply=lambda filters, value, _db: filters.by_source(fact_type, value),
        limits=ID,
    )


def topic_filter(link_table: str, link_column: str, what: str) -> Filter:
    """``topic``: a slug of the taxonomy; matches the topic and its descendants."""
    return Filter(
        "topic",
        str,
        f"{what} on this topic (a slug of GET /topics) or any of its descendants",
        apply=lambda filters, value, _db: filters.by_topic(link_table, link_column, value),
        limits={"pattern": "^(" + "|".join(sorted(BY_SLUG)) + ")$", "examples": ["energy"]},
    )


def conflicting_filter(table: str, column: str, doc: str) -> Filter:
    """``conflicting``: true for facts another source contradicts, false for the others."""
    return Filter(
        "conflicting",
        bool,
        doc,
        apply=lambda filters, value, _db: filters.add(conflict_clause(table, column, value)),
    )


PUBLISHED_FROM = "t.published_date >= :published_from"
PUBLISHED_TO = "t.published_date <= :published_to"


def published_filters(table: str) -> tuple[Filter, Filter]:
    """``published_from`` / ``published_to``: the fact's publication date, that of the earliest
    source reporting it (``published_date``, indexed with the id).

    Given both, the range is one index stream (a count reads the ids between the two dates, not
    every id after the first date and then the second condition on each).
    """
    doc = "{} (ISO date), by the publication date of the earliest source reporting it"
    ids = f"SELECT id FROM {table} WHERE published_date"
    between = Stream(f"{ids} BETWEEN :published_from AND :published_to")

    def until(filters: Filters, value: Any, _db: ReadDatabase) -> None:
        if "published_from" in filters.params:
            filters.streams[filters.where.index(PUBLISHED_FROM)] = between
            filters.add(PUBLISHED_TO, published_to=value)
        else:
            filters.add(PUBLISHED_TO, Stream(f"{ids} <= :published_to"), published_to=value)

    return (
        Filter(
            "published_from",
            date,
            doc.format("first published on or after this day"),
            where=PUBLISHED_FROM,
            stream=Stream(f"{ids} >= :published_from"),
        ),
        Filter("published_to", date, doc.format("first published on or before this day"), apply=until),
    )


def iso_date(value: object) -> str | None:
    """A DATE column as ISO text (SQLite returns text, PostgreSQL a date)."""
    if type(value) is str:  # SQLite: the common case, one test (a page formats fifty of these)
        return value[:10]
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)[:10]
