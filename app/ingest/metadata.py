"""Infer an article's metadata from its text: headline, byline, dateline, date line, publisher,
and the reporters credited at the end.

News copy follows a few conventions closely enough for rules: a short headline line first, a
``By A and B`` byline, a ``CITY (Agency) –`` dateline, a date line near the top, and at the end
``X contributed to this report`` or ``(Reporting by ...; Editing by ...)``. What the metadata
gives (sidecar, front matter, JSON keys) always wins over what is inferred here.
"""

from __future__ import annotations

import re
from datetime import date

import re2

from app.extraction.types import ArticleMeta

HEADER_LINES = 8
CREDIT_LINE_MAX = 500  # a longer line is a paragraph of the story, not a byline or a credit

# Every pattern here runs over text from outside, so none may backtrack: they are compiled with
# RE2, whose automata run in time linear in the text whatever it holds (Python's ``re`` took years
# on a 163-character line like "AandAand...a x"). RE2's ``\w``, ``\s`` and ``\d`` are ASCII only,
# so the Unicode classes Python's ``re`` gives those letters are spelled out:
W = r"\pL\pN_"  # a word character, inside a [...] class (Python's \w on str)
S = r"[\t\n\x0b\f\r\x1c-\x1f\x85\p{Z}]"  # whitespace (Python's \s on str)
D = r"\p{Nd}"  # a decimal digit (Python's \d on str)


def _options() -> re2.Options:
    options = re2.Options()
    options.max_mem = 64 << 20  # Unicode classes in counted repeats make large automata
    options.log_errors = False  # past the limit RE2 falls back to a slower automaton, still linear
    return options


OPTIONS = _options()


def rx(pattern: str) -> re2._Regexp:
    """A linear-time pattern (RE2); ``(?i)``/``(?m)`` inline for flags."""
    return re2.compile(pattern, OPTIONS)


# Wire agencies and how datelines abbreviate them: a general resource, not article data.
AGENCIES = {
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "Associated Press",
    "associated press": "Associated Press",
    "the associated press": "Associated Press",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "bloomberg": "Bloomberg",
    "upi": "UPI",
    "dpa": "dpa",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "cnn": "CNN",
    "bbc": "BBC",
}
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
MONTH_DATE = rx(rf"\b(?P<month>{MONTHS})\.?{S}+(?P<day>{D}{{1,2}}),?{S}+(?P<year>(?:19|20){D}{D})\b")
DAY_MONTH_DATE = rx(rf"\b(?P<day>{D}{{1,2}}){S}+(?P<month>{MONTHS})\.?,?{S}+(?P<year>(?:19|20){D}{D})\b")
ISO_DATE = rx(rf"\b(?P<year>(?:19|20){D}{D})-(?P<month>{D}{D})-(?P<day>{D}{D})(?:[^{D}]|$)")

NAME = rf"[A-Z][{W}'’.-]*(?:{S}+(?:[A-Z][{W}'’.-]*|de|van|von|der|da|al|bin|le|la))*"
BYLINE = rx(rf"^{S}*(?:By|BY){S}+(?P<names>{NAME}(?:{S}*(?:,|and|&){S}*{NAME})*){S}*(?P<rest>.*)$")
DATELINE = rx(
    rf"^(?P<place>[A-Z][A-Z .'’/&-]{{1,60}}?)(?:,{S}+(?P<region>[A-Z][{W}.]*(?:{S}[A-Z][{W}.]*)?))?{S}*"
    rf"(?:\((?P<agency>[A-Za-z][{W} .&-]{{0,40}})\))?{S}*[–—-]{{1,2}}{S}+[^\t\n\x0b\f\r\x1c-\x1f\x85\p{{Z}}]"
)
CONTRIBUTED = rx(
    rf"(?i)^(?P<names>.+?){S}+contributed(?: reporting)?(?: to this (?:report|story|article))?\.?$"
)
REPORTED_FROM = rx(
    rf"^(?P<names>{NAME}(?:{S}*(?:,|and){S}*{NAME})*){S}+reported from{S}+[^.]+\.{S}*(?P<rest>.*)$"
)
REPORTING_BY = rx(r"(?i)^\((?P<body>(?:Reporting|Writing|Additional reporting)[^)]*)\)$")
REPORTING_PART = rx(rf"(?i)^(additional reporting|reporting|writing|editing){S}+by{S}+(.*)")
COPYRIGHT = rx(
    rf"(?m)(?:©|\bCopyright\b){S}*(?:\(c\){S}*)?(?:{D}{{4}}{S}+)?(?P<org>[A-Z][{W} .&'-]{{2,60}}?)"
    rf"(?:\.|,|{S}+All rights|$)"
)
ORG_NAME = rf"[A-Z][{W}'&-]*(?:{S}+(?:(?:and|of|the|for){S}+)?[A-Z][{W}'&-]*)*"
NEWSLETTER = rx(rf"\bnews (?:stories|headlines|updates) from (?P<org>{ORG_NAME})")
PHOTO_CREDIT = rx(
    rf"\((?P<names>[^()]{{3,120}}?)(?:,|/){S}*[^()]*\b(?:photo|Photo|pool|Getty|AP|Reuters|AFP)\b[^()]*\)"
)
MONTH_LIKE = rx(rf"^(?:{MONTHS})\b")


def infer_metadata(text: str) -> ArticleMeta:
    lines = [ln.strip() for ln in text.split("\n")]
    nonblank = [ln for ln in lines if ln]
    meta = ArticleMeta()
    meta.title = infer_title(lines)
    header = nonblank[:HEADER_LINES]
    for line in header:
        if len(line) <= CREDIT_LINE_MAX:
            _read_byline(line, meta)
        if meta.dateline is None and (dl := parse_dateline(line)):
            meta.dateline, agency = dl
            if agency and not meta.publisher:
                meta.publisher = AGENCIES.get(agency.lower(), agency)
        if meta.published_at is None and len(line) < 120 and (d := find_date(line)):
            meta.published_at = d.isoformat()
    _read_end_credits([ln for ln in nonblank[-6:] if len(ln) <= CREDIT_LINE_MAX], meta)
    meta.credits += photo_credits(text)
    if meta.publisher is None:
        meta.publisher = infer_publisher(text)
    meta.authors = list(dict.fromkeys(meta.authors))
    authors = set(meta.authors)
    meta.credits = [c for c in dict.fromkeys(meta.credits) if c not in authors]
    return meta


def merge_metadata(given: dict, inferred: ArticleMeta) -> ArticleMeta:
    """Given metadata wins key by key; the inferred fills the gaps."""
    merged = ArticleMeta(**{**inferred.__dict__})
    for key, value in given.items():
        if value not in (None, "", []):
            setattr(merged, key, value)
    return merged


def infer_title(lines: list[str]) -> str | None:
    """A headline: the first line, short, not a sentence, set off by a blank line."""
    if not lines or not lines[0]:
        return None
    first = lines[0]
    words = first.split()
    followed_by_blank = len(lines) > 1 and not lines[1]
    if not (3 <= len(words) <= 25 and len(first) <= 200 and followed_by_blank):
        return None
    if first[-1] in '.!"”' or first.startswith(("By ", "BY ")) or parse_dateline(first):
        return None
    return first


def parse_dateline(line: str) -> tuple[str, str | None] | None:
    m = DATELINE.match(line)
    if not m:
        return None
    place = m.group("place").strip()
    if len(place) < 2 or not any(c.isalpha() for c in place) or place.split()[0] in {"A", "I"}:
        return None
    if m.group("region"):
        place = f"{place}, {m.group('region')}"
    return place, m.group("agency")


def find_date(line: str) -> date | None:
    for pattern in (MONTH_DATE, DAY_MONTH_DATE, ISO_DATE):
        m = pattern.search(line)
        if m and (d := _to_date(m)):
            return d
    return None


def _to_date(m) -> date | None:
    month = m.group("month")
    if not month.isdigit():
        month = str(_month_number(month))
    try:
        return date(int(m.group("year")), int(month), int(m.group("day")))
    except ValueError:
        return None


def _month_number(name: str) -> int:
    key = name[:3].lower()
    return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].index(key) + 1


PLACE_PHRASE = rx(rf"{S}+in{S}+[A-Z][{W}'’.-]*(?:[ ,]+[A-Z][{W}'’.-]*)*")
# No quantifier, so linear in Python's ``re`` too (which splits faster than RE2's wrapper).
NAME_SEPARATOR = re.compile(r"[,;&]|\band\b")


def split_names(names: str) -> list[str]:
    """``"A in Paris, France, and B"`` -> ``["A", "B"]``."""
    names = PLACE_PHRASE.sub("", names)
    parts = (p.strip().strip(" .") for p in NAME_SEPARATOR.split(names))
    return [p for p in parts if p]


def _read_byline(line: str, meta: ArticleMeta) -> None:
    if d := (MONTH_DATE.search(line) or DAY_MONTH_DATE.search(line)):
        line = line[: d.start()]
    m = BYLINE.match(line)
    if not m:
        return
    names = split_names(m.group("names"))
    agency_names = [n for n in names if n.lower() in AGENCIES]
    if agency_names:
        meta.publisher = meta.publisher or AGENCIES[agency_names[0].lower()]
    people = [n for n in names if n.lower() not in AGENCIES and not _month_like(n)]
    if any(len(n.split()) > 4 for n in people):
        return
    meta.authors += people


def _month_like(name: str) -> bool:
    return bool(MONTH_LIKE.match(name))


def _read_end_credits(tail: list[str], meta: ArticleMeta) -> None:
    for line in tail:
        if m := REPORTING_BY.match(line):
            _read_reporting_parenthesis(m.group("body"), meta)
            continue
        rest = line
        if m := REPORTED_FROM.match(line):
            meta.authors += split_names(m.group("names"))
            rest = m.group("rest")
        if m := CONTRIBUTED.match(rest):
            meta.credits += split_names(m.group("names"))


def _read_reporting_parenthesis(body: str, meta: ArticleMeta) -> None:
    for part in body.split(";"):
        part = part.strip()
        m = REPORTING_PART.match(part)
        if not m:
            continue
        names = split_names(m.group(2))
        if m.group(1).lower() in ("reporting", "writing"):
            meta.authors += [n for n in names if n]
        else:
            meta.credits += [n for n in names if n]


def photo_credits(text: str) -> list[str]:
    out = []
    for m in PHOTO_CREDIT.finditer(text):
        first = m.group("names").split(",")[0].strip()
        if 1 < len(first.split()) <= 4 and first[0].isupper():
            out.append(first)
    return out


def infer_publisher(text: str) -> str | None:
    for pattern in (COPYRIGHT, NEWSLETTER):
        m = pattern.search(text)
        if m:
            org = m.group("org").strip()
            return AGENCIES.get(org.lower(), org)
    return None
