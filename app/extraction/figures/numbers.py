"""Numbers as news writes them: numerals in several conventions, number words, scale words,
fractions and vague magnitudes, turned into floats.

A small table beats a dependency here: English number words are a closed list, and keeping the
parser local lets it refuse what it cannot read (``None``) instead of guessing, which is what the
figures extractor needs for odd input ("1.234,5", "4.1m", "$-5").
"""

from __future__ import annotations

import re

# fmt: off
ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
# fmt: on
# fmt: off
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
# fmt: on
MULTIPLIERS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

# Scale words and abbreviations that follow a numeral ("$3.5bn", "4.1 million", "£40m").
# fmt: off
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9,
    "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "tr": 1e12,
    "crore": 1e7, "lakh": 1e5,
}
# fmt: on
# Abbreviations that are scale words only next to money or a unit ("$3.5b"), not on their own.
WEAK_SCALES = {"m", "b", "k"}

# Vague magnitudes, valued at the smallest plural (SCHEMA: dozens 24, hundreds 200, ...).
# fmt: off
VAGUE = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2e6, "billions": 2e9,
    "tens of thousands": 2e4, "hundreds of thousands": 2e5, "tens of millions": 2e7,
    "hundreds of millions": 2e8, "tens of billions": 2e10, "hundreds of billions": 2e11,
}
# fmt: on

# Fractions written as words, as percentages ("half" -> 50, "two-thirds" -> 66.67).
# fmt: off
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                "fifth": 5, "fifths": 5, "sixth": 6, "tenth": 10, "tenths": 10}
# fmt: on

WORD_NUMBER = sorted([*ONES, *TENS, *MULTIPLIERS], key=len, reverse=True)
_WORD = "|".join(WORD_NUMBER)
# A run of number words: "twenty-five", "two hundred and ten", "one thousand".
WORD_RUN = re.compile(rf"\b(?:{_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_WORD}))*\b", re.IGNORECASE)
# A numeral in English ("1,234.5") or continental ("1.234,5", "1.234.567") convention.
NUMERAL_CORE = r"\d[\d,.]*\d|\d"  # any run of digits and separators; parse_numeral decides what it means
# Not inside a word, a decimal, a time, a path or a handle; not after a letter and a hyphen ("COVID-19").
NUMERAL_GUARD = r"(?<![\w.,:/@#$£€¥])(?<![A-Za-z][-–])"
NUMERAL = re.compile(rf"{NUMERAL_GUARD}(?P<num>{NUMERAL_CORE})")


def parse_numeral(text: str) -> float | None:
    """A numeral as written, in English or continental convention; None when ambiguous or bad.

    "1,234.5" -> 1234.5; "1.234,5" -> 1234.5; "1.234.567" -> 1234567; "12" -> 12.0.
    """
    s = text.strip().replace("\u2212", "-").replace(" ", "").replace("\u202f", "").replace("\u00a0", "")
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    if not s or not re.fullmatch(r"[\d.,]+", s) or not s[0].isdigit():
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s) or re.fullmatch(r"\d+(?:\.\d+)?", s):
        return sign * float(s.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", s) or re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", s):
        return sign * float(s.replace(".", "").replace(",", "."))
    return None


def parse_words(text: str) -> float | None:
    """Number words to a value: "twenty-five" -> 25, "two hundred and ten" -> 210; None if not one number."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    total, current, last = 0.0, 0.0, None
    for word in words:
        if word in ONES or word in TENS:
            value = ONES.get(word, TENS.get(word, 0))
            if last in ("ones", "tens") and not (last == "tens" and word in ONES and value < 10):
                return None  # "two three" is two numbers, not one
            current += value
            last = "tens" if word in TENS else "ones"
        elif word == "hundred":
            current = (current or 1) * 100
            last = "hundred"
        elif word in MULTIPLIERS:
            total += (current or 1) * MULTIPLIERS[word]
            current, last = 0.0, "big"
        else:
            return None
    return total + current


def parse_fraction(text: str) -> float | None:
    """A fraction in words as a percentage: "half" 50, "a third" 33.33, "three-quarters" 75,
    "one in five" 20, "nine out of 10" 90."""
    s = text.lower().strip()
    m = re.fullmatch(r"(?P<a>\w+)\s+(?:in|out\s+of)\s+(?P<b>\w+)", s)
    if m:
        a, b = _small(m["a"]), _small(m["b"])
        return round(100 * a / b, 2) if a is not None and b else None
    parts = re.split(r"[\s-]+", s)
    if len(parts) == 1 and parts[0] in ("half",):
        return 50.0
    if len(parts) == 2 and parts[1] in DENOMINATORS:
        num = 1 if parts[0] in ("a", "an", "one") else _small(parts[0])
        if num is None:
            return None
        return round(100 * num / DENOMINATORS[parts[1]], 2)
    return None


def _small(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    return parse_words(word)


def apply_scale(value: float | None, scale: str | None) -> float | None:
    """Multiply by a scale word ("bn", "million"); unknown scales leave the value unnormalised (None)."""
    if value is None or not scale:
        return value
    factor = SCALES.get(scale.lower().rstrip("."))
    return None if factor is None else value * factor


def clean_float(value: float | None) -> float | None:
    """Round away float noise (4.1 * 1e6 -> 4100000.0) so equal figures compare equal."""
    if value is None:
        return None
    return float(f"{value:.12g}")
