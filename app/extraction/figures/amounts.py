"""What a sum of money is, read from the verb or noun it belongs to, where the plain reading gives a
clause ("Danish crew won") or nothing:

- a sum someone wins is a prize: "the Osprey crew won the regatta and $8,000": "prize won by Osprey
  crew";
- a sum "in value" a thing "each" has is its value: "four paintings each of $900 in value": "value
  of each painting";
- a sum something is "worth" is its value: "cocaine worth $2 million": "value of cocaine";
- a sum on a noun a verb happens "on"/"at"/"under" is that noun with the verb as its relative
  clause: "released on $5,000 bail": "bail on which Ana Ruiz was released".
Money is recognised by its unit, an ISO 4217 currency code.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from app.extraction.figures.phrases import child_of, noun_phrase, subject_of, subject_up
from app.extraction.figures.referents import named

PRIZE_VERBS = frozenset({"win", "scoop", "pocket", "earn"})
WORTH_NOUNS = frozenset({"value", "worth"})
# Prepositions of the terms a verb happened on ("released on bail", "sold at a discount").
TERMS_PREPS = frozenset({"on", "at", "under"})


def is_money(unit: str | None) -> bool:
    return unit is not None and len(unit) == 3 and unit.isalpha() and unit.isupper()


def money_measure(quantity: Span, unit: str | None) -> str | None:
    """A prize, a value each, or terms a verb happened on; None when none of these applies."""
    if not is_money(unit):
        return None
    inside = set(range(quantity.start, quantity.end))
    root = quantity.root
    return _prize(root, inside) or _value_each(root, inside) or _worth(root, inside) or _terms(root, inside)


def _prize(root: Token, inside: set[int]) -> str | None:
    obj = root
    while obj.dep_ == "conj" and obj.head.i != obj.i:
        obj = obj.head  # "won the title and $50,000": the sum is an object of "won"
    verb = obj.head
    if obj.dep_ != "dobj" or verb.lemma_ not in PRIZE_VERBS or (verb.lemma_ == "earn" and obj.i == root.i):
        return None
    who = named(subject_of(verb), inside)
    return f"prize won by {who}" if who else "prize"


def _value_each(root: Token, inside: set[int]) -> str | None:
    worth = next((c for c in root.rights if c.dep_ == "prep" and c.lower_ == "in"), None)
    noun = child_of(worth, ("pobj",)) if worth is not None else None
    if noun is None or noun.lemma_.lower() not in WORTH_NOUNS:
        return None
    owner = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    if owner is None:
        return "value"
    if owner.lower_ == "each" and owner.head.pos_ == "NOUN":
        thing = owner.head
        mods = [t.text for t in thing.lefts if t.dep_ in ("compound", "amod")]
        return " ".join(["value of each", *mods, thing.lemma_.lower()])
    phrase = noun_phrase(owner, inside) if owner.pos_ in ("NOUN", "PROPN") else None
    return f"value of {phrase}" if phrase else "value"


def _worth(root: Token, inside: set[int]) -> str | None:
    """ "cocaine worth $2 million", "the deal is worth $12 billion": the value of the thing."""
    worth = root.head
    if worth.lower_ != "worth" or root.dep_ not in ("npadvmod", "pobj", "dobj"):
        return None
    thing = worth.head if worth.dep_ == "amod" else subject_of(worth.head) if worth.dep_ == "acomp" else None
    if thing is None or thing.pos_ not in ("NOUN", "PROPN"):
        return None
    phrase = noun_phrase(thing, inside | {worth.i})
    return f"value of {phrase}" if phrase else None


def _terms(root: Token, inside: set[int]) -> str | None:
    noun = root
    if root.dep_ in ("nummod", "compound", "nmod", "amod") and root.head.pos_ == "NOUN":
        noun = root.head
    if noun.i == root.i or noun.dep_ != "pobj" or noun.head.lower_ not in TERMS_PREPS:
        return None
    if any(c.dep_ in ("relcl", "acl") for c in noun.children):
        return None  # the noun already says what it is
    verb = noun.head.head
    if verb.pos_ != "VERB":
        return None
    who = named(subject_up(verb, via=("pcomp", "advcl", "xcomp", "conj")), inside)
    if not who:
        return None
    group = [c.text for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")] + [verb.text]
    group = ["was" if w == "being" else w for w in group]  # "before being released": was released
    what = noun_phrase(noun, inside) or noun.text
    return f"{what} {noun.head.text} which {who} {' '.join(group)}"
