"""Page furniture: the parts of an article that are not its story.

Photo captions, photo credits, bylines, "contributed to this report" lines and newsletter sign-up
blocks are neither quotes nor people of note (gold/SCHEMA.md). Metadata inference lists the
credited names; this module finds the character ranges themselves, so that extraction can skip
anything inside them whatever names they hold.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from app.extraction.text.quote_marks import paragraphs
from app.tuning import tuning

CREDIT_LINE = re.compile(
    r"(?i)(?:contributed(?: reporting)?(?: to this (?:report|story|article))?\.?\s*$"
    r"|^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\b"
    r"|\breported from\b[^.]*\.\s*$|^\s*by\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})*\s*(?:\||$))"
)
SIGN_UP = re.compile(
    r"(?i)^(?:sign up\b|subscribe\b|click here\b|read more\b|related:|advertisement$|share this\b)"
    r"|\bnewsletter\b|\ball rights reserved\b|©|\bsign up (?:to|for|now)\b"
)
PHOTO_PAREN = re.compile(
    r"\((?=[^()]*\b(?:[Pp]hoto|PHOTO|Getty|pool|Pool|AP|AFP|Reuters|EPA|Shutterstock|[Ff]ile|[Cc]redit)\b)"
    r"[^()\n]{2,160}\)"
)
DATELINE = re.compile(  # used with match(text, pos): no "^", which would only match at offset 0
    r"[A-Z][A-Z.'’/&-]+(?:[ /]+[A-Z][A-Z.'’/&-]+)*(?:,\s+[A-Z][a-z]+\.?)?"
    r"(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"\s*(?:\([A-Za-z][\w .&-]{0,40}\))?\s*[–—-]{1,2}\s+(?=\S)"
)
CAPTION_START = re.compile(r"^(?:photo|image|caption|pictured|file photo|video)\s*[:|]", re.IGNORECASE)


def furniture_ranges(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping character ranges of furniture in ``text``."""
    paras = paragraphs(text)
    bodies = [text[a:b].strip() for a, b in paras]
    by_prefix: dict[str, list[str]] = {}
    for body in bodies:
        by_prefix.setdefault(body[: tuning().caption_prefix], []).append(body)
    ranges: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(paras):
        line = bodies[k]
        if _is_furniture_line(line, by_prefix.get(line[: tuning().caption_prefix], [])):
            ranges.append((a, b))
        elif k < 12 and (m := DATELINE.match(text, a, b)):
            ranges.append((a, m.end()))  # "LONDON, March 4 (AFP) - " before the first sentence
    ranges += [(m.start(), m.end()) for m in PHOTO_PAREN.finditer(text)]
    return _merge(ranges)


def _is_furniture_line(line: str, same_start: list[str]) -> bool:
    if CREDIT_LINE.search(line) or CAPTION_START.match(line):
        return True
    if len(line) < 300 and SIGN_UP.search(line):
        return True
    if PHOTO_PAREN.search(line) and line.rstrip().endswith(")") and len(line) < 400:
        return True  # a caption ending with its photo credit
    # a caption repeated with its credit on the next line ("X, left, and Y pose ... (Photo ...)")
    return len(line) >= tuning().caption_prefix and any(
        len(other) > len(line) and other.startswith(line) for other in same_start
    )


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


class RangeSet:
    """Membership test for offsets in sorted ranges, by bisection (no scan per query)."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.starts = [a for a, _ in ranges]
        self.ends = [b for _, b in ranges]

    def __contains__(self, offset: int) -> bool:
        k = bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.ends[k]
