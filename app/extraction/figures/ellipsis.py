"""Numbers whose unit is written elsewhere: "Lee added 22 points and Price had 17", "Harbour Bank
and Tern Credit have 6 complaints each. Dune Bank has 4 each.", "the riders, five of them juniors".

A reader supplies the unit from the figure before, or counts the members of a group the sentence
has already named.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from app.extraction.figures.quantity import Quantity
from app.extraction.types import FigureFact

# "five of them", "three of whom": a part of a group already named, a count of its members.
PARTITION = re.compile(r"\s+of\s+(?:them|whom|those|these)\b", re.IGNORECASE)
# "4 each": the same thing as the figure before, for each of several holders.
EACH = re.compile(r"\s+each\b", re.IGNORECASE)
EACH_REACH = 300  # characters back to the figure whose unit "N each" repeats


def unit_left_out(text: str, q: Quantity, before: list[FigureFact]) -> str | None:
    """The unit of a number that names none: a partition counts members (and its text takes in
    "of them"); "N each" repeats the unit of the figure just before it."""
    after = text[q.end : q.end + 20]
    if (part := PARTITION.match(after)) is not None and q.value is not None and q.value >= 2:
        q.end += part.end()  # the figure is written "five of them"
        return "count"
    if EACH.match(after) and before:
        last = before[-1]
        if q.start - last.span.end < EACH_REACH and last.unit in ("count", "people", "points"):
            return last.unit
    return None


def elliptical_unit(q: Quantity, tok: Token, before: list[FigureFact]) -> tuple[str, None] | None:
    """ "Lee added 22 points and Price had 17": the unit written once for several numbers in a sentence."""
    sent = tok.sent
    for fact in reversed(before):
        same_sentence = sent.start_char <= fact.span.start < q.start
        if same_sentence and fact.unit in ("points", "count", "goals") and q.start - fact.span.end < 120:
            return fact.unit, None
    return None


def partition_measure(quantity: Span) -> str | None:
    """ "the riders — five of them juniors": members of the group named before ("riders"), with the
    word that says which part ("juniors riders" reads badly, so a noun stays before: "juniors (riders)")."""
    last = quantity[-1]
    if last.lower_ not in ("them", "whom", "those", "these") or len(quantity) < 3:
        return None
    sent = quantity.sent
    group = next(
        (t for t in reversed(sent[: quantity.start - sent.start]) if t.tag_ in ("NNS", "NNPS")),
        None,
    )
    if group is None:
        return None
    nxt = quantity.doc[last.i + 1] if last.i + 1 < len(quantity.doc) else None
    if nxt is not None and (nxt.pos_ == "ADJ" or nxt.tag_ in ("VBN", "VBD")):  # "five of them injured"
        return f"{nxt.text} {group.text}"
    if nxt is not None and nxt.pos_ == "NOUN":
        return f"{nxt.text} ({group.text})"
    return group.text


def counted_before(noun: Token, before: list[FigureFact]) -> bool:
    """ "fired 40 rockets ... the other side fired one rocket": "one" with a noun the article already
    counts is a figure compared with that count, not the idiom "one day", "one of the"."""
    lemma = noun.lemma_.lower()
    return any(f.text.split()[-1].lower() in (lemma, f"{lemma}s", f"{lemma}es") for f in before if f.text)
