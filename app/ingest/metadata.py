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

from app.extraction.types import ArticleMeta

HEADER_LINES = 8

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
MONTH_DATE = re.compile(rf"\b(?P<month>{MONTHS})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b")
DAY_MONTH_DATE = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{MONTHS})\.?,?\s+(?P<year>(?:19|20)\d\d)\b")
ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)")

NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|al|bin|le|la))*"
BYLINE = re.compile(rf"^\s*(?:By|BY)\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s*(?P<rest>.*)$")
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’/&-]{1,60}?)(?:,\s+(?P<region>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?))?\s*"
    r"(?:\((?P<agency>[A-Za-z][\w .&-]{0,40})\))?\s*[–—-]{1,2}\s+\S"
)
CONTRIBUTED = re.compile(
    r"^(?P<names>.+?)\s+contributed(?: reporting)?(?: to this (?:report|story|article))?\.?$", re.IGNORECASE
)
REPORTED_FROM = re.compile(
    rf"^(?P<names>{NAME}(?:\s*(?:,|and)\s*{NAME})*)\s+reported from\s+[^.]+\.\s*(?P<rest>.*)$"
)
REPORTING_BY = re.compile(r"^\((?P<body>(?:Reporting|Writing|Additional reporting)[^)]*)\)$", re.IGNORECASE)
COPYRIGHT = re.compile(
    r"(?:©|\bCopyright\b)\s*(?:\(c\)\s*)?(?:\d{4}\s+)?(?P<org>[A-Z][\w .&'-]{2,60}?)"
    r"(?:\.|,|\s+All rights|$)",
    re.MULTILINE,
)
ORG_NAME = r"[A-Z][\w'&-]*(?:\s+(?:(?:and|of|the|for)\s+)?[A-Z][\w'&-]*)*"
NEWSLETTER = re.compile(rf"\bnews (?:stories|headlines|updates) from (?P<org>{ORG_NAME})")
PHOTO_CREDIT = re.compile(
    r"\((?P<names>[^()]{3,120}?)(?:,|/)\s*[^()]*\b(?:photo|Photo|pool|Getty|AP|Reuters|AFP)\b[^()]*\)"
)


def infer_metadata(text: str) -> ArticleMeta:
    lines = [ln.strip() for ln in text.split("\n")]
    nonblank = [ln for ln in lines if ln]
    meta = ArticleMeta()
    meta.title = infer_title(lines)
    header = nonblank[:HEADER_LINES]
    for line in header:
        _read_byline(line, meta)
        if meta.dateline is None and (dl := parse_dateline(line)):
            meta.dateline, agency = dl
            if agency and not meta.publisher:
                meta.publisher = AGENCIES.get(agency.lower(), agency)
        if meta.published_at is None and len(line) < 120 and (d := find_date(line)):
            meta.published_at = d.isoformat()
    _read_end_credits(nonblank[-6:], meta)
    meta.credits += photo_credits(text)
    if meta.publisher is None:
        meta.publisher = infer_publisher(text)
    meta.authors = list(dict.fromkeys(meta.authors))
    meta.credits = [c for c in dict.fromkeys(meta.credits) if c not in meta.authors]
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


def _to_date(m: re.Match) -> date | None:
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


PLACE_PHRASE = re.compile(r"\s+in\s+[A-Z][\w'’.-]*(?:[ ,]+[A-Z][\w'’.-]*)*")


def split_names(names: str) -> list[str]:
    """``"A in Paris, France, and B"`` -> ``["A", "B"]``."""
    names = PLACE_PHRASE.sub("", names)
    parts = re.split(r"\s*(?:,|;|\band\b|&)\s*", names)
    return [p.strip(" .") for p in parts if p.strip(" .")]


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
    return bool(re.match(rf"^(?:{MONTHS})\b", name))


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
        m = re.match(r"(?i)(additional reporting|reporting|writing|editing)\s+by\s+(.*)", part)
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
