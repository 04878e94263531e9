"""Follow-up happenings of the lede's day: body paragraphs that tell a further act without a date.

News tells the main happening in the lede and its consequences further down, undated because the day
is understood: "Halden Rovers beat Marsh Town on Saturday ... After the match, the league fined Halden
Rovers for a late kick-off." A sentence in a paragraph with no date anywhere in it, built on a
past-tense verb of a known happening kind (or one whose object names one: "held a ceremony") with a
named subject, is dated by the lede's day (its stated day, else the publication day). A paragraph that
carries any date (backstory "in 2004", "last year") is left alone: its undated sentences are more
likely about that other time. Quotations, reporting verbs and states are no follow-ups.

"A week earlier" and "three days earlier" count back from the lede's happening, the one the article
is telling, not from the publication date; and being counted in days they name a day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from app.extraction.events.clauses import NAME_LABELS, happening
from app.extraction.events.words import kind_of
from app.extraction.text import dates as dates_mod
from app.extraction.text.context import doc_text
from app.extraction.text.date_kinds import NUMBER_WORDS
from app.extraction.text.date_resolve import NEXT_DAY_SHIFT
from app.extraction.types import EventFact, PersonFact
from app.lexicon.events import REPORT_VERBS, RESULT_KINDS

Make = Callable[..., EventFact]
EARLIER = re.compile(
    r"^(?:(?:about|some|nearly|almost|just)\s+)?(?P<n>\w+)\s+(?P<u>days?|weeks?)\s+earlier$", re.IGNORECASE
)
NEXT_DAY = re.compile(r"^the\s+(?:(?P<w>next|following|previous)\s+day|day\s+(?P<w2>before|after))$", re.I)
NAMING_DEPS = frozenset({"compound", "nummod", "amod", "nmod", "poss"})
REFERENCE_WORDS = frozenset({"since", "until", "till", "before", "after"})
SHORT_QUOTED = re.compile(r"[\"“][^\"“”.,!?]{1,40}[\"”]")
QUOTE_MARKS = "\"“”‘’'"


def follow_ups(
    doc: Doc,
    found: list[tuple[Token, EventFact]],
    lede: Span | None,
    people: list[PersonFact],
    make: Make,
) -> list[tuple[Token, EventFact]]:
    """Events for undated follow-up acts in the body, dated by the lede's day."""
    lede_events = _lede_events(found, lede)
    if lede is None or not lede_events or lede_events[0].date_start is None:
        return []
    day = lede_events[0].date_start
    _count_back(found, lede, day)
    results = {k for ev in lede_events for k in RESULT_KINDS.get(ev.kind or "", frozenset())}
    text = doc_text(doc)
    dated_paras = {_para_of(text, m.start) for m in dates_mod.find_dates(text) if _dates_a_clause(doc, m)}
    taken = {t.i for t, _ in found}
    lede_kinds = {k for t, ev in found if ev in lede_events for k in _told_kinds(t)}
    out: list[tuple[Token, EventFact]] = []
    for sent in doc.sents:
        if sent.start_char <= lede.end_char or _para_of(text, sent.start_char) in dated_paras:
            continue
        verb = _purpose(sent.root)
        if verb.i in taken or not _follow_up(sent, verb, sent.root, people) or _told_kinds(verb) & results:
            continue  # "Ruiz lost her seat", "Ruiz earned a victory" below an election lede: its result
        if _match_prize(verb):
            continue  # "Okafor won the Man of the Match award": a prize of the match, part of it
        if _retold(verb, lede_events, lede_kinds, people):
            continue  # "The museum held a gala" below "The museum marked its centenary on Friday"
        d = dates_mod.DateMention(text="", start=verb.idx, end=verb.idx, kind="published")
        resolved = dates_mod.Resolved(start=day, end=None, precision="day")
        out.append((verb, make(doc, verb, d, doc[verb.i : verb.i], resolved, people)))
        taken.add(verb.i)
    return out


def _lede_events(found: list[tuple[Token, EventFact]], lede: Span | None) -> list[EventFact]:
    """The lede's happenings dated to a day (its own stated day, else the publication day it was given):
    the day the follow-ups share."""
    if lede is None:
        return []
    return [ev for t, ev in found if lede.start <= t.i < lede.end and ev.date_precision == "day"]


def _dates_a_clause(doc: Doc, mention: dates_mod.DateMention) -> bool:
    """Does the date move its paragraph to another time? Not a year naming a thing ("his 1994 win",
    "the 2014 season") nor a reference point ("his first win since 2004"): those leave the paragraph
    on the lede's day."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    root = span.root
    if root.dep_ in NAMING_DEPS and root.head.pos_ in ("NOUN", "PROPN"):
        return False
    before = doc_text(doc)[max(0, mention.start - 12) : mention.start].split()
    return not (before and before[-1].lower() in REFERENCE_WORDS) and not mention.text.lower().startswith(
        tuple(REFERENCE_WORDS)
    )


def _para_of(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _purpose(root: Token) -> Token:
    """ "Varga was there to launch her novel": being somewhere for a happening of a known kind tells
    that happening (the infinitive), with the copula's subject and tense."""
    if root.lemma_.lower() != "be":
        return root
    for child in root.children:
        infinitive = any(a.lower_ == "to" for a in child.children if a.dep_ == "aux")
        if child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB" and kind_of(child) and infinitive:
            return child
    return root


def _follow_up(sent: Span, verb: Token, root: Token, people: list[PersonFact]) -> bool:
    """A past-tense main verb of a happening (or the happening the main verb is there for), with a
    named subject, outside quotation marks."""
    if root.tag_ != "VBD" or verb.lemma_.lower() in REPORT_VERBS or not happening(verb):
        return False
    told = SHORT_QUOTED.sub("", sent.text)  # a quoted name ('declared the day "Harbour Day"') is no quote
    if any(ch in told for ch in QUOTE_MARKS[:3]) or told.lstrip().startswith(QUOTE_MARKS):
        return False
    if not _names_event(verb):
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    named = subject.ent_type_ in NAME_LABELS and subject.ent_type_ != "NORP"
    return named or any(m.start <= subject.idx < m.end for p in people for m in p.mentions)


def _match_prize(verb: Token) -> bool:
    """A prize named for the game it was won in ("Man of the Match", "Player of the Race")."""
    if kind_of(verb) != "race":
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None and any(kind_of(t) in ("match", "race") for t in of.subtree):
            return True
    return False


def _told_kinds(verb: Token) -> set[str]:
    """The kinds the verb and its object name ("won", "earned a victory")."""
    words = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return {k for k in map(kind_of, words) if k}


def _names_event(verb: Token) -> bool:
    """The verb or its object names a happening of a known kind ("fined", "held a ceremony")."""
    return bool(kind_of(verb)) or any(c.dep_ == "dobj" and kind_of(c) for c in verb.children)


def _retold(
    verb: Token, lede_events: list[EventFact], lede_kinds: set[str], people: list[PersonFact]
) -> bool:
    """An occasion the lede's own actor "held" ("The Orla Museum marked its centenary on Friday ...
    The museum held a gala"): a verb of no kind whose object names the happening is the lede's
    happening named again, not a new act, when its subject is already a lede participant. So is a
    verb of the lede's own kind told of its actor ("Halvorsen recorded his 40th win on Sunday ...
    Halvorsen won his second race of the season")."""
    if kind_of(verb) and not _told_kinds(verb) & lede_kinds:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    ent = next((e for e in verb.doc.ents if e.start <= subject.i < e.end), None)
    name = (ent.text if ent is not None else subject.text).lower()
    last = name.split()[-1] if name.split() else name
    key = next((p.key for p in people for m in p.mentions if m.start <= subject.idx < m.end), None)
    return any(
        p == key or p.lower() == name or (p.split() and p.split()[-1].lower() == last)
        for ev in lede_events
        for p in ev.participants
    )


def _count_back(found: list[tuple[Token, EventFact]], lede: Span, day: date) -> None:
    """ "the stay issued a week earlier by another judge": a week before the lede's happening, a day."""
    for tok, ev in found:
        if lede.start <= tok.i < lede.end:
            continue
        step = NEXT_DAY.match(ev.date_text or "")
        if step is not None:  # "the last ballot was cast at 2:30 the next day": the day after the lede's
            shift = NEXT_DAY_SHIFT[(step.group("w") or step.group("w2")).lower()]
            ev.date_start, ev.date_end, ev.date_precision = day + timedelta(days=shift), None, "day"
            continue
        m = EARLIER.match(ev.date_text or "")
        if m is None:
            continue
        word = m.group("n").lower()
        n = 1 if word in ("a", "an") else int(word) if word.isdigit() else NUMBER_WORDS.get(word)
        if not n:
            continue
        days = n * (7 if m.group("u").lower().startswith("week") else 1)
        ev.date_start, ev.date_end, ev.date_precision = day - timedelta(days=days), None, "day"
