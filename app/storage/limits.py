"""What the schema can hold, enforced before the database sees it, the same way on both databases.

SQLite ignores a ``VARCHAR(200)``'s length and PostgreSQL refuses the whole article for one
over-long value, so an extractor's 400-character "speaker name" went in on one and failed on the
other. Here every bounded text is cut to its column's width (read from the models, so the two
cannot drift) and every cut is noted for the operator; a figure value that is not a finite number
(``inf``, ``nan``) is stored as unknown, since no filter can compare it. Keys are cut by their own
functions in :mod:`app.keys`, so they are computed from the values as stored.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import MAXYEAR, MINYEAR, date
from typing import Any

from sqlalchemy import String

from app.extraction.types import ArticleMeta, EventFact, Extraction, FigureFact, PersonFact, QuoteFact
from app.storage.models import Event, EventParticipant, Figure, Person, PersonAlias, Quote, Source


def width(column: Any) -> int | None:
    kind = column.type
    return kind.length if isinstance(kind, String) else None


def fit(value: str | None, column: Any, what: str, notes: list[str]) -> str | None:
    """``value`` cut to ``column``'s width, with a note when it had to be."""
    limit = width(column)
    if value is None or limit is None or len(value) <= limit:
        return value
    notes.append(f"{what} cut to {limit} characters (it had {len(value):,}): {value[:40]!r}...")
    return value[:limit].rstrip()


def fit_meta(meta: ArticleMeta, notes: list[str]) -> ArticleMeta:
    c = Source.__table__.c
    return replace(
        meta,
        publisher=fit(meta.publisher, c.publisher, "publisher", notes),
        published_at=fit(meta.published_at, c.published_at, "published_at", notes),
        dateline=fit(meta.dateline, c.dateline, "dateline", notes),
        language=fit(meta.language, c.language, "language", notes),
    )


def fit_extraction(extraction: Extraction, notes: list[str]) -> Extraction:
    return Extraction(
        people=[_fit_person(p, notes) for p in extraction.people],
        quotes=[_fit_quote(q, notes) for q in extraction.quotes],
        figures=[_fit_figure(f, notes) for f in extraction.figures],
        events=[_fit_event(e, notes) for e in extraction.events],
    )


def _at_calendar_edge(day: date | None) -> bool:
    """Within a year of the first or last date Python knows: "next month" has nowhere to go."""
    return day is not None and not MINYEAR < day.year < MAXYEAR


def _fit_person(person: PersonFact, notes: list[str]) -> PersonFact:
    alias = PersonAlias.__table__.c.alias
    name = fit(person.name, Person.__table__.c.name, "a person's name", notes) or person.name
    aliases = [fit(a, alias, "an alias", notes) or a for a in person.aliases]
    return replace(person, name=name, aliases=aliases)


def _fit_quote(quote: QuoteFact, notes: list[str]) -> QuoteFact:
    if quote.speaker is None:
        return quote
    name = fit(quote.speaker.name, Quote.__table__.c.speaker_name, "a speaker's name", notes)
    return replace(quote, speaker=replace(quote.speaker, name=name or quote.speaker.name))


def _fit_figure(figure: FigureFact, notes: list[str]) -> FigureFact:
    c = Figure.__table__.c
    value = figure.value
    if value is not None and not math.isfinite(value):
        notes.append(f"figure {figure.text[:40]!r} has no finite value ({value}); stored without one")
        value = None
    return replace(
        figure,
        value=value,
        unit=fit(figure.unit, c.unit, "a figure's unit", notes),
        period=fit(figure.period, c.period, "a figure's period", notes),
        qualifier=fit(figure.qualifier, c.qualifier, "a figure's qualifier", notes),
    )


def _fit_event(event: EventFact, notes: list[str]) -> EventFact:
    c = Event.__table__.c
    participant = EventParticipant.__table__.c.name
    if _at_calendar_edge(event.date_start) or _at_calendar_edge(event.date_end):
        what = f"event {event.summary[:40]!r} dated {event.date_start}"
        notes.append(f"{what}: the calendar ends there; stored undated")
        event = replace(event, date_start=None, date_end=None, date_precision=None)
    return replace(
        event,
        kind=fit(event.kind, c.kind, "an event's kind", notes),
        date_text=fit(event.date_text, c.date_text, "an event's date", notes),
        location=fit(event.location, c.location, "an event's location", notes),
        participants=[fit(p, participant, "a participant's name", notes) or p for p in event.participants],
    )
