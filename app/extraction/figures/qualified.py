"""A measure with the words that bound or mark its number, the way a careful reader notes them.

A reader writing down what "more than 11,000 signatures" measures writes "signatures on the
petition (more than)": the bound stays with the measure, in brackets, because the figure's value is
the stated number. A record ("a record 3 million riders") and a restriction ("only 12 seats") are
noted the same way.
"""

from __future__ import annotations

import re

from app.extraction.figures.quantities import Quantity

# Qualifiers that are not bounds but annotations of the quantity itself.
SKIP_QUALIFIERS = frozenset({"tally", "score", "vague"})
# Words just before a number (or its bound) that mark it: "a record 3 million", "only 12".
_BEFORE = re.compile(r"\b(?P<w>record|only|just)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)


def qualified(measure: str | None, q: Quantity, text: str) -> str | None:
    """``measure`` with "(bound, mark)" appended: "riders (about, record)"."""
    if not measure:
        return measure
    words: list[str] = []
    if q.qualifier and q.qualifier not in SKIP_QUALIFIERS:
        words.append(q.qualifier)
    start = q.start
    before = text[max(0, start - 30) : start]
    if q.qualifier and before.lower().rstrip().endswith(q.qualifier):
        before = before.rstrip()[: -len(q.qualifier)]
    if (m := _BEFORE.search(before)) is not None:
        words.append(m["w"].lower())
    words = [w for w in words if w not in measure.lower().split()]
    return f"{measure} ({', '.join(words)})" if words else measure
