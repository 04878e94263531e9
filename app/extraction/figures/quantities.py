"""Find quantity expressions in raw text: money, percentages, units, durations, numerals, number words,
fractions and vague magnitudes, each with exact character offsets and a normalised value.

This pass is purely textual (regular expressions over the article text), because spaCy's tokenizer
splits "$3.5bn", "4.1m" and "63%" inconsistently. What a quantity *means* (a count of what, a
date or a figure, a name part) is decided later, with the parse, in :mod:`app.extraction.figures.extract`.
Values that cannot be read stay ``None`` rather than becoming wrong numbers. Numerals and number words
are read here; special written forms (fractions, multiples, tallies, vague magnitudes) in :mod:`forms`.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from app.extraction.figures import numbers, units
from app.extraction.figures.forms import (
    count_adjectives,
    fractions,
    multiples,
    scores,
    slash_fractions,
    tallies,
    vague_magnitudes,
)
from app.extraction.figures.quantity import Quantity

_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|mln|bln|tn|trn|crore|lakh)\b"
_WEAK = r"(?:m|b|k|M|B|K)\b"
_DURATION = r"(?:second|minute|hour|day|week|month|year|decade)"
TIME_OF_DAY = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)(?:\s*(?:[A-Z]{2,4}T|GMT|UTC)\b)?"
    r"|(?<![:\d])\d{1,2}:\d{2}(?!:\d)\s*(?:GMT|UTC|[A-Z]{1,2}[SD]?T|local time|hrs|h)?\b"
    r"|\b\d{4}\s*(?:GMT|UTC|ET|EDT|EST|BST|CET|CEST|JST|hrs|local time)\b"
)
RACE_TIME = re.compile(r"(?<![\d:])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d(?:\.\d+)?)(?![\d:])")
PAGE_FURNITURE = re.compile(r"\b(?:Page|Part|Slide|Photo|Image)\s+\d+\s+(?:of|/)\s+\d+\b", re.IGNORECASE)
QUALIFIERS = re.compile(
    r"(?P<q>about|around|approximately|roughly|nearly|almost|some|more than|over|at least|up to|less than|"
    r"fewer than|under|close to|just over|just under|an estimated|as many as|as much as|upwards of|"
    r"in excess of|no more than|no fewer than|at most|below|above)"
    r"\s+$",
    re.IGNORECASE,
)
APPROXIMATE = {
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "close to",
    "an estimated",
    "upwards of",
    "more than",
    "over",
    "at least",
    "up to",
    "less than",
    "fewer than",
    "under",
    "just over",
    "just under",
    "as many as",
    "as much as",
    "in excess of",
    "no more than",
    "no fewer than",
    "at most",
    "below",
    "above",
}


@cache
def _money_numeral() -> re.Pattern:
    return re.compile(
        rf"(?:(?P<cur>{units.currency_sign_regex()})(?P<sign>[-−])?|{numbers.NUMERAL_GUARD})"
        rf"(?P<num>{numbers.NUMERAL_CORE})"
        rf"(?:(?P<scale>\s?{_SCALE})|(?P<weak>{_WEAK}))?"
    )


@cache
def _word_number() -> re.Pattern:
    return re.compile(
        rf"(?P<cur>{units.currency_sign_regex()})?"
        rf"(?P<num>\b(?:a|an)\s+(?:dozen|hundred|thousand|million|billion|trillion)\b|{numbers.WORD_RUN.pattern}"
        rf"|\b(?:a|one)\s+dozen\b)(?P<scale>\s(?:thousand|million|billion|trillion)\b)?",
        re.IGNORECASE,
    )


DURATION_ADJ = re.compile(
    rf"(?<![\w-])(?P<num>\d+(?:\.\d+)?|{numbers.WORD_RUN.pattern})-(?P<u>{_DURATION})s?(?:-(?P<tail>old|long))?\b",
    re.IGNORECASE,
)


def scan(text: str) -> list[Quantity]:
    """Every quantity expression in ``text``, non-overlapping (longest wins), in text order."""
    found: list[Quantity] = []
    found += _race_times(text)
    found += _durations_adj(text)
    found += _numerals(text)
    found += _word_numbers(text)
    found += fractions(text)
    found += vague_magnitudes(text)
    found += scores(text)
    found += count_adjectives(text)
    found += multiples(text)
    found += slash_fractions(text)
    found += tallies(text)
    chosen: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for q in sorted(found, key=lambda q: (-(q.end - q.start), q.start)):
        if all(q.end <= s or q.start >= e for s, e in taken):
            chosen.append(q)
            taken.append((q.start, q.end))
    chosen.sort(key=lambda q: q.start)
    _share_range_units(text, chosen)
    _link_ranges(text, chosen)
    for q in chosen:
        q.text = text[q.start : q.end]
        _qualify(text, q)
    return chosen


RANGE_JOIN = re.compile(r"\s*(?:-|–|to|and)\s*")


def _share_range_units(text: str, found: list[Quantity]) -> None:
    """In a range the unit is often written once ("10-12%", "between 5 and 10 percent", "3 to 4 million
    tonnes", "$5-10 million"): the bound without it takes the other's unit, currency and scale."""
    for first, second in pairwise(found):
        gap = text[first.end : second.start]
        if not RANGE_JOIN.fullmatch(gap):
            continue
        if gap.strip() == "and" and not re.search(
            r"\bbetween\s+$", text[max(0, first.start - 9) : first.start]
        ):
            continue
        if first.unit is None and second.unit is not None and first.kind in ("number", "words"):
            first.unit, first.kind = second.unit, second.kind
            if first.value is not None and first.scale == 1.0:
                first.value = numbers.clean_float(first.value * second.scale)
        elif first.unit == second.unit and first.scale == 1.0 and second.scale != 1.0 and first.value:
            first.value = numbers.clean_float(first.value * second.scale)  # "€40 to €45 million"
        elif (
            first.kind == "money"
            and second.kind == "number"
            and second.unit is None
            and gap.strip() in "-–to"
        ):
            second.unit, second.kind = first.unit, "money"  # "$5-10 million": both bounds are dollars
            if first.value is not None and first.scale == 1.0 and second.scale != 1.0:
                first.value = numbers.clean_float(first.value * second.scale)


def _link_ranges(text: str, found: list[Quantity]) -> None:
    """ "€40 to €45 million", "ten to 32 pages", "between 5 and 10 percent": the low end is the
    figure and keeps the high end (the high end is also listed on its own, as annotators do)."""
    for first, second in pairwise(found):
        gap = text[first.end : second.start]
        if not RANGE_JOIN.fullmatch(gap) or first.value is None or second.value is None:
            continue
        between = re.search(r"\bbetween\s+$", text[max(0, first.start - 9) : first.start])
        if (gap.strip() == "and") != bool(between) or first.value >= second.value:
            continue
        if first.unit is not None and second.unit is not None and first.unit != second.unit:
            continue
        first.range_high, first.range_end = second.value, second.end


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans that are never figures: times of day and page furniture ("Page 2 of 3")."""
    return [(m.start(), m.end()) for m in TIME_OF_DAY.finditer(text)] + [
        (m.start(), m.end()) for m in PAGE_FURNITURE.finditer(text)
    ]


def _qualify(text: str, q: Quantity) -> None:
    m = QUALIFIERS.search(text[max(0, q.start - 24) : q.start])
    if m:
        q.qualifier = m["q"].lower()
        q.approximate = q.approximate or q.qualifier in APPROXIMATE


def _race_times(text: str) -> list[Quantity]:
    out = []
    for m in RACE_TIME.finditer(text):
        value = int(m["h"]) * 3600 + int(m["m"]) * 60 + float(m["s"])
        out.append(Quantity(m.start(), m.end(), m.start(), m.end(), value, "seconds", "duration"))
    return out


def _durations_adj(text: str) -> list[Quantity]:
    """Hyphenated durations and ages: "three-day strike", "14-year sentence", "52-year-old"."""
    out = []
    for m in DURATION_ADJ.finditer(text):
        raw = m["num"]
        value = numbers.parse_numeral(raw) if raw[0].isdigit() else numbers.parse_words(raw)
        unit = m["u"].lower() + "s"
        kind = "age" if (m["tail"] or "").lower() == "old" else "duration"
        out.append(Quantity(m.start(), m.end(), m.start("num"), m.end("num"), value, unit, kind))
    return out


def _numerals(text: str) -> list[Quantity]:
    out = []
    for m in _money_numeral().finditer(text):
        value = numbers.parse_numeral(m["num"])
        if value is not None and m["sign"]:
            value = -value
        end = m.end()
        scale = (m["scale"] or "").strip() or None
        weak = m["weak"]
        currency = units.currency_of_sign(m["cur"]) if m["cur"] else None
        unit, kind = currency, "money" if currency else "number"
        if weak and (currency or _unit_follows(text, end) or _noun_follows(text, m, end)):
            scale = weak
        elif weak:
            end = m.end("num")  # "100m" without money is not a million; unit pass decides
        factor = numbers.SCALES.get(scale.lower()) if scale else 1.0
        value = numbers.apply_scale(value, scale)
        start = m.start() if currency or not m["cur"] else m.start("num")  # "THE 5": not a currency code
        q = Quantity(start, end, m.start("num"), m.end("num"), value, unit, kind, scale=factor or 1.0)
        _attach_unit(text, q)
        out.append(q)
    return out


POSTFIX_SIGN = re.compile(r"\s?(?P<sign>[€£¥₹₽₩₺₪₦₱₴₫])")


def _noun_follows(text: str, m: re.Match, pos: int) -> bool:
    """ "1.5m new homes", "2bn people": a decimal with a scale letter before a noun is a scale word."""
    weak = m["weak"].lower()
    decimal_or_k = "." in m["num"] or weak == "k"  # "1.5m new homes", "5k followers"; not "100m sprint"
    return weak in ("m", "b", "k") and decimal_or_k and bool(re.match(r"\s+[a-z]", text[pos : pos + 3]))


def _unit_follows(text: str, pos: int) -> bool:
    m = units.unit_pattern().match(text, pos)
    unit = units.unit_of(m["unit"]) if m else None
    return unit is not None and unit[0] not in units.DURATION_UNITS


def _word_numbers(text: str) -> list[Quantity]:
    out = []
    for m in _word_number().finditer(text):
        raw = re.sub(r"^(?:a|an|one)\s+dozen", "twelve", m["num"], flags=re.IGNORECASE)
        raw = re.sub(r"^(?:a|an)\s+", "one ", raw, flags=re.IGNORECASE)
        value = numbers.parse_words(raw)
        if value is None:
            continue
        scale = (m["scale"] or "").strip() or None
        value = numbers.apply_scale(value, scale)
        currency = units.currency_of_sign(m["cur"]) if m["cur"] else None
        q = Quantity(
            m.start() if currency else m.start("num"),  # "all three": a word, not the code ALL
            m.end(),
            m.start("num"),
            m.end("num"),
            value,
            currency,
            "money" if currency else "words",
            scale=numbers.SCALES.get(scale.lower(), 1.0) if scale else 1.0,
        )
        _attach_unit(text, q)
        out.append(q)
    return out


def _attach_unit(text: str, q: Quantity) -> None:
    """Extend a quantity over the unit or currency word after it ("20 billion cubic meters",
    "3.2 billion euros", "87 cents per share") and normalise value and unit."""
    pos = q.end
    if q.unit is None:
        cur = units.currency_word_pattern().match(text, pos)
        if cur and cur["cur"].lower() in ("pounds", "pound") and _is_verb_won(text, cur):
            q.unit, q.kind, q.end = "pounds_weight", "unit", cur.end()
            return
        if cur and not _is_verb_won(text, cur):
            code, factor = units.currency_of_word(cur["cur"]) or (None, 1.0)
            if code:
                q.unit, q.kind, q.end = code, "money", cur.end()
                q.value = None if q.value is None else numbers.clean_float(q.value * factor)
                pos = q.end
        post = POSTFIX_SIGN.match(text, pos)
        if q.unit is None and post:
            q.unit, q.kind, q.end = units.CURRENCY_SIGNS[post["sign"]], "money", post.end()
            pos = q.end
        if q.unit is None:
            m = units.cased_unit_pattern().match(text, pos) or units.unit_pattern().match(text, pos)
            found = units.unit_of(m["unit"]) if m else None
            if m and found:
                code, factor = found
                q.unit, q.end = code, m.end()
                q.kind = (
                    "percent"
                    if code in ("percent", "percentage_points")
                    else ("duration" if code in units.DURATION_UNITS else "unit")
                )
                q.value = None if q.value is None else numbers.clean_float(q.value * factor)
                pos = q.end
    if q.kind == "money":
        rate = re.match(
            r"\s(?P<r>" + "|".join(re.escape(r) for r in units.RATE_DENOMINATORS) + r")\b",
            text[pos : pos + 30],
            re.IGNORECASE,
        )
        if rate:
            q.end = pos + rate.end()
    q.value = numbers.clean_float(q.value)


def _is_verb_won(text: str, m: re.Match) -> bool:
    """ "won" after a number is Korea's currency ("500 billion won"), unless a verb's object follows,
    and "pounds of sugar" is a weight, not sterling."""
    word = m["cur"].lower()
    after = re.match(r"\s+(\w+)", text[m.end() : m.end() + 20])
    nxt = after.group(1).lower() if after else ""
    if word == "won":
        return nxt in {
            "the",
            "a",
            "an",
            "his",
            "her",
            "their",
            "its",
            "by",
            "in",
            "on",
            "at",
            "over",
            "against",
        }
    return word in ("pounds", "pound") and nxt == "of"
