"""The same figure across sources, and figures that contradict each other. Pure functions, no database.

Two reports of one fact rarely agree to the letter: "$18 billion" and "$18.2 billion" for a year's
Brazil-Japan trade are one figure (values within rounding), but "$18 billion" and "$14 billion" for
the same measure and period conflict, and an analyst needs to see both. Measures are compared by
their content words, so "Brazil-Japan trade" and "trade between Brazil and Japan" meet.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from app.keys import MEASURE_STOP_WORDS as STOP
from app.keys import measure_key, period_key
from app.keys import singular as _stem
from app.lexicon.dimensions import DIMENSION_NOUNS

UNIT_FAMILIES = {"percentage_points": "percent"}


def _get(fact: Any, name: str) -> Any:
    return fact.get(name) if isinstance(fact, Mapping) else getattr(fact, name, None)


def _common_words(measure: str | None) -> set[str]:
    """Content words that are not names ("Brazilian coffee sales to Japan" -> coffee, sale): two measures
    about the same countries are not the same measure unless they share what is measured. A dimension
    word ("share", "length", "height") says what kind of number, not of what: "share of salt" and
    "share of crop levels" are different measures."""
    words = re.findall(r"[A-Za-z][\w-]*", re.sub(r"[’']s\b", "", measure or ""))
    return {
        _stem(w.lower())
        for w in words
        if w[0].islower() and w.lower() not in STOP and w.lower() not in DIMENSION_NOUNS
    }


def measure_overlap(a: Any, b: Any) -> float:
    """Share of the shorter measure's content words found in the other (0 when either is missing, or when
    they share only names)."""
    ka, kb = set(measure_key(_get(a, "measure")).split()), set(measure_key(_get(b, "measure")).split())
    if not ka or not kb or not _common_words(_get(a, "measure")) & _common_words(_get(b, "measure")):
        return 0.0
    return len(ka & kb) / min(len(ka), len(kb))


def _unit(fact: Any) -> str:
    unit = (_get(fact, "unit") or "").strip()
    return UNIT_FAMILIES.get(unit, unit)


def _half_step(fact: Any) -> float:
    """Half the last written digit's worth: "$18 billion" may stand for anything within 0.5 billion."""
    value, text = _get(fact, "value"), _get(fact, "text") or ""
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    if value is None or not m:
        return 0.0
    try:
        written = float(m.group(0).replace(",", ""))
    except ValueError:
        return 0.0
    if written == 0:
        return 0.0
    scale = abs(value / written)
    decimals = len(m.group(1) or "")
    return 0.5 * scale * 10 ** (-decimals)


def values_agree(a: Any, b: Any) -> bool:
    """Values equal within the rounding either source applied (or 0.5%)."""
    va, vb = _get(a, "value"), _get(b, "value")
    if va is None or vb is None:
        return False
    tolerance = max(0.005 * max(abs(va), abs(vb)), _half_step(a), _half_step(b))
    return abs(va - vb) <= tolerance + 1e-9


def comparable(a: Any, b: Any, min_overlap: float = 0.6) -> bool:
    """Same unit, same period, the same reading (a level is not a change) and measures that overlap."""
    return (
        _unit(a) == _unit(b)
        and _unit(a) != ""
        and period_key(_get(a, "period")) == period_key(_get(b, "period"))
        and bool(_get(a, "is_change")) == bool(_get(b, "is_change"))
        and measure_overlap(a, b) >= min_overlap
    )


def same_figure(a: Any, b: Any) -> bool:
    """One figure reported by two sources: values within rounding, same unit, period and reading, and
    measures sharing a content word ("Brazil's trade with Japan" / "two-way trade") — agreeing
    values make a loose measure match safe."""
    return values_agree(a, b) and comparable(a, b, min_overlap=0.3)


def conflicting(a: Any, b: Any) -> bool:
    """Two sources disagree: the same measure (a close match) and a stated, equal period, different
    values. Without a period on both sides two numbers may be about different times: no conflict."""
    if not (_get(a, "period") and _get(b, "period")):
        return False
    if _get(a, "value") is None or _get(b, "value") is None:
        return False
    return comparable(a, b) and not values_agree(a, b)
