"""Date expressions in news text and their resolution against the publication date.

News dates are mostly relative ("on Thursday", "last month", "in October"), so a mention is found
first (with its exact offsets) and resolved second, against an anchor that may be missing. Without
an anchor a relative mention stays unresolved: the expression is kept and the date is None rather
than guessed. Absolute mentions ("June 2019", "in 1998", "October 3, 2019") resolve on their own;
impossible ones ("February 30, 2024") stay unresolved.

Tense decides the direction of a bare weekday or month: "met on Tuesday" looks back from the
anchor, "will meet on Thursday" looks forward.

This module finds mentions; the kinds are declared in ``date_kinds`` and resolved in
``date_resolve``. Callers import everything from here.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from app.extraction.text.date_kinds import (
    DATE_KINDS,
    EVENT_DATE_KINDS,
    MONTHS,
    NUMBER_WORDS,
    PERIOD_DATE_KINDS,
    WEEKDAYS,
    DateKind,
    DateMention,
)
from app.extraction.text.date_resolve import Direction, Precision, Resolved, label, resolve

__all__ = [
    "DATE_KINDS",
    "EVENT_DATE_KINDS",
    "MONTHS",
    "NUMBER_WORDS",
    "PERIOD_DATE_KINDS",
    "WEEKDAYS",
    "DateKind",
    "DateMention",
    "Direction",
    "Precision",
    "Resolved",
    "find_dates",
    "label",
    "resolve",
]


@cache
def _compiled() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((k.name, re.compile(k.pattern)) for k in DATE_KINDS)


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Every date expression in ``text``, non-overlapping, longest first; offsets shifted by ``offset``.
    Several passes ask for the same article's dates: the mentions (frozen) are found once per text."""
    return list(_find_dates(text, offset))


@lru_cache(maxsize=32)
def _find_dates(text: str, offset: int) -> tuple[DateMention, ...]:
    found: list[DateMention] = []
    for kind, pattern in _compiled():
        for m in pattern.finditer(text):
            parts = tuple((k, v) for k, v in m.groupdict().items() if v)
            found.append(DateMention(m.start() + offset, m.end() + offset, m.group(0), kind, parts))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMention] = []
    for mention in sorted(found, key=lambda d: -(d.end - d.start)):
        if all(mention.end <= o.start or mention.start >= o.end for o in out):
            out.append(mention)
    return tuple(sorted(out, key=lambda d: d.start))
