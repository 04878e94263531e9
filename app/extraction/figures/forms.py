"""Quantities written in special forms: fractions ("one in three"), count adjectives ("a six-member
team"), multiples ("18-fold", "twice as many"), vote tallies, slash fractions, scores and vague
magnitudes ("hundreds of"). Each finder returns :class:`Quantity` items with exact offsets; the
general numerals and number words are read in :mod:`quantities`.
"""

from __future__ import annotations

import re
from functools import cache

from app.extraction.figures import numbers, units
from app.extraction.figures.quantity import Quantity

SCORE = re.compile(r"(?<![\w.,-])(?P<a>\d{1,3})\s?[-–]\s?(?P<b>\d{1,3})(?![\w%.,-])")
VAGUE = re.compile(
    r"\b(?P<num>(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|scores|hundreds|thousands"
    r"|millions|billions)\b(?=\s+(?:of|more|upon|were|are|have|had|who|marched|fled|died|gathered)\b)",
    re.IGNORECASE,
)
FRACTION = re.compile(
    r"(?<![\w-])(?P<num>(?:a|an|one|two|three|four)[\s-](?:half|third|thirds|quarter|quarters|fifth|fifths|tenth)"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|\d{1,2})\s+(?:in|out\s+of)\s+(?:two|three|four|five|six"
    r"|seven|eight|nine|ten|\d{1,3})|half(?:\s+as\s+(?:much|many))?)\b",
    re.IGNORECASE,
)


def fractions(text: str) -> list[Quantity]:
    out = []
    for m in FRACTION.finditer(text):
        value = numbers.parse_fraction(re.sub(r"\s+as\s+\w+$", "", m["num"]))
        if value is not None:
            out.append(Quantity(m.start(), m.end(), m.start(), m.end(), value, "percent", "fraction"))
    return out


COUNT_ADJ = re.compile(
    rf"(?<![\w-])(?P<num>\d[\d,]*|{numbers.WORD_RUN.pattern})-(?P<noun>[a-z]+)\b(?!-)", re.IGNORECASE
)
MULTIPLE = re.compile(
    rf"(?<![\w-])(?P<num>\d+(?:\.\d+)?|{numbers.WORD_RUN.pattern})[- ]?fold\b"
    rf"|(?<![\w-])(?P<num2>\d+(?:\.\d+)?|{numbers.WORD_RUN.pattern})\s+times\b(?=\s+(?:as|more|higher|larger"
    r"|bigger|greater|faster|smaller|lower|over|the)\b)"
    r"|\b(?P<word>twice|thrice)\b(?=\s+(?:as|more|the|that|than|over)\b)",
    re.IGNORECASE,
)
TALLY = re.compile(
    r"(?<![\w.,])(?P<a>\d{1,4})\s+(?:yeas|ayes|votes\s+(?:in\s+favou?r|for))\s*(?:and|to|,|against|with)\s*"
    r"(?P<b>\d{1,4})\s+(?:nays|noes|against|votes\s+against|abstentions)\b",
    re.IGNORECASE,
)
MULTIPLE_HINT = re.compile(r"fold\b|\btimes\b|\btwice\b|\bthrice\b", re.IGNORECASE)


@cache
def _count_adj_hint() -> re.Pattern:
    nouns = "|".join(sorted(units.COUNT_ADJ_NOUNS, key=len, reverse=True))
    return re.compile(rf"-(?:{nouns})\b", re.IGNORECASE)


SLASH_FRACTION = re.compile(r"(?<![\w/.,-])(?P<a>[1-9])/(?P<b>[2-9]|10)(?![\w/.,-])")


def count_adjectives(text: str) -> list[Quantity]:
    """ "a six-member team", "the 131-page report": a count written as a compound adjective, for the
    nouns of :data:`units.COUNT_ADJ_NOUNS` (durations and ages are read by :func:`_durations_adj`)."""
    out: list[Quantity] = []
    if not _count_adj_hint().search(text):
        return out  # the number-word alternation is costly: run it only where such a noun is written
    for m in COUNT_ADJ.finditer(text):
        noun = m["noun"].lower()
        if noun not in units.COUNT_ADJ_NOUNS:
            continue
        raw = m["num"]
        value = numbers.parse_numeral(raw) if raw[0].isdigit() else numbers.parse_words(raw)
        unit = "people" if noun in units.PEOPLE_ADJ_NOUNS else "count"
        out.append(Quantity(m.start(), m.end(), m.start("num"), m.end("num"), value, unit, "unit"))
    return out


def multiples(text: str) -> list[Quantity]:
    """ "an 18-fold rise", "three times as many", "twice as large": a multiple, in the unit "times"."""
    out: list[Quantity] = []
    if not MULTIPLE_HINT.search(text):
        return out
    for m in MULTIPLE.finditer(text):
        group = "num" if m["num"] else ("num2" if m["num2"] else "word")
        raw = m[group]
        if group == "word":
            value: float | None = 2.0 if raw.lower() == "twice" else 3.0
        else:
            value = numbers.parse_numeral(raw) if raw[0].isdigit() else numbers.parse_words(raw)
        out.append(Quantity(m.start(), m.end(), m.start(group), m.end(group), value, "times", "unit"))
    return out


def tallies(text: str) -> list[Quantity]:
    """ "74 yeas and 25 nays": a vote tally, one non-core figure at its first number (never two counts)."""
    return [
        Quantity(
            m.start(), m.end(), m.start("a"), m.end("a"), float(m["a"]), "count", "score", qualifier="tally"
        )
        for m in TALLY.finditer(text)
    ]


def slash_fractions(text: str) -> list[Quantity]:
    """ "a 3/5 majority": a proper fraction with a small denominator, as a percentage."""
    out = []
    for m in SLASH_FRACTION.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if a < b:
            value = round(100 * a / b, 2)
            out.append(Quantity(m.start(), m.end(), m.start(), m.end(), value, "percent", "fraction"))
    return out


def scores(text: str) -> list[Quantity]:
    """ "won 2-1", "passed 314-117": a tally, valued at its first number (the figures pass keeps it only
    where the sentence is about a result or a vote)."""
    return [
        Quantity(
            m.start(), m.end(), m.start("a"), m.end("a"), float(m["a"]), "count", "score", qualifier="score"
        )
        for m in SCORE.finditer(text)
    ]


def vague_magnitudes(text: str) -> list[Quantity]:
    out = []
    for m in VAGUE.finditer(text):
        value = numbers.VAGUE.get(" ".join(m["num"].lower().split()))
        out.append(
            Quantity(
                m.start(),
                m.end(),
                m.start(),
                m.end(),
                value,
                None,
                "vague",
                approximate=True,
                qualifier="vague",
            )
        )
    return out
