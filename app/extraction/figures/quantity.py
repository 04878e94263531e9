"""A quantity as written in an article: offsets into the text, the numeral's place, value and unit.

Shared by the textual scanners (:mod:`quantities`, :mod:`forms`) and the readers of the parse.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Quantity:
    """A quantity as written: ``text == source[start:end]``; the numeral itself is at num_start:num_end."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float | None
    unit: str | None
    kind: str  # money | percent | unit | duration | number | words | fraction | vague | time | score
    text: str = ""
    approximate: bool = False
    qualifier: str | None = None
    restates: int | None = None
    scale: float = 1.0
    range_high: float | None = None  # "40 to 50 questions": the high end, this quantity is the low end
    range_end: int | None = None  # where the range's written form ends
