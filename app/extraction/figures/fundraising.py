"""Money someone raises: money raised when it happened, a fundraising goal when it is still to come.

"The choir raised $4,000" is "money raised by choir"; "the choir hopes to raise $4,000", "teams
raise $5,000 each" and "the club's target is to raise $6,500" name a goal, said the way a reader
says it with the raiser as a noun adjunct: "choir fundraising goal", "team fundraising goal",
"club fundraising target".
"""

from __future__ import annotations

from spacy.tokens import Token

from app.extraction.figures.phrases import subject_of, subject_up, trim

# Nouns a stated aim is ("the club's goal is to raise ..."): kept as the goal's own word.
AIM_NOUNS = frozenset({"goal", "target", "aim", "objective"})
# Tags of a verb form that has not happened yet or happens as a rule ("raise", "raises").
NOT_PAST_TAGS = frozenset({"VB", "VBP", "VBZ", "VBG"})


def fundraising(verb: Token, subject: str | None) -> str | None:
    """What money as the object of "raise" measures: a goal or the money raised."""
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be":
        aim = subject_of(verb.head)
        if aim is not None and aim.lemma_.lower() in AIM_NOUNS:
            owner = _raiser(next((c for c in aim.children if c.dep_ == "poss"), None))
            return trim(f"{owner} fundraising {aim.lemma_.lower()}") if owner else subject
        return subject  # "the plan is to raise $5,000": the plan
    if verb.tag_ in NOT_PAST_TAGS and not _past_aux(verb):
        owner = _raiser(subject_up(verb))
        return trim(f"{owner} fundraising goal") if owner else "fundraising goal"
    return trim(f"money raised by {subject}" if subject else "money raised")


def _past_aux(verb: Token) -> bool:
    """ "has raised", "did raise", "was to raise": a past or perfect form is money already raised."""
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN") for c in verb.children)


def _raiser(tok: Token | None) -> str | None:
    """The raiser as a noun adjunct: singular, with its compounds and adjectives ("Andes relay team",
    "individual" for "individuals"); a pronoun or relative word gives nothing."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    mods = [t.text for t in tok.lefts if t.dep_ in ("compound", "amod")]
    head = tok.text if tok.pos_ == "PROPN" else tok.lemma_.lower()
    return " ".join([*mods, head])
