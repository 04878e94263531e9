"""Read queries only the explorer's pages need: one indexed query per page section, no N+1.

The list endpoints' modules (quotes.py, figures.py, ...) answer "a page of facts matching a
filter"; a web page also needs what surrounds them: a source's facts with their offsets (to mark
them up in the text), a person's quotes grouped by the articles that carry them, quotes per
month, the people quoted alongside someone, lists ordered by date. These functions take plain SQL
pieces (WHERE fragments and their parameters) rather than the list modules' filter objects, so
they depend on nothing but the database: :mod:`app.web.data` joins the two.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from datetime import date
from typing import Any

from app.queries.common import InvalidParameter, is_calendar_date, is_row_id
from app.queries.database import ReadDatabase

CHART_TTL = 300.0  # seconds a person's quotes-per-month stay cached (the query reads every quote)
CO_QUOTED_WINDOW = 100  # the person's latest quotes whose articles define "quoted alongside"


def source_briefs(db: ReadDatabase, ids: Sequence[int]) -> dict[int, dict]:
    """Title, outlet, date and URL of many sources in one query (for citing each evidence)."""
    unique = sorted(set(ids))
    if not unique:
        return {}
    params: dict[str, Any] = {}
    rows = db.all(
        "SELECT id, title, publisher, published_at, url FROM sources "
        f"WHERE id IN {db.id_list('s', unique, params)}",
        params,
    )
    return {
        sid: {"id": sid, "title": title, "publisher": publisher, "published_at": published, "url": url}
        for sid, title, publisher, published, url in rows
    }


def person_briefs(db: ReadDatabase, ids: Sequence[int]) -> dict[int, dict]:
    """Name, title and affiliation of many people in one query (a speaker shown with their role)."""
    unique = sorted(set(ids))
    if not unique:
        return {}
    params: dict[str, Any] = {}
    rows = db.all(
        f"SELECT id, name, title, affiliation FROM people WHERE id IN {db.id_list('p', unique, params)}",
        params,
    )
    return {pid: {"id": pid, "name": n, "title": t, "affiliation": a} for pid, n, t, a in rows}


def rows_by_ids(db: ReadDatabase, table: str, columns: str, ids: Sequence[int]) -> list[tuple]:
    """Rows of ``table`` (aliased ``t``) with the given ids, in id order: the list modules'
    ``to_items`` turn them into the same items the JSON endpoints give."""
    unique = sorted(set(ids))
    if not unique:
        return []
    params: dict[str, Any] = {}
    return db.all(
        f"SELECT {columns} FROM {table} t WHERE t.id IN {db.id_list('i', unique, params)} ORDER BY t.id",
        params,
    )


def source_facts(db: ReadDatabase, source_id: int) -> list[dict]:
    """Every fact found in one source with its offsets and a label, in text order.

    One row per evidence entry (a person named three times is three rows): the evidence off the
    source index, then one query per kind of fact for what to call it (five in all, each by ids).
    """
    rows = db.all(
        "SELECT fact_type, fact_id, start_char, end_char, text, sentence FROM evidence "
        "WHERE source_id = :sid ORDER BY start_char, end_char DESC, fact_type, fact_id",
        {"sid": source_id},
    )
    ids: dict[str, list[int]] = {}
    for kind, fact_id, *_ in rows:
        ids.setdefault(kind, []).append(fact_id)
    details = {kind: _fact_details(db, kind, found) for kind, found in ids.items()}
    return [
        {"kind": kind, "id": fid, "start": start, "end": end, "text": text, "sentence": sentence}
        | details.get(kind, {}).get(fid, {})
        for kind, fid, start, end, text, sentence in rows
    ]


FACT_DETAILS = {
    "quote": (
        "SELECT q.id, q.kind, coalesce(p.name, q.speaker_name), q.speaker_person_id FROM quotes q "
        "LEFT JOIN people p ON p.id = q.speaker_person_id WHERE q.id IN {ids}",
        ("quote_kind", "speaker", "speaker_id"),
    ),
    "figure": (
        "SELECT id, value, unit, measure, period FROM figures WHERE id IN {ids}",
        ("value", "unit", "measure", "period"),
    ),
    "person": ("SELECT id, name, title FROM people WHERE id IN {ids}", ("name", "title")),
    "event": (
        "SELECT id, summary, date_start, date_precision FROM events WHERE id IN {ids}",
        ("summary", "date_start", "date_precision"),
    ),
}


def _fact_details(db: ReadDatabase, kind: str, ids: list[int]) -> dict[int, dict]:
    if kind not in FACT_DETAILS:
        return {}
    sql, names = FACT_DETAILS[kind]
    params: dict[str, Any] = {}
    rows = db.all(sql.format(ids=db.id_list("f", sorted(set(ids)), params)), params)
    return {r[0]: dict(zip(names, r[1:], strict=True)) for r in rows}


def person_quotes(
    db: ReadDatabase, person_id: int, before: int | None, limit: int
) -> tuple[list[dict], int | None]:
    """A page of a person's quotes, newest first, each with every source that carries it.

    Returns one row per (quote, source) with the source's title, outlet and date, and the id to
    pass as ``before`` for the next page (None on the last). Keyset on the (speaker, id) index.
    """
    rows = db.all(
        "WITH pg AS (SELECT id, text, kind FROM quotes WHERE speaker_person_id = :pid AND id < :before "
        "ORDER BY id DESC LIMIT :n) "
        "SELECT pg.id, pg.text, pg.kind, e.source_id, e.start_char, s.title, s.publisher, "
        "s.published_at, s.url FROM pg "
        "JOIN evidence e ON e.fact_type = 'quote' AND e.fact_id = pg.id "
        "JOIN sources s ON s.id = e.source_id ORDER BY pg.id DESC, e.source_id",
        {"pid": person_id, "before": before or 2**62, "n": limit + 1},
    )
    ids = list(dict.fromkeys(r[0] for r in rows))
    more = len(ids) > limit
    keep = set(ids[:limit])
    out = [
        {
            "quote_id": qid,
            "text": text,
            "kind": kind,
            "source_id": sid,
            "start": start,
            "title": title,
            "publisher": publisher,
            "published_at": published,
            "url": url,
        }
        for qid, text, kind, sid, start, title, publisher, published, url in rows
        if qid in keep
    ]
    return out, (ids[limit - 1] if more else None)


def quotes_per_month(db: ReadDatabase, person_id: int) -> list[tuple[str, int]]:
    """(``YYYY-MM``, quotes) for every month one of the person's quotes was published in.

    A quote counts in the month of the earliest source that carries it. The query reads every
    quote of the person (a prolific speaker has 10^5 at a million quotes), so the answer is kept
    for a few minutes.
    """

    def compute() -> list[tuple[str, int]]:
        rows = db.all(
            "SELECT month, count(*) FROM (SELECT q.id, min(substr(s.published_at, 1, 7)) AS month "
            "FROM quotes q JOIN evidence e ON e.fact_type = 'quote' AND e.fact_id = q.id "
            "JOIN sources s ON s.id = e.source_id "
            "WHERE q.speaker_person_id = :pid AND s.published_at IS NOT NULL GROUP BY q.id) m "
            "GROUP BY month ORDER BY month",
            {"pid": person_id},
        )
        return [(str(m), int(n)) for m, n in rows]

    return db.cached(("web:quotes_per_month", person_id), compute, CHART_TTL)


def co_quoted(db: ReadDatabase, person_id: int, limit: int = 10) -> list[dict]:
    """People quoted in the same articles as this person, most shared articles first.

    Counted over the articles of the person's latest ``CO_QUOTED_WINDOW`` quotes, so the cost
    stays bounded for someone quoted in half the corpus.
    """
    rows = db.all(
        "WITH mine AS (SELECT id FROM quotes WHERE speaker_person_id = :pid ORDER BY id DESC LIMIT :w), "
        "arts AS (SELECT DISTINCT e.source_id FROM mine "
        "JOIN evidence e ON e.fact_type = 'quote' AND e.fact_id = mine.id), "
        "top AS (SELECT q.speaker_person_id AS pid, count(DISTINCT arts.source_id) AS n FROM arts "
        "JOIN evidence e2 ON e2.source_id = arts.source_id AND e2.fact_type = 'quote' "
        "JOIN quotes q ON q.id = e2.fact_id WHERE q.speaker_person_id <> :pid "
        "GROUP BY q.speaker_person_id ORDER BY n DESC, q.speaker_person_id LIMIT :n) "
        "SELECT top.pid, p.name, p.title, top.n FROM top JOIN people p ON p.id = top.pid "
        "ORDER BY top.n DESC, top.pid",
        {"pid": person_id, "w": CO_QUOTED_WINDOW, "n": limit},
    )
    return [{"id": pid, "name": name, "title": title, "articles": n} for pid, name, title, n in rows]


def mentioned_in(db: ReadDatabase, person_id: int, limit: int = 20) -> list[dict]:
    """The latest articles naming the person (newest ids first), with how often each does."""
    rows = db.all(
        "WITH m AS (SELECT source_id, count(*) AS n FROM evidence WHERE fact_type = 'person' "
        "AND fact_id = :pid GROUP BY source_id ORDER BY source_id DESC LIMIT :n) "
        "SELECT s.id, s.title, s.publisher, s.published_at, m.n FROM m JOIN sources s ON s.id = m.source_id "
        "ORDER BY s.id DESC",
        {"pid": person_id, "n": limit},
    )
    return [
        {"id": sid, "title": title, "publisher": publisher, "published_at": published, "mentions": n}
        for sid, title, publisher, published, n in rows
    ]


def encode_key(day: object, row_id: int) -> str:
    """An opaque cursor for lists ordered by (date, id): the last row's date (empty when undated)
    and id."""
    raw = f"d:{'' if day is None else str(day)[:10]}:{row_id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_key(cursor: str | None) -> tuple[date | None, int] | None:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        tag, day, row_id = raw.split(":")
        if tag != "d" or not is_row_id(row_id) or (day and not is_calendar_date(day)):
            raise ValueError
        return (date.fromisoformat(day) if day else None), int(row_id)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InvalidParameter("cursor", "not a cursor this page issued; follow the page links") from None


def by_date(
    db: ReadDatabase,
    table: str,
    columns: str,
    date_column: str,
    where: Sequence[str],
    params: dict[str, Any],
    *,
    newest_first: bool,
    cursor: str | None,
    limit: int,
) -> tuple[list[tuple], str | None]:
    """A page of rows ordered by ``t.<date_column>`` then id, undated rows last; keyset paged.

    Returns the rows and the next page's cursor. Two index-driven arms (dated rows from the date
    index, then undated rows by id), each limited, so only rows sharing one date are sorted.
    """
    key = decode_key(cursor)
    op, direction = ("<", "DESC") if newest_first else (">", "ASC")
    col = f"t.{date_column}"
    args: dict[str, Any] = {**params, "n": limit + 1}
    dated = [*where, f"{col} IS NOT NULL"]
    undated = [*where, f"{col} IS NULL"]
    if key is not None:
        day, row_id = key
        args["k_id"] = row_id
        if day is None:
            dated.append("1 = 0")  # the dated rows are behind us
        else:
            dated.append(f"({col} {op} :k_day OR ({col} = :k_day AND t.id {op} :k_id))")
            args["k_day"] = day
        undated.append(f"t.id {op} :k_id" if day is None else "1 = 1")

    def arm(n: int, conds: list[str], order: str) -> str:
        return (
            f"SELECT * FROM (SELECT {columns}, {col} AS page_day, {n} AS page_arm FROM {table} t "
            f"WHERE {' AND '.join(conds)} ORDER BY {order} LIMIT :n) a{n}"
        )

    sql = (
        f"{arm(0, dated, f'{col} {direction}, t.id {direction}')} UNION ALL "
        f"{arm(1, undated, f't.id {direction}')} ORDER BY page_arm, page_day {direction}, id {direction}"
    )
    rows = db.all(sql, args)
    more = len(rows) > limit
    rows = rows[:limit]
    cursor_out = encode_key(rows[-1][-2], rows[-1][0]) if more and rows else None
    return [r[:-2] for r in rows], cursor_out


def publishers(db: ReadDatabase) -> list[tuple[str, str, int]]:
    """Every outlet (key, name as written, number of sources), largest first; kept a minute.

    Counted on the publisher index alone; the name is read once per outlet, not once per source.
    """

    def compute() -> list[tuple[str, str, int]]:
        rows = db.all(
            "SELECT g.k, (SELECT publisher FROM sources s WHERE s.publisher_key = g.k LIMIT 1), g.n "
            "FROM (SELECT publisher_key AS k, count(*) AS n FROM sources WHERE publisher_key IS NOT NULL "
            "GROUP BY publisher_key) g ORDER BY g.n DESC, g.k"
        )
        return [(str(k), str(name or k), int(n)) for k, name, n in rows]

    return db.cached(("web:publishers",), compute, 60.0)


def table_counts(db: ReadDatabase) -> dict[str, int]:
    """Rows per table for the home page (each recounted at most every few seconds)."""
    return {t: db.cached_count(t) for t in ("sources", "people", "quotes", "figures", "events")}
