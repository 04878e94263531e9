"""A clause in brackets after a measure, said as a reader says it: "consecutive laps (Ortega led)"
is "consecutive laps led by Ortega", "Norwegian salmon (Lisbon imported)" is "Norwegian salmon
imported by Lisbon", "bank account complaints (list)" is "bank account complaints listed".

The bracket is rewritten only when its last word is a verb of the figure's sentence used with an
object (so the thing measured can be its object); a bracket with an intransitive verb
("(media reports range)") says nothing a reader keeps and is dropped. Qualifier brackets
("(about)", "(record)") are added later and never seen here.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from app.extraction.figures.phrases import child_of, noun_phrase
from app.extraction.figures.referents import PRONOUNS, doer, named
from app.lexicon.participles import IRREGULAR_PARTICIPLES

BRACKET = re.compile(r"^(?P<head>.+?) \((?P<inner>[^()]+)\)$")
VOWELS = frozenset("aeiou")


def unbracketed(measure: str | None, quantity: Span) -> str | None:
    """``measure`` with a trailing "(subject verb)" bracket written as a participle phrase when the
    figure is the verb's object, dropped when the verb has no object or the bracket holds a copula or
    another amount, kept otherwise."""
    if not measure:
        return measure
    m = BRACKET.match(measure)
    if m is None:
        return measure
    words = m["inner"].split()
    doer = " ".join(words[:-1])
    if _holds_amount(words[:-1]):
        return m["head"]  # "(42.9 % of complaints listed)": another figure's clause
    verb = _verb_in(words[-1], quantity)
    if verb is None:
        return m["head"] if _copula_in(words[-1], quantity) else measure
    share = any(t.lower_ in ("%", "percent") for t in quantity)
    if _is_object(quantity.root, verb, for_counts=not share):
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return measure  # "striker banned for six matches": the striker is no doer
        doer = _relative_antecedent(verb, quantity) or _doer_named(verb, doer, quantity)
        return f"{m['head']} {participle(verb)}" + (f" by {doer}" if doer else "")
    if not any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "ccomp", "xcomp") for c in verb.children):
        return m["head"]  # "(media reports range)": an intransitive verb names nothing measured
    return measure


def _relative_antecedent(verb: Token, quantity: Span) -> str | None:
    """ "a war that has killed thousands": the doer of a relative clause is the noun it describes."""
    subj = child_of(verb, ("nsubj",))
    if verb.dep_ != "relcl" or subj is None or subj.lower_ not in ("that", "which", "who"):
        return None
    return noun_phrase(verb.head, set(range(quantity.start, quantity.end)))


def _doer_named(verb: Token, doer: str, quantity: Span) -> str:
    """The doer as written, or what a pronoun doer stands for ("He" -> the player named before)."""
    subj = child_of(verb, ("nsubj",))
    if subj is None or subj.lower_ not in PRONOUNS:
        return doer
    return named(subj, set(range(quantity.start, quantity.end))) or ""


def _holds_amount(words: list[str]) -> bool:
    """Whether the words hold an amount: a number not part of a name ("Siberia 2" is a name)."""
    for k, word in enumerate(words):
        if word == "%" or (word[0].isdigit() and not (k > 0 and words[k - 1][:1].isupper())):
            return True
    return False


def _verb_in(word: str, quantity: Span) -> Token | None:
    """The bracket's verb: the one above the figure if it is there, else the first in the sentence."""
    found = [t for t in quantity.sent if t.pos_ == "VERB" and word in (t.text, t.lemma_)]
    above = {t.i for t in quantity.root.ancestors}
    return next((t for t in found if t.i in above), found[0] if found else None)


def _copula_in(word: str, quantity: Span) -> bool:
    return any(t.lemma_ == "be" and t.text == word for t in quantity.sent)


def _is_object(root: Token, verb: Token, for_counts: bool) -> bool:
    """Whether the figure is (in) the verb's object ("Ortega led 25 laps", "imported 9 tons of oil") or
    the "for" amount of a verb without one ("worked for ten hours": hours worked; not a share a
    verb "accounts for")."""
    tok = root
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.head.i == verb.i:
            return tok.dep_ in ("dobj", "nsubjpass")
        if for_counts and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.i == verb.i:
            return child_of(verb, ("dobj",)) is None  # "Ortega would lead for 25 laps": laps led
        tok = tok.head
    return False


def by_doer(verb: Token, subject: str, inside: set[int]) -> str:
    """ "imported by Lisbon": the participle with its doer; a pronoun doer is replaced by what it
    stands for, or left out ("goals scored", never "goals scored by He")."""
    who = doer(verb, subject, inside)
    return f"{participle(verb)} by {who}" if who else participle(verb)


def participle(verb: Token) -> str:
    """The past participle: irregular from the table, regular by rule ("list" -> "listed")."""
    lemma = verb.lemma_.lower()
    if lemma in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[lemma]
    if verb.tag_ in ("VBD", "VBN") or not verb.tag_.startswith("VB"):
        return verb.text.lower()  # as written when the tagger is unsure of the form
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in VOWELS:
        return lemma[:-1] + "ied"
    return lemma + "ed"
