"""Find quoted passages in raw text, before any parsing, the way a copy editor reads quote marks.

Why not a regex over pairs: news text mixes curly and straight marks, nests single quotes inside
double ones (or the reverse in British style), leaves a paragraph's closing mark off when the
quote runs on into the next paragraph, and sometimes has an odd number of marks. A small state
machine per paragraph handles all of these and never raises: an opening mark that is never
closed is dropped (or, when it opens a paragraph, runs to the paragraph's end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
OPEN_CONTEXT = " \t([{—–-/“‘\"'"
CLOSE_CONTEXT = " \t.,;:!?)]}—–-”’\"'…"
TRAILING = " \t\r\n,.;"


@dataclass
class QuoteSpan:
    """A quoted passage: ``open``/``close`` are the mark offsets, ``parts`` the content ranges."""

    open: int
    close: int  # offset of the closing mark, or of the paragraph end when it was left off
    parts: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def text(self, source: str) -> str:
        """Paragraphs joined by one space, re-opening marks dropped (see gold/SCHEMA.md)."""
        return " ".join(source[a:b] for a, b in self.parts)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-empty lines: news paragraphs, whatever the blank-line convention."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def find_quotes(text: str) -> list[QuoteSpan]:
    """All outermost quoted passages, in text order."""
    paras = paragraphs(text)
    doubles = _scan(text, paras, _double_kind)
    singles = _scan(text, paras, _single_kind)
    spans = _outermost(doubles, singles)
    for span in spans:
        _trim(text, span)
    return [s for s in spans if s.parts and s.end > s.start]


def _double_kind(text: str, i: int) -> str | None:
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in DOUBLE_OPEN:
        # "... decision.“ However": an opening mark typed where the closing one belongs
        misplaced = ch == "“" and before in ".!?…" and after in " \n"
        return "close" if misplaced else "open"
    if ch in DOUBLE_CLOSE:
        return "close"
    if ch != '"':
        return None
    if before in "'’" and i > 1 and text[i - 2].isalnum():
        return "close"  # "... and say, 'I'll go along'": a nested single quote closed, then ours
    if before in OPEN_CONTEXT or before == "\n":
        return "open" if after not in " \n" else "close"
    if after in CLOSE_CONTEXT or after == "\n":
        return "close"
    return "toggle"


def _single_kind(text: str, i: int) -> str | None:
    ch = text[i]
    if ch not in "‘’'":
        return None
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch != "’" and (before in OPEN_CONTEXT or before == "\n") and (after.isalpha() or after in '“"'):
        return "open"
    if ch != "‘" and not before.isspace() and not after.isalnum():
        return "close"
    return None


def _scan(text: str, paras: list[tuple[int, int]], kind_of) -> list[QuoteSpan]:
    """Pair marks paragraph by paragraph; an open quote may continue into a paragraph that
    re-opens with a mark (the multi-paragraph convention)."""
    out: list[QuoteSpan] = []
    pending: QuoteSpan | None = None
    for n, (p_start, p_end) in enumerate(paras):
        current: QuoteSpan | None = None
        seg_start = p_start
        if pending is not None:
            current, seg_start = pending, p_start + 1
            pending = None
        for i in range(p_start + (1 if current is not None else 0), p_end):
            kind = kind_of(text, i)
            if kind is None:
                continue
            is_open = current is None and (
                kind in ("open", "toggle") or _glued_opener(text, i, p_end, kind_of)
            )
            if is_open or (kind == "open" and current is not None):
                current, seg_start = QuoteSpan(open=i, close=i), i + 1
            elif current is not None and kind in ("close", "toggle"):
                current.parts.append((seg_start, i))
                current.close = i
                out.append(current)
                current = None
        if current is None:
            continue
        current.parts.append((seg_start, p_end))
        current.close = p_end
        if n + 1 < len(paras) and kind_of(text, paras[n + 1][0]) == "open":
            pending = current
        elif current.open == p_start:
            current.closed = False
            out.append(current)
    return out


def _glued_opener(text: str, i: int, p_end: int, kind_of) -> bool:
    """'would be free," For example, each club can ... season".': with no quote open, a straight
    mark typed against the word before it and followed by a space and a capital opens a quotation
    when the next straight mark in the paragraph closes one (the writer left out a space)."""
    if text[i] != '"' or text[i + 1 : i + 2] != " " or not text[i + 2 : i + 3].isupper():
        return False
    j = text.find('"', i + 1, p_end)
    return j > 0 and kind_of(text, j) == "close"


def _outermost(doubles: list[QuoteSpan], singles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Keep spans not nested in, nor straddling, a span of the other kind."""

    def inside(a: QuoteSpan, b: QuoteSpan) -> bool:
        return b.open < a.open and a.close < b.close

    def straddles(a: QuoteSpan, b: QuoteSpan) -> bool:
        return a.open < b.open < a.close < b.close or b.open < a.open < b.close < a.close

    keep_d = [d for d in doubles if not any(inside(d, s) for s in singles)]
    keep_s = [s for s in singles if not any(inside(s, d) or straddles(s, d) for d in keep_d)]
    return sorted(keep_d + keep_s, key=lambda s: s.open)


def _trim(text: str, span: QuoteSpan) -> None:
    """Content without surrounding blanks; the last part also loses trailing , . ; (SCHEMA)."""
    parts = []
    for k, (a, b) in enumerate(span.parts):
        while a < b and text[a].isspace():
            a += 1
        strip = TRAILING if k == len(span.parts) - 1 else " \t\r\n"
        while b > a and text[b - 1] in strip:
            b -= 1
        if b > a:
            parts.append((a, b))
    span.parts = parts
