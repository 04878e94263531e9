"""What an amount "in" something counted is, with the rest of its phrase: "$192 million in tax
rebates for the rum industry" is "tax rebates for the rum industry" (the parser hangs "for ..." on the
amount, not on the rebates), "$110 billion in tax breaks, earmarks ..." lists all it counts.
"""

from __future__ import annotations

from spacy.tokens import Token

from app.extraction.figures.phrases import first_break, noun_phrase, trim

# Prepositions after the material that still say whose or for whom it is.
BENEFIT_PREPS = frozenset({"for", "to"})


def material_phrase(amount: Token, prep: Token, obj: Token, inside: set[int]) -> str | None:
    """The material's noun phrase, its listed companions, and a "for"/"to" phrase that follows it."""
    phrase = noun_phrase(obj, inside)
    if phrase is None:
        return None
    companions: list[str] = []
    for c in obj.rights:
        listed = c.dep_ == "conj" and c.pos_ == "NOUN" and not any(t.i in inside for t in c.subtree)
        if listed and (companion := noun_phrase(c, inside)) is not None:
            companions.append(companion)
    if companions:
        phrase = ", ".join([phrase, *companions])
    benefit = next(
        (c for c in amount.rights if c.dep_ == "prep" and c.lower_ in BENEFIT_PREPS and c.i > prep.i),
        None,
    )
    if benefit is not None and benefit.lower_ not in phrase.split() and not _holds_amount(benefit):
        words = list(benefit.subtree)
        words = words[: first_break(words)]
        phrase = f"{phrase} {' '.join(t.text for t in words)}"
    return trim(phrase.replace(" 's", "'s"))


def _holds_amount(prep: Token) -> bool:
    return any(t.like_num or t.tag_ == "$" for t in prep.subtree)
