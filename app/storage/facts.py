"""Persist quotes, figures and events, merging each with the same fact from earlier sources.

A fact seen again (the same quote by the same speaker, verbatim or nearly; the same figure for the
same measure and period within rounding; the same event) gains an evidence row instead of a
duplicate. A figure or event that another source contradicts is stored and linked to it as
conflicting. *Whether* two facts are the same is decided by :mod:`app.resolution`; this module
fetches a bounded set of candidates through indexes and writes rows.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Connection, Insert, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from app.extraction.types import EventFact, FigureFact, QuoteFact
from app.keys import measure_key, name_key, period_key, quote_text_key, speaker_key, summary_key
from app.resolution import events as same_events
from app.resolution import figures as same_figures
from app.resolution.quotes import same_quote
from app.storage.models import (
    Base,
    Event,
    EventConflict,
    EventParticipant,
    Figure,
    FigureConflict,
    FigureTopic,
    Quote,
    QuoteTopic,
)

CANDIDATES = 200  # facts compared per new fact: bounded work however large the store grows


def insert_ignore(
    conn: Connection, table: type[Base], values: dict | list[dict], conflict_cols: list[str]
) -> Insert:
    """``INSERT ... ON CONFLICT (cols) DO NOTHING`` on either database (one row or many)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).values(values).on_conflict_do_nothing(index_elements=conflict_cols)


@dataclass
class ArticleFacts:
    """What this article has stored so far, so its facts are compared only with earlier articles'.

    Candidates are fetched below the ids the tables had when the article began (its own facts
    would otherwise crowd the bounded candidate list), and a fact merged once is not merged
    again by another of this article's facts. Sets and floors, never lists searched per fact:
    the store stays linear in an article's facts (8,000 figures took 84 s against a list).
    """

    figure_floor: int = 0  # the largest figure id before this article
    event_floor: int = 0
    figures: list[int] = field(default_factory=list)  # the id each extracted figure became, in order
    merged_figures: set[int] = field(default_factory=set)
    events: set[int] = field(default_factory=set)

    @classmethod
    def start(cls, conn: Connection) -> ArticleFacts:
        floor = select(func.coalesce(func.max(Figure.id), 0)).scalar_subquery()
        efloor = select(func.coalesce(func.max(Event.id), 0)).scalar_subquery()
        figures, events = conn.execute(select(floor, efloor)).one()
        return cls(figure_floor=figures, event_floor=events)


# Statements built once and run with parameters: building them per fact cost more than running
# them (profiled on ingest). One variant per way of naming the speaker.
INSERT_QUOTE = insert(Quote).returning(Quote.id)
SPEAKER_IS = {
    "person": Quote.speaker_person_id == bindparam("pid"),
    "named": Quote.speaker_key == bindparam("skey"),
    "none": Quote.speaker_key.is_(None),
}
EXACT_QUOTE = {
    how: select(Quote.id).where(Quote.text_key == bindparam("tkey"), cond).order_by(Quote.id).limit(1)
    for how, cond in SPEAKER_IS.items()
}
RECENT_QUOTES = {
    how: select(Quote.id, Quote.text).where(cond).order_by(Quote.id.desc()).limit(CANDIDATES)
    for how, cond in SPEAKER_IS.items()
}


def store_quote(conn: Connection, quote: QuoteFact, person_ids: dict[str, int], evidence) -> int:
    speaker = quote.speaker
    person_id = person_ids.get(speaker.person_key) if speaker and speaker.person_key else None
    skey = speaker_key(speaker.name) if speaker else None
    existing = _known_quote(conn, quote.text, person_id, skey)
    if existing is None:
        values = {
            "text": quote.text,
            "text_key": quote_text_key(quote.text),
            "kind": quote.kind,
            "speaker_type": speaker.type if speaker else None,
            "speaker_name": speaker.name if speaker else None,
            "speaker_key": skey,
            "speaker_person_id": person_id,
            "speaker_basis": _basis(quote),
        }
        existing = conn.execute(INSERT_QUOTE, values).scalar_one()
        _add_topics(conn, QuoteTopic, "quote_id", existing, quote.topics)
    evidence.add("quote", existing, quote.span)
    return existing


def _basis(quote: QuoteFact) -> str | None:
    """How the speaker was found; "none" for a quote without one (so ``?basis=none`` finds it),
    NULL only when an extractor did not say."""
    if quote.speaker is None:
        return "none"
    return quote.speaker.basis


def _known_quote(conn: Connection, text: str, person_id: int | None, skey: str | None) -> int | None:
    """The same quote by the same speaker: the exact words first, then near-verbatim renderings."""
    how = "person" if person_id is not None else ("named" if skey is not None else "none")
    params = {"pid": person_id, "skey": skey, "tkey": quote_text_key(text)}
    found = conn.execute(EXACT_QUOTE[how], params).scalar()
    if found is not None or how == "none":
        return found
    recent = conn.execute(RECENT_QUOTES[how], params)
    return next((qid for qid, other in recent if same_quote(text, other)), None)


def store_figure(conn: Connection, figure: FigureFact, article: ArticleFacts, evidence) -> int:
    earlier = _figure_candidates(conn, figure, article.figure_floor)
    candidates = [c for c in earlier if c["id"] not in article.merged_figures]
    known = next((c for c in candidates if same_figures.same_figure(figure, c)), None)
    if known is not None:
        same = known["id"]
        _keep_fuller_measure(conn, known, figure.measure)
        evidence.add("figure", same, figure.span)
        article.figures.append(same)
        article.merged_figures.add(same)
        return same
    restates = _restated(article.figures, figure.restates)
    values = {
        "text": figure.text,
        "value": figure.value,
        "unit": figure.unit,
        "measure": figure.measure,
        "measure_key": measure_key(figure.measure) or None,
        "period": figure.period,
        "period_key": period_key(figure.period) or None,
        "approximate": figure.approximate,
        "qualifier": figure.qualifier,
        "is_change": figure.is_change,
        "range_low": figure.range_low,
        "range_high": figure.range_high,
        "restates_id": restates,
    }
    fid = conn.execute(INSERT_FIGURE, values).scalar_one()
    _add_topics(conn, FigureTopic, "figure_id", fid, figure.topics)
    _link_conflicts(
        conn,
        FigureConflict,
        "figure_id",
        fid,
        [c["id"] for c in candidates if same_figures.conflicting(figure, c)],
    )
    evidence.add("figure", fid, figure.span)
    article.figures.append(fid)
    return fid


def _keep_fuller_measure(conn: Connection, known: dict, measure: str | None) -> None:
    """A repeated figure keeps the fullest wording of what it measures, whichever source came first.

    "Fullest" is a total order (more key words, then more words, then the alphabetically first), so the
    stored measure is the same whatever order sources arrive in: concurrent ingests and one
    sequential ingest leave the same row.
    """
    if measure and _wording_rank(measure) < _wording_rank(known["measure"]):
        key = measure_key(measure) or None
        conn.execute(update(Figure).where(Figure.id == known["id"]).values(measure=measure, measure_key=key))
        known["measure"] = measure


def _wording_rank(measure: str | None) -> tuple[int, int, str]:
    return (-len(measure_key(measure).split()), -len(measure.split()), measure) if measure else (1, 1, "")


def _restated(figure_ids: list[int], index: int | None) -> int | None:
    """The id of the earlier figure of this article that a figure restates, if any."""
    return figure_ids[index] if index is not None and 0 <= index < len(figure_ids) else None


INSERT_FIGURE = insert(Figure).returning(Figure.id)
_FIGURE_COLUMNS = (
    Figure.id,
    Figure.text,
    Figure.value,
    Figure.unit,
    Figure.measure,
    Figure.period,
    Figure.is_change,
)
FIGURES_IN_PERIOD = (
    select(*_FIGURE_COLUMNS)
    .where(
        Figure.unit == bindparam("unit"),
        Figure.period_key == bindparam("pkey"),
        Figure.id <= bindparam("floor"),
    )
    .order_by(Figure.id.desc())
    .limit(CANDIDATES)
)
FIGURES_WITHOUT_PERIOD = (
    select(*_FIGURE_COLUMNS)
    .where(Figure.unit == bindparam("unit"), Figure.period_key.is_(None), Figure.id <= bindparam("floor"))
    .order_by(Figure.id.desc())
    .limit(CANDIDATES)
)


def _figure_candidates(conn: Connection, figure: FigureFact, floor: int) -> list[dict]:
    """Earlier articles' figures in the same unit and period (the only ones that can match or conflict)."""
    if figure.unit is None:
        return []
    pkey = period_key(figure.period) or None
    stmt = FIGURES_IN_PERIOD if pkey else FIGURES_WITHOUT_PERIOD
    params = {"unit": figure.unit, "pkey": pkey, "floor": floor}
    return [dict(row._mapping) for row in conn.execute(stmt, params)]


def store_event(
    conn: Connection, event: EventFact, people: dict[str, tuple[int, str]], article: ArticleFacts, evidence
) -> int:
    """``people`` maps article-local person keys to (person id, canonical name)."""
    participants: list[tuple[int | None, str]] = [
        people.get(ref, (None, ref)) for ref in dict.fromkeys(event.participants)
    ]
    mine = _event_view(event, [name for _, name in participants])
    earlier = _event_candidates(conn, event, article.event_floor)
    candidates = [c for c in earlier if c["id"] not in article.events]
    same = next((c for c in candidates if same_events.same_event(mine, c)), None)
    if same is not None:
        _sharpen_date(conn, same, event)
        evidence.add("event", same["id"], event.span)
        return same["id"]
    eid = _insert_event(conn, event, participants)
    _link_conflicts(
        conn,
        EventConflict,
        "event_id",
        eid,
        [c["id"] for c in candidates if same_events.conflicting(mine, c)],
    )
    evidence.add("event", eid, event.span)
    article.events.add(eid)
    return eid


PRECISION_RANK = {None: 0, "year": 1, "month": 2, "day": 3}


def _sharpen_date(conn: Connection, known: dict, event: EventFact) -> None:
    """A later report dating the event more precisely ("March 2019" for "2019") refines it."""
    if (
        event.date_start is None
        or PRECISION_RANK[event.date_precision] <= PRECISION_RANK[known["date_precision"]]
    ):
        return
    conn.execute(
        update(Event)
        .where(Event.id == known["id"])
        .values(
            date_start=event.date_start,
            date_end=event.date_end,
            range_end=event.date_end or end_of_period(event.date_start, event.date_precision),
            date_precision=event.date_precision,
            date_text=event.date_text,
        )
    )


def _event_view(event: EventFact, names: list[str]) -> dict:
    return {
        "summary": event.summary,
        "kind": event.kind,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "date_precision": event.date_precision,
        "date_text": event.date_text,
        "location": event.location,
        "participants": names,
    }


def _insert_event(conn: Connection, event: EventFact, participants: list[tuple[int | None, str]]) -> int:
    eid = conn.execute(
        insert(Event)
        .values(
            summary=event.summary,
            summary_key=summary_key(event.summary),
            kind=event.kind,
            date_start=event.date_start,
            date_end=event.date_end,
            range_end=event.date_end or end_of_period(event.date_start, event.date_precision),
            date_precision=event.date_precision,
            date_text=event.date_text,
            location=event.location,
        )
        .returning(Event.id)
    ).scalar_one()
    rows = [
        {
            "event_id": eid,
            "position": i,
            "name": name,
            "name_key": name_key(name),
            "person_id": person_id,
        }
        for i, (person_id, name) in enumerate(participants)
    ]
    if rows:
        conn.execute(insert(EventParticipant), rows)
    return eid


def _event_candidates(conn: Connection, event: EventFact, floor: int) -> list[dict]:
    """Earlier events whose dates overlap this one's (a day of slack), or undated ones of its kind."""
    columns = (
        Event.id,
        Event.summary,
        Event.kind,
        Event.date_start,
        Event.date_end,
        Event.date_precision,
        Event.date_text,
        Event.location,
    )
    if event.date_start is not None:
        end = event.date_end or end_of_period(event.date_start, event.date_precision) or event.date_start
        stmt = select(*columns).where(
            Event.date_start <= shift(end, 1),
            Event.range_end >= shift(event.date_start, -1),
        )
    else:
        stmt = select(*columns).where(Event.date_start.is_(None), Event.kind == event.kind)
    stmt = stmt.where(Event.id <= floor).order_by(Event.id.desc()).limit(CANDIDATES)
    found = [dict(row._mapping) for row in conn.execute(stmt)]
    names = _participant_names(conn, [c["id"] for c in found])
    for candidate in found:
        candidate["participants"] = names.get(candidate["id"], [])
    return found


def _participant_names(conn: Connection, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if ids:
        rows = conn.execute(
            select(EventParticipant.event_id, EventParticipant.name)
            .where(EventParticipant.event_id.in_(ids))
            .order_by(EventParticipant.position)
        )
        for eid, name in rows:
            out.setdefault(eid, []).append(name)
    return out


def shift(day: date, days: int) -> date:
    """``day`` moved by ``days``, held within the calendar (a 9999-12-31 report has no next day)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def end_of_period(start: date | None, precision: str | None) -> date | None:
    """Last day covered by a date of the given precision (2025-02 -> 2025-02-28)."""
    if start is None:
        return None
    if precision == "year":
        return date(start.year, 12, 31)
    if precision == "month":
        return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return start


def _link_conflicts(conn: Connection, table, column: str, new_id: int, others: list[int]) -> None:
    rows = [
        {column: a, "other_id": b}
        for other in dict.fromkeys(others)
        for a, b in ((new_id, other), (other, new_id))
    ]
    if rows:
        conn.execute(insert(table), rows)


def _add_topics(conn: Connection, table, column: str, fact_id: int, topics: list[str]) -> None:
    rows = [{column: fact_id, "topic_slug": slug} for slug in dict.fromkeys(topics)]
    if rows:
        conn.execute(insert(table), rows)
