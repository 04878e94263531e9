"""Who a pronoun in a figure's clause stands for, so a measure never says "she" or "it".

A reported clause usually speaks of the one who reports it ("Ana Ruiz says she was held ...",
"the ministry said it would respond ..."), and a clause inside a longer sentence of the sentence's
subject ("the ferry sank when it hit ..."): the nearest noun subject up the clause chain is taken,
else the last person named in the sentences before. An honest cheap guess, not coreference.
"""

from __future__ import annotations

from spacy.tokens import Token

from app.extraction.figures.phrases import noun_phrase, same_line, subject_of
from app.lexicon.things import THING_ENDS, THING_STARTS

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS
# Pronouns that can be a verb's doer: "we", "I" and "you" stand for no one a measure can name.
DOER_PRONOUNS = PRONOUNS | {"we", "i", "you", "us", "me"}


def named(tok: Token | None, inside: set[int]) -> str | None:
    """A readable phrase for ``tok``: its noun phrase, or for a personal pronoun the phrase of what it
    stands for (None when nothing fits: a measure without the person beats one with "she")."""
    if tok is None:
        return None
    if tok.lower_ not in PRONOUNS:
        return _with_number(tok, inside) if tok.pos_ in ("NOUN", "PROPN") else None
    found = _up_the_clauses(tok) or _person_before(tok)
    return _with_number(found, inside) if found is not None else None


def doer(verb: Token, subject: str | None, inside: set[int]) -> str | None:
    """The doer a measure names after "by": the verb's subject phrase, or for a pronoun what it stands
    for (None when nothing fits, and always for "I", "we", "you": "goals scored", never "goals scored
    by He")."""
    if not subject or subject.lower() not in DOER_PRONOUNS:
        return subject
    subj = subject_of(verb)
    if subj is None or subj.lower_ != subject.lower() or subj.lower_ not in PRONOUNS:
        return None
    return named(subj, inside)


def _with_number(tok: Token, inside: set[int]) -> str | None:
    """The noun phrase, with a number that is part of a name kept ("Flight 442", "Apollo 11")."""
    phrase = noun_phrase(tok, inside)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if (
        phrase
        and nxt is not None
        and nxt.head.i == tok.i
        and nxt.dep_ == "nummod"
        and nxt.i not in inside
        and phrase.split()[-1] == tok.text
    ):
        return f"{phrase} {nxt.text}"
    return phrase


def _fits(pronoun: Token, cand: Token) -> bool:
    if cand.pos_ not in ("NOUN", "PROPN") or cand.lower_ in PRONOUNS:
        return False
    if pronoun.lower_ in PERSON_PRONOUNS:
        return cand.pos_ == "PROPN" and cand.ent_type_ not in ("ORG", "FAC", "PRODUCT", "LOC")
    if pronoun.lower_ in THING_PRONOUNS:
        return (cand.ent_type_ != "PERSON" or _thing_name(cand)) and cand.tag_ not in ("NNS", "NNPS")
    return cand.tag_ in ("NNS", "NNPS") or cand.ent_type_ in ("ORG", "GPE", "NORP")


def _thing_name(tok: Token) -> bool:
    """ "Research Vessel Tern": a name the model tags PERSON whose words say it is a thing."""
    words = [t.lower_ for t in tok.subtree if t.pos_ == "PROPN"]
    return any(w in THING_STARTS for w in words[:-1]) or (bool(words) and words[-1] in THING_ENDS)


def _up_the_clauses(pronoun: Token) -> Token | None:
    """The subject of the nearest verb above the pronoun's own verb that has a fitting noun subject."""
    verb = pronoun.head
    for _ in range(6):
        if verb.head.i == verb.i or not same_line(verb, verb.head):
            return None
        verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i != pronoun.i and _fits(pronoun, subj):
            return subj
    return None


def _person_before(pronoun: Token) -> Token | None:
    """The head of the PERSON name in the pronoun's sentence or the two before it, when only one person
    is named there: with two ("Vane met Osk. He said ...") a guess could put the wrong name in a
    measure, which is worse than leaving the person out."""
    if pronoun.lower_ not in PERSON_PRONOUNS:
        return None
    doc = pronoun.doc
    start = pronoun.sent.start
    for _ in range(2):
        if start > 0:
            start = doc[start - 1].sent.start
    names = [e for e in doc.ents if e.label_ == "PERSON" and start <= e.start and e.end <= pronoun.i]
    people = {e.root.text for e in names}
    return names[-1].root if len(people) == 1 else None
