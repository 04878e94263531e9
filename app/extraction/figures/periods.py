"""The period a figure refers to: a date expression attached to the figure's own clause.

Attachment is read from the parse (the figure's head chain, and the subject of each verb on it), not
from distance alone, so "up 12% from 2019" does not take 2019 (a base of comparison), "by 2030" is a
deadline, and "the 2020 merger" dates the merger, not a number beside it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from app.extraction.figures.phrases import same_line
from app.extraction.figures.quantities import Quantity
from app.extraction.text import dates as dates_mod
from app.extraction.text.context import doc_text

BASE_BEFORE = re.compile(
    r"(?:since|from|compared\s+(?:with|to)|than|until|till|before|after|by|versus|vs\.?"
    r"|as\s+of|through)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
BASE_WORD = re.compile(r"(?:since|from|until|till|by|before|after|through)\b", re.IGNORECASE)


def period_of(doc: Doc, q: Quantity, span, mentions: list, anchor) -> str | None:
    """The time a figure refers to: a period expression attached to the figure's own clause (its verb, a
    noun on its head chain, or that verb's subject), not a base of comparison ("from 2019"), a deadline
    ("by 2030") or a date that modifies another noun ("the 2020 merger"); resolved against the
    publication date."""
    expr = doc.char_span(q.start, q.end, alignment_mode="expand")
    if expr is None:
        return None
    anchors = _attachment_points(expr.root)
    best, best_key = None, None
    for d in mentions:
        if (
            d.kind not in dates_mod.PERIOD_DATE_KINDS
            or (d.start < q.end and q.start < d.end)
            or not _same_sentence(span, d)
        ):
            continue
        if BASE_BEFORE.search(doc_text(doc)[max(0, d.start - 20) : d.start]) or BASE_WORD.match(d.text):
            continue
        rank = _date_rank(doc, d, anchors, expr)
        if rank is None:
            continue
        key = (rank, abs(d.start - q.start))
        if best_key is None or key < best_key:
            best, best_key = d, key
    return None if best is None else dates_mod.label(best, anchor)


def _same_sentence(span, d) -> bool:
    start = span.sentence_start if span.sentence_start is not None else span.start
    end = start + len(span.sentence or "")
    return start <= d.start < end


def _attachment_points(root: Token) -> dict[int, float]:
    """Tokens a period may hang on, with a rank (lower is closer): the figure's head chain, and the
    subject of each verb on it ("revenue in the third quarter rose 41%")."""
    points: dict[int, float] = {}
    tok, rank = root, 0.0
    for _ in range(8):
        points.setdefault(tok.i, rank)
        if tok.pos_ in ("VERB", "AUX"):
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    for t in child.subtree:
                        points.setdefault(t.i, rank + 0.5)
        if tok.head.i == tok.i or not same_line(tok, tok.head):
            break
        tok, rank = tok.head, rank + 1
    return points


def _date_rank(doc: Doc, d, anchors: dict[int, float], expr: Span) -> float | None:
    dspan = doc.char_span(d.start, d.end, alignment_mode="expand")
    if dspan is None:
        return None
    root = dspan.root
    modifier = root.dep_ in ("compound", "nummod", "amod", "poss", "nmod") and root.head.pos_ in (
        "NOUN",
        "PROPN",
    )
    if modifier and (root.head.i not in anchors or root.head.i in range(expr.start, expr.end)):
        return None  # "the 2020 merger": a date of something else
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if head.i in anchors:
        return anchors[head.i]
    if root.i in anchors:
        return anchors[root.i]
    return None
