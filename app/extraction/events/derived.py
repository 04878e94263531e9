"""Events found without a date of their own: dated through a neighbour, stated as an ordinal claim, or
implied by a "first since".

"announced just days before the start of the strike in March 2019" dates the announcement from the
strike. "re-elected for a sixth term" is kept even undated: it is a claim sources contradict ("a
seventh term" elsewhere), and :func:`app.resolution.events.conflicting` needs both sides to flag it.
"Norway's first win since 1962" tells that the previous win was in 1962: a happening of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from app.extraction.events.parts import noun_phrase, render
from app.extraction.events.words import kind_of, not_own_event
from app.extraction.text import dates as dates_mod
from app.extraction.text.context import doc_text
from app.extraction.types import EventFact, PersonFact

Make = Callable[..., EventFact]
TERM_CLAIM = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
    r"(?:[\s-]+(?:straight|consecutive|successive|presidential|full))?\s+(?P<noun>term|mandate)\b",
    re.IGNORECASE,
)
TERM_VERBS = frozenset(
    {
        "secure",
        "win",
        "elect",
        "re-elect",
        "reelect",
        "inaugurate",
        "inauguration",
        "begin",
        "start",
        "serve",
        "seek",
        "claim",
    }
)


def _precision(ev: EventFact) -> int:
    return {"day": 3, "month": 2, "year": 1}.get(ev.date_precision or "", 0)


def dated_by_neighbour(found: list[tuple[Token, EventFact]], people: list[PersonFact], make: Make) -> list:
    """ "announced ... just days before the start of the strike in March 2019": an event placed
    days or weeks before (or after) a dated one takes that date, at month or year precision. The dated
    one may be dated elsewhere in the article ("the 2019 strike")."""
    out: list[tuple[Token, EventFact]] = []
    taken = {t.i for t, _ in found}
    if not found:
        return out
    doc = found[0][0].doc
    for prep in doc:
        if prep.lower_ not in ("before", "after") or prep.dep_ != "prep":
            continue
        gap = {t.lower_ for t in prep.lefts} | {t.lower_ for c in prep.lefts for t in c.subtree}
        near = gap & {"days", "day", "hours", "shortly", "soon", "immediately"}
        if not (near or gap & {"weeks", "week"}):
            continue
        dated = _dated_event_in(prep, found)
        trig1 = next((t for t in (prep.head, prep.head.head) if kind_of(t)), None)
        if (
            dated is None
            or dated.date_start is None
            or trig1 is None
            or trig1.i in taken
            or not_own_event(trig1)
        ):
            continue
        precision: dates_mod.Precision = (
            "month" if near and dated.date_precision in ("day", "month") else "year"
        )
        day = dated.date_start
        start = day.replace(day=1) if precision == "month" else day.replace(month=1, day=1)
        resolved = dates_mod.Resolved(start, None, precision)
        mention = dates_mod.DateMention(prep.idx, prep.idx + len(prep.text), prep.text, "relative")
        out.append((trig1, make(doc, trig1, mention, doc[prep.i : prep.i + 1], resolved, people)))
        taken.add(trig1.i)
    return out


def _dated_event_in(prep: Token, found: list[tuple[Token, EventFact]]) -> EventFact | None:
    """The dated event named after "before"/"after", or a dated mention of the same event word."""
    words = [t for t in prep.subtree if t.i > prep.i and kind_of(t)]
    dated = [(trig, ev) for trig, ev in found if ev.date_start is not None]
    for word in words:
        same = [ev for trig, ev in dated if trig.i == word.i]
        twins = sorted((ev for trig, ev in dated if trig.lemma_ == word.lemma_), key=_precision, reverse=True)
        if same or twins:
            return (same or twins)[0]
    return None


def term_claims(doc: Doc, found: list, people: list[PersonFact], anchor, make: Make) -> list:
    """ "securing a seventh term", "re-elected for a sixth term": an election event carrying the claim,
    dated when a date hangs on it, undated otherwise."""
    out: list[tuple[Token, EventFact]] = []
    taken = {t.i for t, _ in found}
    for m in TERM_CLAIM.finditer(doc_text(doc)):
        noun = doc.char_span(m.start("noun"), m.end("noun"), alignment_mode="expand")
        verb = _term_verb(noun.root) if noun is not None else None
        if verb is None or verb.i in taken or not_own_event(verb):
            continue
        mention, resolved = _date_on(doc, verb, anchor)
        span = (
            doc[verb.i : verb.i + 1]
            if mention is None
            else doc.char_span(mention.start, mention.end, "expand")
        )
        mention = mention or dates_mod.DateMention(verb.idx, verb.idx, "", "none")
        ev = make(doc, verb, mention, span, resolved, people)
        holders = [p for p in ev.participants if p in {person.key for person in people}]
        holder = holders[:1] or _holder(verb, people)
        ev.kind, ev.participants, ev.date_text = "election", holder or ev.participants, mention.text or None
        names = {person.key: person.name for person in people}
        claim = doc_text(doc)[verb.idx : m.end("noun")]
        ev.summary = " ".join(x for x in (", ".join(names.get(k, k) for k in ev.participants), claim) if x)
        out.append((verb, ev))
        taken.add(verb.i)
    return out


def _holder(verb: Token, people: list[PersonFact]) -> list[str]:
    """Whose term: the person named last before the claim ("... Okafor ... since securing a seventh term")."""
    best, best_end = None, -1
    for person in people:
        for mention in person.mentions:
            if best_end < mention.end <= verb.idx + 200 and mention.start < verb.sent.end_char:
                best, best_end = person.key, mention.end
    return [best] if best else []


def _term_verb(noun: Token) -> Token | None:
    tok = noun
    for _ in range(4):
        if tok.lemma_.lower() in TERM_VERBS or tok.lower_ in TERM_VERBS:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _date_on(doc: Doc, verb: Token, anchor) -> tuple:
    """A date expression inside the claim's clause ("securing a seventh term as mayor this month")."""
    sub = {t.i for t in verb.subtree}
    for d in dates_mod.find_dates(
        doc_text(doc)[verb.sent.start_char : verb.sent.end_char], verb.sent.start_char
    ):
        tok = doc.char_span(d.start, d.end, alignment_mode="expand")
        if tok is not None and tok.root.i in sub and d.kind not in ("year",):
            return d, dates_mod.resolve(d, anchor, "past")
    return None, None


def previous_ones(doc: Doc, found: list, people: list[PersonFact], anchor, make: Make) -> list:
    """ "his first win since 2004", "the first strike since March 2019": the previous happening of the
    same kind took place then. The summary names it as the previous one, from the noun's own phrase."""
    out: list[tuple[Token, EventFact]] = []
    taken = {t.i for t, _ in found}
    for d in dates_mod.find_dates(doc_text(doc)):
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if d.kind not in dates_mod.EVENT_DATE_KINDS or span is None or len(span) == 0:
            continue
        noun = _first_before_since(span)
        resolved = dates_mod.resolve(d, anchor, "past") if noun is not None else None
        if noun is None or resolved is None or noun.i in taken or not_own_event(noun):
            continue
        ev = make(doc, noun, d, span, resolved, people)
        since = {t.i for t in span} | {span.root.head.i}
        ev.summary = re.sub(r"\bfirst\b", "previous", render(noun_phrase(noun, since)), count=1)
        out.append((noun, ev))
        taken.add(noun.i)
    return out


def _first_before_since(span) -> Token | None:
    """The event noun marked "first" that a "since <date>" phrase bounds, on the noun itself or on
    its clause's verb ("marked his first win since 2004")."""
    root = span.root
    since = root.head if root.dep_ == "pobj" else root
    if since.lower_ != "since" and not span.text.lower().startswith("since"):
        return None
    if since.lower_ != "since":
        since = root
    head = since.head
    nouns = [head] + [c for c in head.children if c.dep_ in ("dobj", "attr", "nsubj") and c.i < since.i]
    for noun in nouns:
        if kind_of(noun) and any(c.dep_ == "amod" and c.lower_ == "first" for c in noun.children):
            return noun
    return None
