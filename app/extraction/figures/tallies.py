"""Whose tally a number is, in a standings list: "Varga in the lead with 512 points. Holm, Jr.
with 498; Ostrow, 471" gives "Varga's points", "Holm, Jr.'s points", "Ostrow's points".

A bare number right after a name (", 666", "with 693") in a list that a tally of a count noun opened
("717 points") is that name's tally of the same noun; a tally "with" which a verb's named object
stands ("featured Varga in the lead with 512 points") is that object's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# Units written as the plural noun they count.
TALLY_NOUNS = frozenset({"points", "goals", "votes", "seats", "laps", "runs", "wickets", "medals"})
# Suffixes written after a surname and a comma ("Holm, Jr.").
NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
# How far back (in sentences) the tally that opened a list may be.
LIST_REACH = 2


def tally_measure(measure: str | None, unit: str | None, quantity: Span) -> str | None:
    """ "<name>'s <tally noun>" for a tally in a standings list, or None."""
    if unit in TALLY_NOUNS:
        owner = _object_before_with(quantity)
        return f"{owner}'s {unit}" if owner else None
    if unit not in (None, "count") or len(quantity) != 1 or not quantity[0].like_num:
        return None
    name = _name_before(quantity[0])
    noun = _opening_tally(quantity) if name else None
    if name is None or noun is None or (measure and measure.replace(",", "") not in name.replace(",", "")):
        return None
    return f"{name}'s {noun}"


def _object_before_with(quantity: Span) -> str | None:
    before = quantity.doc[quantity.start - 1] if quantity.start > 0 else None
    if before is None or before.lower_ != "with" or before.head.pos_ != "VERB":
        return None
    obj = next((c for c in before.head.children if c.dep_ == "dobj"), None)
    return _name_of(obj) if obj is not None and obj.pos_ == "PROPN" else None


def _name_before(number: Token) -> str | None:
    """The name right before a listed number, past one "with" or comma ("Ostrow, 471")."""
    i = number.i - 1
    if i >= 0 and number.doc[i].lower_ in ("with", ","):
        i -= 1
    if i < 0 or number.doc[i].pos_ != "PROPN":
        return None
    return _name_of(number.doc[i])


def _name_of(tok: Token) -> str:
    if tok.text.rstrip(".") in NAME_SUFFIXES and tok.dep_ in ("appos", "conj") and tok.head.pos_ == "PROPN":
        return f"{_name_of(tok.head)}, {tok.text}"  # "Holm, Jr."
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None and ent.label_ == "PERSON":
        return ent.text
    words = [t.text for t in tok.lefts if t.dep_ == "compound"] + [tok.text]
    return " ".join(words)


def _opening_tally(quantity: Span) -> str | None:
    """The count noun of the nearest "<number> <noun>" tally before the figure, a sentence or two back."""
    doc = quantity.doc
    first = quantity.sent.start
    for _ in range(LIST_REACH - 1):
        if first > 0:
            first = doc[first - 1].sent.start
    for tok in reversed(doc[first : quantity.start]):
        if tok.lower_ in TALLY_NOUNS and tok.i > 0 and doc[tok.i - 1].like_num:
            return tok.lower_
    return None
