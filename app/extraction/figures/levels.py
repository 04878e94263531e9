"""The level at which something happened, named as a reader names it: "Flight 9 was cruising at
31,000 feet" measures the "altitude at which Flight 9 was cruising", "the road was closed up to
2,000 metres" the "height up to which road was closed", not the "height of Flight".

Only for physical units (not money, shares or lengths of time) and only for a verb of doing: a verb
that states a size or a place ("the summit stands at 4,000 metres") keeps the subject's own size.
A thing in metres or feet that is a building, a tree or a mountain has a height, not a length.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from app.extraction.figures.changes import CHANGE_VERBS
from app.extraction.figures.phrases import subject_of
from app.extraction.figures.referents import named
from app.extraction.figures.units import DURATION_UNITS
from app.lexicon.dimensions import (
    AIR_THINGS,
    ALTITUDE_VERBS,
    DIMENSION_NOUNS,
    STATIVE_VERBS,
    TALL_THINGS,
    UNIT_DIMENSIONS,
)

HEIGHT_UNITS = frozenset({"meters", "feet"})


def level_measure(quantity: Span, unit: str | None) -> str | None:
    """ "altitude at which <subject> <verb>" for a physical amount a verb of doing happens at."""
    dimension = UNIT_DIMENSIONS.get(unit or "")
    if dimension is None or unit in DURATION_UNITS:
        return None
    root = quantity.root
    found = _level_verb(root)
    if found is None:
        return None
    verb, relation = found
    if verb.lemma_ in STATIVE_VERBS or verb.lemma_ in CHANGE_VERBS:
        return None
    who = named(subject_of(verb), set(range(quantity.start, quantity.end)))
    if not who or any(w.lower() in DIMENSION_NOUNS for w in who.split()):
        return None
    if unit in HEIGHT_UNITS and (dimension == "height" or verb.lemma_ in ALTITUDE_VERBS):
        airborne = verb.lemma_ in ALTITUDE_VERBS or who.split()[-1].lower() in AIR_THINGS
        dimension = "altitude" if airborne else "height"
    group = [c.text for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")] + [verb.text]
    return f"{dimension} {relation} {who} {' '.join(group)}"


def _level_verb(root: Token) -> tuple[Token, str] | None:
    """The verb the amount is "at" ("flying at 33,000 feet") or "up to" ("closed up to 9 km")."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "at" and head.head.pos_ == "VERB":
        return head.head, "at which"
    marks = [c.lower_ for c in root.subtree if c.dep_ in ("quantmod", "advmod") and c.i < root.i]
    if marks[:2] == ["up", "to"] and root.dep_ in ("dobj", "npadvmod") and head.pos_ == "VERB":
        return head, "up to which"
    return None


def tall_dimension(quantity: Span, unit: str | None) -> str | None:
    """ "the 70 meter memorial hall": a building, a tree or a mountain is measured by its height."""
    if unit not in HEIGHT_UNITS:
        return None
    noun = quantity.root
    for _ in range(2):
        if noun.lemma_.lower() in TALL_THINGS:
            return "height"
        if noun.dep_ not in ("compound", "nmod", "nummod", "amod") or noun.head.i == noun.i:
            return None
        noun = noun.head
    return "height" if noun.lemma_.lower() in TALL_THINGS else None
