"""Persist quotes, figures and events, merging each with the same fact from earlier sources.

A fact seen again (same quote by the same speaker, same figure for the same measure and period,
same event) gains an evidence row instead of a duplicate. A figure whose measure and period match
an earlier one but whose value does not is stored and linked to it as conflicting.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import unicodedata
from datetime import date

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from app.extraction.types import EventFact, FigureFact, QuoteFact
from app.keys import speaker_key
from app.storage.models import (
    Event,
    EventParticipant,
    Figure,
    FigureConflict,
    FigureTopic,
    Quote,
    QuoteTopic,
)


def insert_ignore(conn: Connection, table: Table, values: dict, conflict_cols: list[str]):
    """``INSERT ... ON CONFLICT (cols) DO NOTHING`` on either database."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).values(values).on_conflict_do_nothing(index_elements=conflict_cols)


def text_key(text: str) -> str:
    """A hash of the words of a text, ignoring case, punctuation and quote-mark style."""
    norm = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    words = re.findall(r"\w+", norm)
    return hashlib.sha1(" ".join(words).encode()).hexdigest()


def key_of(name: str | None) -> str | None:
    return " ".join(name.casefold().split()) if name else None


def store_quote(conn: Connection, quote: QuoteFact, person_ids: dict[str, int], evidence) -> int:
    speaker = quote.speaker
    person_id = person_ids.get(speaker.person_key) if speaker and speaker.person_key else None
    skey = speaker_key(speaker.name) if speaker else None
    tkey = text_key(quote.text)
    existing = _same_quote(conn, tkey, person_id, skey)
    if existing is None:
        existing = conn.execute(
            insert(Quote)
            .values(
                text=quote.text,
                text_key=tkey,
                kind=quote.kind,
                speaker_type=speaker.type if speaker else None,
                speaker_name=speaker.name if speaker else None,
                speaker_key=skey,
                speaker_person_id=person_id,
            )
            .returning(Quote.id)
        ).scalar_one()
        _add_topics(conn, QuoteTopic, "quote_id", existing, quote.topics)
    evidence.add("quote", existing, quote.span)
    return existing


def _same_quote(conn: Connection, tkey: str, person_id: int | None, speaker_key: str | None) -> int | None:
    stmt = select(Quote.id).where(Quote.text_key == tkey)
    if person_id is not None:
        stmt = stmt.where(Quote.speaker_person_id == person_id)
    elif speaker_key is not None:
        stmt = stmt.where(Quote.speaker_key == speaker_key)
    else:
        stmt = stmt.where(Quote.speaker_key.is_(None))
    return conn.execute(stmt.order_by(Quote.id).limit(1)).scalar()


def measure_key(measure: str | None) -> str | None:
    if not measure:
        return None
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", measure).casefold())
    return " ".join(words)[:300] or None


def store_figure(conn: Connection, figure: FigureFact, earlier: list[int], evidence) -> int:
    mkey = measure_key(figure.measure)
    candidates = _figure_candidates(conn, figure, mkey)
    same = next((fid for fid, value in candidates if _values_agree(value, figure.value)), None)
    if same is not None:
        evidence.add("figure", same, figure.span)
        return same
    restates = (
        earlier[figure.restates] if figure.restates is not None and figure.restates < len(earlier) else None
    )
    fid = conn.execute(
        insert(Figure)
        .values(
            text=figure.text,
            value=figure.value,
            unit=figure.unit,
            measure=figure.measure,
            measure_key=mkey,
            period=figure.period,
            approximate=figure.approximate,
            qualifier=figure.qualifier,
            is_change=figure.is_change,
            restates_id=restates,
        )
        .returning(Figure.id)
    ).scalar_one()
    _add_topics(conn, FigureTopic, "figure_id", fid, figure.topics)
    conflicts = [other for other, value in candidates if not _values_agree(value, figure.value)]
    if conflicts:
        rows = [
            {"figure_id": a, "other_id": b} for other in conflicts for a, b in ((fid, other), (other, fid))
        ]
        conn.execute(insert(FigureConflict), rows)
    evidence.add("figure", fid, figure.span)
    return fid


def _figure_candidates(
    conn: Connection, figure: FigureFact, mkey: str | None
) -> list[tuple[int, float | None]]:
    """Earlier figures with the same measure, period, unit and change/level reading (other sources)."""
    if mkey is None or figure.period is None or figure.unit is None:
        return []
    rows = conn.execute(
        select(Figure.id, Figure.value)
        .where(
            Figure.measure_key == mkey,
            Figure.period == figure.period,
            Figure.unit == figure.unit,
            Figure.is_change == figure.is_change,
        )
        .limit(50)
    ).all()
    return [(fid, value) for fid, value in rows]


def _values_agree(a: float | None, b: float | None) -> bool:
    """Equal within rounding: 240.1 billion and 240 billion agree; 4th and 5th do not."""
    if a is None or b is None:
        return a is b
    scale = max(abs(a), abs(b), 1e-9)
    return abs(a - b) / scale <= 0.005 or (abs(a - b) / scale <= 0.02 and min(abs(a), abs(b)) >= 100)


def store_event(conn: Connection, event: EventFact, people: dict[str, tuple[int, str]], evidence) -> int:
    """``people`` maps article-local person keys to (person id, canonical name)."""
    skey = (key_of(event.summary) or "")[:300]
    existing = _same_event(conn, event, skey)
    if existing is None:
        range_end = event.date_end or end_of_period(event.date_start, event.date_precision)
        existing = conn.execute(
            insert(Event)
            .values(
                summary=event.summary,
                summary_key=skey,
                kind=event.kind,
                date_start=event.date_start,
                date_end=event.date_end,
                range_end=range_end,
                date_precision=event.date_precision,
                date_text=event.date_text,
                location=event.location,
            )
            .returning(Event.id)
        ).scalar_one()
        rows = []
        for i, ref in enumerate(dict.fromkeys(event.participants)):
            person_id, name = people.get(ref, (None, ref))
            rows.append(
                {
                    "event_id": existing,
                    "position": i,
                    "name": name,
                    "name_key": key_of(name) or "",
                    "person_id": person_id,
                }
            )
        if rows:
            conn.execute(insert(EventParticipant), rows)
    evidence.add("event", existing, event.span)
    return existing


def _same_event(conn: Connection, event: EventFact, skey: str) -> int | None:
    stmt = select(Event.id).where(Event.summary_key == skey)
    stmt = stmt.where(Event.date_start == event.date_start) if event.date_start else stmt
    return conn.execute(stmt.order_by(Event.id).limit(1)).scalar()


def end_of_period(start: date | None, precision: str | None) -> date | None:
    """Last day covered by a date of the given precision (2023-03 -> 2023-03-31)."""
    if start is None:
        return None
    if precision == "year":
        return date(start.year, 12, 31)
    if precision == "month":
        return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return start


def _add_topics(conn: Connection, table, column: str, fact_id: int, topics: list[str]) -> None:
    rows = [{column: fact_id, "topic_slug": slug} for slug in dict.fromkeys(topics)]
    if rows:
        conn.execute(insert(table), rows)
