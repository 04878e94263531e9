"""Tallies of a contest said the way results pages say them: "votes for Mara Quint", "Lina Holt's
points", "Oda Venn's margin over Ivo Marsh".

A count of votes, points or goals belongs to a named contestant: the votes a candidate received read
"votes for <name>" (a vote is cast for someone), other tallies "<name>'s points"; a count a winner
beat a loser "by" is the winner's margin over the loser.
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Span, Token

from app.extraction.figures.framing import COUNT_NOUN_UNITS
from app.extraction.figures.phrases import child_of, subject_of
from app.extraction.types import FigureFact

# Verbs whose object is a tally the subject ends up with ("received 4,100 votes", "scored 22 points").
TALLY_VERBS = frozenset(
    {"receive", "win", "get", "earn", "gain", "take", "secure", "poll", "collect", "score", "garner", "amass"}
)
# Verbs whose "by" amount is the gap between a winner (subject) and a loser (object).
MARGIN_VERBS = frozenset(
    {"win", "defeat", "beat", "edge", "outpoll", "outscore", "top", "lead", "oust", "unseat"}
)
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def tally_phrase(owner: str, phrase: str, noun: Token) -> str:
    """ "votes for Mara Quint" (votes are cast for a candidate), "Mara Quint's points" otherwise."""
    if noun.lemma_.lower() == "vote" or noun.lower_ == "votes":
        return f"{phrase} for {owner}"
    return f"{owner}'s {phrase}"


def name_of(tok: Token | None) -> str | None:
    """The whole name a token stands in, without possessors and titles ("the FTU's veteran Oda
    Venn-Ko" -> "Oda Venn-Ko"); a common noun with a name in apposition ("the candidate, Ivo Marsh")
    is that name. None when neither is a name."""
    if tok is None:
        return None
    if not _is_name(tok):
        named = child_of(tok, ("appos",))
        if named is None or not _is_name(named):
            return None
        tok = named
    start = tok.i
    doc = tok.doc
    while (
        start > 0
        and (doc[start - 1].dep_ == "compound" or doc[start - 1].text in ("-", "‑"))
        and (
            doc[start - 1].pos_ == "PROPN"
            or doc[start - 1].ent_type_ in NAME_LABELS
            or doc[start - 1].text == "-"
        )
    ):
        start -= 1
    end = tok.i + 1
    ent = _entity(tok)
    if ent is not None and ent.start < start and not any(t.dep_ == "case" for t in doc[ent.start : tok.i]):
        start = ent.start
    if ent is not None and ent.end > end and all(t.head.i >= tok.i for t in doc[end : ent.end]):
        end = ent.end  # "Bank of Oran": the name goes on past its head word
    while start < tok.i and doc[start].text in ("-", "‑"):
        start += 1
    return doc[start:end].text


def _is_name(tok: Token) -> bool:
    """A proper noun or an entity's word; the tail of a hyphenated name ("Siu-ming") is one too."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in NAME_LABELS:
        return True
    doc = tok.doc
    return (
        tok.i >= 2
        and doc[tok.i - 1].text == "-"
        and not doc[tok.i - 1].whitespace_
        and not doc[tok.i - 2].whitespace_
        and (doc[tok.i - 2].pos_ == "PROPN" or doc[tok.i - 2].ent_type_ in NAME_LABELS)
    )


def _entity(tok: Token) -> Span | None:
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end and e.label_ in NAME_LABELS), None)


def margin_measure(noun: Token, prep: Token, verb: Token) -> str | None:
    """ "Oda Venn defeated Ivo Marsh by 512 votes": Oda Venn's margin over Ivo Marsh; in the passive
    ("Marsh was defeated by 512 votes by Venn") the agent is the winner and the subject the loser."""
    if prep.lower_ != "by" or prep.dep_ not in ("prep", "agent") or verb.lemma_.lower() not in MARGIN_VERBS:
        return None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        agent = next(
            (c for c in verb.children if c.dep_ == "agent" and c.i != prep.i and noun not in c.subtree), None
        )
        winner = name_of(child_of(agent, ("pobj",))) if agent is not None else None
        loser = name_of(subject_of(verb, ("nsubjpass",)))
    else:
        winner = name_of(subject_of(verb))
        loser = name_of(child_of(verb, ("dobj",)))
    if winner is None and loser is None:
        return "winning margin"
    head = f"{winner}'s margin" if winner else "margin"
    return f"{head} over {loser}" if loser else head


# A name in a results list: capitalised words, a generational suffix after a comma ("Dale Orr, Jr.").
_NAME = r"(?:[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|di|le|la))*(?:,\s+[JS]r\.?)?)"
# Words that lead into the next item of a results list ("ahead of Lutz with 118", "followed by").
_LEAD = r"(?:(?:and\s+)?(?:ahead\s+of|followed\s+by|then|before|behind|while)\s+)?"
_ITEM = rf"\s*[.;,]?\s*(?:and\s+)?{_LEAD}{_NAME}(?:\s*,\s*|\s+(?:with|on)\s+)"
# What lies between two figures of a results list: "; Ana Lutz, " or ". Oda Venn with ", possibly
# over an item whose number was not taken as a figure.
LIST_GAP = re.compile(
    rf"(?:{_ITEM}[\d.,]+)*\s*[.;,]?\s*(?:and\s+)?{_LEAD}(?P<name>{_NAME})(?:\s*,\s*|\s+(?:with|on)\s+)"
)
# "Lina Holt on top with 212 points": the name a list's first tally belongs to.
HEAD_OWNER = re.compile(rf"(?P<name>{_NAME})(?:\s+[a-z]+){{0,4}}\s+with\s+(?:[a-z]+\s+)?$")
NOT_NAMES = frozenset({"The", "A", "An", "It", "He", "She", "They", "This", "That", "With", "In", "On"})
BARE_NUMBER = re.compile(r"[\d][\d,.]*")


def share_standings(facts: list[FigureFact], text: str) -> None:
    """ "Holt leads with 212 points. Lutz with 198; Venn, 187": a results list written as names
    and numbers, the unit named once at its first item (even across a sentence break the parser
    made), gives every listed number that unit and its name's tally ("Lutz's points"); the first
    item belongs to the name just before it."""
    for head_at, head in enumerate(facts):
        noun = _tally_noun(head)
        if noun is None:
            continue
        listed = 0
        for prev, fact in pairwise(facts[head_at:]):
            gap = LIST_GAP.fullmatch(text, prev.span.end, fact.span.start)
            if (
                gap is None
                or not BARE_NUMBER.fullmatch(fact.text)
                or gap.group("name").split()[0] in NOT_NAMES
            ):
                break
            fact.unit = head.unit
            fact.measure = _owned(gap.group("name"), noun)
            listed += 1
        if listed and not _has_owner(head.measure):
            sentence_start = head.span.sentence_start or 0
            owner = HEAD_OWNER.search(text, sentence_start, head.span.start)
            if owner is not None and owner.group("name").split()[0] not in NOT_NAMES:
                head.measure = _owned(owner.group("name"), noun)


def _tally_noun(fact: FigureFact) -> str | None:
    """The contest unit a figure is written in ("212 points", "4,100 votes"), if any."""
    last = fact.text.split()[-1].lower() if fact.text else ""
    if last in COUNT_NOUN_UNITS:
        return last
    return fact.unit if fact.unit in COUNT_NOUN_UNITS else None


def _owned(name: str, noun: str) -> str:
    return f"{noun} for {name}" if noun == "votes" else f"{name}'s {noun}"


def _has_owner(measure: str | None) -> bool:
    return measure is not None and ("'s " in measure or " for " in measure)
