"""An amount an estimate puts on something: "the study places the human contribution to the rise in
temperature at 92%" measures the "human contribution to the rise in temperature", even when the
parser hangs the "at" phrase inside the object and the "to" phrase on the verb.
"""

from __future__ import annotations

from spacy.tokens import Token

from app.extraction.figures.phrases import child_of, first_break, noun_phrase, trim

# Verbs that put a value on their object ("put the damage at $2 billion").
ESTIMATE_VERBS = frozenset({"place", "put", "estimate", "peg", "value", "set", "fix", "assess"})


def estimated_object(owner: Token) -> Token | None:
    """ "places the human share of the rise at 92%": an "at" amount the parser hung inside the object of
    a verb of estimating measures that object."""
    tok = owner
    for _ in range(4):
        if tok.pos_ == "VERB":
            return child_of(tok, ("dobj",)) if tok.lemma_ in ESTIMATE_VERBS else None
        if tok.dep_ == "dobj" and tok.head.lemma_ in ESTIMATE_VERBS:
            return tok
        if tok.dep_ not in ("pobj", "prep") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def with_verb_complement(obj: Token, at: Token, inside: set[int]) -> str | None:
    """The object with a "to"/"in"/"of" phrase the parser hung on the verb instead ("places the
    contribution [to the increase in temperature] at 92%"), without the "at" amount itself."""
    phrase = noun_phrase(obj, inside)
    verb = obj.head
    extra = next(
        (
            c
            for c in verb.rights
            if c.dep_ in ("prep", "dative") and c.i > obj.i and c.lower_ in ("to", "in", "of")
        ),
        None,
    )
    if phrase is None or extra is None or extra.i > at.i:
        return phrase
    skip = {t.i for t in at.subtree} | inside
    words = [t for t in extra.subtree if t.i not in skip]
    words = words[: first_break(words)]
    tail = " ".join(t.text for t in words).replace(" 's", "'s").replace(" ’s", "’s")
    return trim(f"{phrase} {tail}")


def valued_thing(owner: Token, inside: set[int]) -> str | None:
    """ "a deal valued at $18 billion", "the damage was estimated at $2 billion": the value of the thing
    a passive estimating verb describes."""
    if owner.pos_ != "VERB" or owner.lemma_ not in ESTIMATE_VERBS or child_of(owner, ("dobj",)) is not None:
        return None
    thing: Token | None = owner.head if owner.dep_ == "acl" else child_of(owner, ("nsubjpass",))
    phrase = noun_phrase(thing, inside) if thing is not None and thing.pos_ in ("NOUN", "PROPN") else None
    if phrase is None:
        return None
    return phrase if phrase.split()[0].lower() in ("value", "cost", "price") else f"value of {phrase}"
