"""The same event reported by several sources, and reports that contradict each other. Pure functions.

Two reports are one event when they name the same kind of happening, at compatible dates (allowing a
day of reporting lag at day precision), with a shared participant or the same place. Sources also
disagree about events: one says "a sixth term", another "a seventh term"; :func:`conflicting` finds
such pairs so both are kept and flagged rather than silently merged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

# Kinds that are different words for one happening ("the visit" and "the talks" of a state visit are
# kept apart; a "summit" and a "meeting" of the same leaders on the same day are one).
KIND_FAMILIES = {"summit": "meeting", "signing": "meeting"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
ORDINAL_CLAIM = re.compile(
    r"\b(?P<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
    r"(?:[\s-]+(?:straight|consecutive|successive|presidential|full))?\s+(?P<noun>term|time|visit|trip|title|"
    r"win|victory|election|mandate|year|quarter)\b",
    re.IGNORECASE,
)
PRECISION_DAYS = {"day": 0, "month": 30, "year": 365}


def _get(fact: Any, name: str) -> Any:
    return fact.get(name) if isinstance(fact, Mapping) else getattr(fact, name, None)


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    return " ".join(re.findall(r"[\w]+", text))


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _span(fact: Any) -> tuple[date, date] | None:
    """The days an event may cover, given its start, end and precision."""
    start = _date(_get(fact, "date_start"))
    if start is None:
        return None
    precision = _get(fact, "date_precision") or "day"
    end = _date(_get(fact, "date_end")) or start
    if precision == "month":
        nxt = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        end = max(end, nxt - timedelta(days=1))
    elif precision == "year":
        end = max(end, date(start.year, 12, 31))
    return start, end


def dates_compatible(a: Any, b: Any, lag_days: int = 1) -> bool:
    """Date ranges overlap, allowing ``lag_days`` between day-precise reports (time zones, late copy)."""
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return sa is None and sb is None and _norm(_get(a, "date_text")) == _norm(_get(b, "date_text"))
    return sa[0] - timedelta(days=lag_days) <= sb[1] and sb[0] - timedelta(days=lag_days) <= sa[1]


def _names(fact: Any) -> set[str]:
    """Participants as comparable keys: the last word of each name ("Elena Varga" -> "varga")."""
    out = set()
    for name in _get(fact, "participants") or []:
        words = _norm(str(name)).split()
        if words:
            out.add(words[-1])
    return out


def _kind(fact: Any) -> str:
    kind = _get(fact, "kind") or ""
    return KIND_FAMILIES.get(kind, kind)


def _places_agree(a: Any, b: Any) -> bool | None:
    la, lb = _norm(_get(a, "location")), _norm(_get(b, "location"))
    if not la or not lb:
        return None
    return la == lb or la in lb or lb in la


def _summary_overlap(a: Any, b: Any) -> float:
    """Shared content words (longer than three letters: "he", "to", "it" say nothing of what
    happened) over the shorter summary's; under two shared words is no overlap."""
    wa, wb = _content(_get(a, "summary")), _content(_get(b, "summary"))
    if len(wa & wb) < 2:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _content(text: str | None) -> set[str]:
    return {w for w in _norm(text).split() if len(w) > 3}


def same_event(a: Any, b: Any) -> bool:
    """One event told by two sources: same kind, compatible dates, and a shared participant or place
    (places, when both are given, must not disagree). Reports that contradict each other on a stated
    claim are never merged: both are kept, for :func:`conflicting` to link."""
    if _kind(a) != _kind(b) or not dates_compatible(a, b) or conflicting(a, b):
        return False
    places = _places_agree(a, b)
    shared = _names(a) & _names(b)
    if places is False and len(shared) < 2:
        return False
    if shared or places:
        return True
    return _summary_overlap(a, b) >= 0.6


def ordinal_claims(text: str | None) -> dict[str, int]:
    """Ordinal facts stated in a text: "secured a seventh term" -> {"term": 7}."""
    out: dict[str, int] = {}
    for m in ORDINAL_CLAIM.finditer(text or ""):
        word = m["n"].lower()
        n = ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        out.setdefault(m["noun"].lower(), n)
    return out


def conflicting(a: Any, b: Any) -> bool:
    """Two reports of one event that disagree on a stated ordinal ("sixth term" / "seventh term")."""
    if _kind(a) != _kind(b) or not (_names(a) & _names(b)):
        return False
    if _span(a) is not None and _span(b) is not None and not dates_compatible(a, b, lag_days=31):
        return False
    ca, cb = ordinal_claims(_get(a, "summary")), ordinal_claims(_get(b, "summary"))
    return any(noun in cb and cb[noun] != n for noun, n in ca.items())
