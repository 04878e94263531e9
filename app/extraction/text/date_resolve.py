"""Resolution of a matched date expression to a date, against an anchor that may be missing.

One handler per date kind (see ``date_kinds.DATE_KINDS``); each takes the pattern's named groups.
Without an anchor a relative expression resolves to None rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from app.extraction.text.date_kinds import MONTHS, NUMBER_WORDS, WEEKDAYS, DateMention

Direction = Literal["past", "future"] | None
Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class Resolved:
    start: date
    end: date | None
    precision: Precision


def resolve(mention: DateMention, anchor: date | None, direction: Direction = None) -> Resolved | None:
    """The date a mention stands for, or None when it needs an anchor that is missing or is impossible."""
    parts = dict(mention.parts)
    try:
        handler = _HANDLERS.get(mention.kind)
        return handler(parts, anchor, direction) if handler else None
    except (ValueError, OverflowError):
        return None  # "February 30, 2024": kept as written, never a wrong date


def label(mention: DateMention, anchor: date | None) -> str:
    """A short period label for a figure: "2019", "2025-05", "Q1 2025", or the text as written."""
    parts = dict(mention.parts)
    if mention.kind in ("quarter", "qcode"):
        q = _quarter_number(parts["q"])
        year = _year_of(parts.get("y"), anchor) if parts.get("y") else _latest_quarter_year(q, anchor)
        return f"Q{q} {year}" if year else f"Q{q}"
    if mention.kind in ("months_of", "half", "fiscal", "decade"):
        return _strip_article(mention.text)
    resolved = resolve(mention, anchor)
    if resolved is None:
        return _strip_article(mention.text)
    iso = resolved.start.isoformat()
    return {"year": iso[:4], "month": iso[:7]}.get(resolved.precision, iso)


def _latest_quarter_year(q: int, anchor: date | None) -> int | None:
    """A quarter named without a year is the latest one begun by the anchor ("fourth-quarter" in
    January is last year's)."""
    if anchor is None:
        return None
    return anchor.year if 3 * q - 2 <= anchor.month else anchor.year - 1


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|in|on)\s+", "", text.strip(), flags=re.IGNORECASE)


def _year_of(text: str | None, anchor: date | None) -> int | None:
    if not text:
        return None
    if text.startswith("'"):
        return 2000 + int(text[1:])
    return int(text)


def _quarter_number(q: str) -> int:
    return {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(
        q.lower(), int(q) if q.isdigit() else 1
    )


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _ymd(parts: dict, anchor: date | None, direction: Direction) -> Resolved | None:
    month, day = _month(parts["mon"]), _day(parts["d"])
    year = int(parts["y"]) if parts.get("y") else _year_for(month, day, anchor, direction)
    if year is None:
        return None
    start = date(year, month, day)
    end = date(year, month, _day(parts["d2"])) if parts.get("d2") else None
    return Resolved(start, end if end and end > start else None, "day")


def _year_for(month: int, day: int | None, anchor: date | None, direction: Direction) -> int | None:
    """The year of a day or month given without one: the occurrence nearest the anchor in the tense's
    direction (past: on or before it; future: on or after; unknown: within about half a year)."""
    if anchor is None:
        return None
    key, now = (month, day or 0), (anchor.month, anchor.day if day else 0)
    if direction == "past":
        return anchor.year if key <= now else anchor.year - 1
    if direction == "future":
        return anchor.year if key >= now else anchor.year + 1
    delta = (month - anchor.month) * 30 + ((day or anchor.day) - anchor.day)
    if delta > 183:
        return anchor.year - 1
    if delta < -183:
        return anchor.year + 1
    return anchor.year


def _iso(parts: dict, anchor: date | None, direction: Direction) -> Resolved:
    return Resolved(date(int(parts["y"]), int(parts["m"]), int(parts["d"])), None, "day")


def _month_year(parts: dict, anchor: date | None, direction: Direction) -> Resolved:
    return Resolved(date(int(parts["y"]), _month(parts["mon"]), 1), None, "month")


def _month_rel(parts: dict, anchor: date | None, direction: Direction) -> Resolved | None:
    if anchor is None:
        return None
    year = anchor.year + {"last": -1, "this": 0, "next": 1}[parts["rel"].lower()]
    return Resolved(date(year, _month(parts["mon"]), 1), None, "month")


def _day_rel_year(parts: dict, anchor: date | None, direction: Direction) -> Resolved | None:
    """ "March 11 this year", "4 May last year": a day whose year is told relative to the anchor's."""
    if anchor is None:
        return None
    year = anchor.year + {"last": -1, "this": 0, "next": 1}[parts["rel"].lower()]
    day = {"mon": parts.get("mon") or parts["mon_"], "d": parts.get("d") or parts["d_"], "y": str(year)}
    return _ymd({**day, "d2": parts.get("d2")}, anchor, direction)


def _month_alone(parts: dict, anchor: date | None, direction: Direction) -> Resolved | None:
    prep = (parts.get("prep") or "").lower()
    if prep in ("last", "next", "this") and anchor is not None:
        year = _year_for(_month(parts["mon"]), None, anchor, "past" if prep == "last" else "future")
    else:
        if prep == "since":
            direction = "past"
        year = _year_for(_month(parts["mon"]), None, anchor, direction)
    return None if year is None else Resolved(date(year, _month(parts["mon"]), 1), None, "month")


def _quarter(parts: dict, anchor: date | None, direction: Direction) -> Resolved | None:
    year = _year_of(parts.get("y"), anchor) if parts.get("y") else None
    if year is None:
        return None
    q = _quarter_number(parts["q"])
    return Resolved(date(year, 3 * q - 2, 1), date(year, 3 * q, 1), "month")


def _year_only(parts: dict, anchor: date | None, direction: Direction) -> Resolved | None:
    year = _year_of(parts.get("y"), anchor)
    return None if year is None else Resolved(date(year, 1, 1), None, "year")


def _months_of(parts: dict, anchor: date | None, direction: Direction) -> Resolved | None:
    if parts.get("y"):
        year = int(parts["y"])
    elif anchor is not None:
        year = anchor.year - (1 if (parts.get("rel") or "").lower() == "last" else 0)
    else:
        return None
    return Resolved(date(year, 1, 1), None, "year")


def _weekday(parts: dict, anchor: date | None, direction: Direction) -> Resolved | None:
    if anchor is None:
        return None
    target = WEEKDAYS[parts["wd"].lower()]
    rel = (parts.get("rel") or "").lower()
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if rel == "last":
        back = back or 7
        return Resolved(anchor - timedelta(days=back), None, "day")
    if rel == "next":
        return Resolved(anchor + timedelta(days=ahead or 7), None, "day")
    if direction == "future":
        return Resolved(anchor + timedelta(days=ahead), None, "day")
    if direction == "past":
        return Resolved(anchor - timedelta(days=back), None, "day")
    days = -back if back <= ahead else ahead
    return Resolved(anchor + timedelta(days=days), None, "day")


def _day_rel(parts: dict, anchor: date | None, direction: Direction) -> Resolved | None:
    if anchor is None:
        return None
    shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[parts["w"].lower()]
    return Resolved(anchor + timedelta(days=shift), None, "day")


def _next_day(parts: dict, anchor: date | None, direction: Direction) -> Resolved | None:
    """ "the next day": a day after the day being told; without one, after the anchor (callers that
    know the day being told count from it)."""
    if anchor is None:
        return None
    word = (parts.get("w") or parts.get("w2") or "").lower()
    return Resolved(anchor + timedelta(days=NEXT_DAY_SHIFT[word]), None, "day")


NEXT_DAY_SHIFT = {"next": 1, "following": 1, "after": 1, "previous": -1, "before": -1}


def _ago(parts: dict, anchor: date | None, direction: Direction) -> Resolved | None:
    if anchor is None:
        return None
    n_text = parts["n"].lower()
    n = 1 if n_text in ("a", "an") else int(n_text) if n_text.isdigit() else NUMBER_WORDS[n_text]
    unit = parts["u"].lower().rstrip("s")
    if unit == "hour":  # "36 hours ago": the day that many whole days back
        return Resolved(anchor - timedelta(days=n // 24), None, "day")
    if unit == "day":
        return Resolved(anchor - timedelta(days=n), None, "day")
    if unit == "week":
        return _month_of(anchor - timedelta(days=7 * n))
    if unit == "month":
        return _month_of(_add_months(anchor, -n))
    return Resolved(date(anchor.year - n, 1, 1), None, "year")


def _relative(parts: dict, anchor: date | None, direction: Direction) -> Resolved | None:
    if anchor is None:
        return None
    rel, unit = parts["rel"].lower(), parts["u"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if unit == "weekend":
        return _weekend(rel, anchor, direction)
    if unit == "week":
        return _month_of(anchor + timedelta(days=7 * step))
    if unit == "month":
        return _month_of(_add_months(anchor, step))
    if unit == "quarter":
        first = _add_months(date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1), 3 * step)
        return Resolved(first, _add_months(first, 2), "month")
    if unit == "decade":
        return None
    return Resolved(date(anchor.year + step, 1, 1), None, "year")


def _edge(parts: dict, anchor: date | None, direction: Direction) -> Resolved | None:
    """ "the end of the week", "the start of next month": within that week, month or year."""
    return _relative({"rel": parts.get("rel") or "this", "u": parts["u"]}, anchor, direction)


def _weekend(rel: str, anchor: date, direction: Direction) -> Resolved:
    """ "this weekend" in a past-tense report is the Saturday and Sunday just gone; "last weekend"
    the one before the current week's; "next weekend" the coming one."""
    back = (anchor.weekday() - 5) % 7  # days since the latest Saturday (0 on a Saturday)
    ahead = (5 - anchor.weekday()) % 7
    if rel in ("next", "coming") or (rel == "this" and direction == "future"):
        sat = anchor + timedelta(days=ahead or 7 if rel != "this" else ahead)
    elif rel == "this" or anchor.weekday() < 5:
        sat = anchor - timedelta(days=back)
    else:
        sat = anchor - timedelta(days=back + 7)
    return Resolved(sat, sat + timedelta(days=1), "day")


def _recent(parts: dict, anchor: date | None, direction: Direction) -> Resolved | None:
    if anchor is None:
        return None
    return (
        Resolved(date(anchor.year, 1, 1), None, "year")
        if parts["u"].lower() == "months"
        else _month_of(anchor)
    )


def _month_of(day: date) -> Resolved:
    return Resolved(date(day.year, day.month, 1), None, "month")


def _add_months(day: date, n: int) -> date:
    index = day.year * 12 + day.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


_HANDLERS = {
    "iso": _iso,
    "mdy": _ymd,
    "dmy": _ymd,
    "md": _ymd,
    "dm": _ymd,
    "my": _month_year,
    "mrel": _month_rel,
    "mdrel": _day_rel_year,
    "quarter": _quarter,
    "qcode": _quarter,
    "half": _year_only,
    "months_of": _months_of,
    "fiscal": _year_only,
    "weekday": _weekday,
    "dayrel": _day_rel,
    "nextday": _next_day,
    "ago": _ago,
    "rel": _relative,
    "edge": _edge,
    "recent": _recent,
    "month": _month_alone,
    "decade": _year_only,
    "year": _year_only,
    "partyear": _year_only,
    "yearspan": _year_only,
}
