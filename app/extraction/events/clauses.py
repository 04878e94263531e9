"""Dated happenings named by no event word, each side of a coordination, and the article's main news.

The trigger lexicon misses most of what news reports happening on a date ("fishermen rescued 700
people on Friday", "the order issued on January 27", "Columbia lifted off on April 12, 1981"). Here a
date that dated no trigger dates the verb that governs it, unless that verb names a state ("was
open", "has", "remains") rather than a happening. "Peru defeated Ghana; Chile defeated Japan"
is two events: a verb joined to a dated one, with a subject of its own, shares its date. The lede's
main happening is an event even when it carries no date of its own ("has announced", "was found"):
it is dated by the publication date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from spacy.tokens import Doc, Span, Token

from app.extraction.events.parts import ACTOR_LABELS, line_of, whole_name
from app.extraction.events.words import kind_of, not_own_event, quoted
from app.extraction.figures.units import DURATION_UNITS, unit_of
from app.extraction.text import dates as dates_mod
from app.extraction.types import EventFact, PersonFact
from app.lexicon.events import EVIDENCE_VERBS, REPORT_VERBS, RESEARCH_VERBS, STATE_VERBS
from app.tuning import tuning

Make = Callable[..., EventFact]
NAME_LABELS = ACTOR_LABELS | {"NORP"}
FIGURE_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
FIGURE_ROLES = frozenset({"dobj", "attr"})
QUOTED_BACKSTORY_KINDS = frozenset({"year", "my", "mdy", "dmy", "ago"})
PLAN_VERBS = frozenset({"plan", "schedule", "set", "target", "slate", "budget", "earmark"})
AGGREGATE_WORDS = frozenset({"total", "overall", "combined", "cumulative", "average", "aggregate"})
AGE_ROLES = frozenset({"dobj", "attr", "acomp", "oprd", "npadvmod", "xcomp"})
# "stood at 4,100", "doubled to 52,800", "rose by 4%": a preposition that takes a level
LEVEL_PREPOSITIONS = frozenset({"at", "to", "by"})


def governing_verb(dspan: Span) -> Token | None:
    """The verb a date modifies: up the tree from the date, within its sentence and line. A date
    naming a thing ("a 1990 law") dates no verb, unless the thing is the verb's subject ("next
    year's contest is scheduled for ...", "the 2011 fire destroyed ...")."""
    tok = dspan.root
    line = line_of(tok)
    for _ in range(tuning().event_verb_climb):
        if tok.head.i == tok.i or not line[0] <= tok.head.idx < line[1]:
            return None
        if tok.dep_ in ("compound", "nummod", "amod", "nmod", "poss") and not kind_of(tok.head):
            noun = tok.head
            if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
                return noun.head
            made = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
            return made[0] if made else None  # "a January 27 order issued by the president"
        tok = tok.head
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
            return tok
    return None


def happening(verb: Token, quoted_ok: bool = False) -> bool:
    """Does the verb report a happening, not a state, a habit or words inside a quotation (unless
    ``quoted_ok``: the writer dated it outside the quotation)?"""
    if verb.lemma_.lower() in STATE_VERBS or not_own_event(verb, quoted_ok):
        return False
    if _negated_state(verb) or _evidence(verb):
        return False
    if verb.lemma_.lower() == "be":  # copula: only "was a guest at the fair", with an event noun
        named = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]  # "the Fair was"
        return any(kind_of(t) for t in [*verb.subtree] if t.pos_ == "NOUN" or t in named)
    if any(_counted(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        return False  # "36 complaints were recorded in March": a figure and its period
    if verb.dep_ == "acl" and (_counted(verb.head) or _aggregate(verb.head)):
        return False  # "the 52 complaints filed this month", "total complaints filed this month"
    if any(_amount(t, level) for c, level in _figure_slots(verb) for t in c.subtree):
        return False  # "fares hit a record $61 million in 2022", "stood at 4,100": a period
    if verb.lemma_.lower() == "turn" and any(c.like_num for c in verb.children if c.dep_ in AGE_ROLES):
        return False  # "its founder turned 94 on Monday": an age reached, a figure
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"would"} and any(c.dep_ == "advmod" and c.lower_ == "then" for c in verb.children):
        return True  # "voters would then choose ... in 2016": the next step of a plan, scheduled
    return not auxes & {"would", "could", "might", "should", "may", "must"} or verb.dep_ == "ccomp"


def _negated_state(verb: Token) -> bool:
    """ "the site was not loading", "the rule is not retroactive": a negated copula or progressive
    tells a state, not a happening."""
    negated = any(c.dep_ == "neg" for c in verb.children)
    return negated and (verb.lemma_.lower() == "be" or verb.tag_ == "VBG")


def _evidence(verb: Token) -> bool:
    """ "Records show calls between them that day": evidence without a named actor shows, it does not
    happen ("Halden showed its new phone on Tuesday" is a happening)."""
    if verb.lemma_.lower() not in EVIDENCE_VERBS:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.ent_type_:
        return False  # "Halden showed its new phone": a named actor
    sentence_start_noun = subject.pos_ == "PROPN" and bool(subject.is_sent_start)  # "Records show"
    return subject.pos_ == "NOUN" or sentence_start_noun


def _figure_slots(verb: Token) -> list[tuple[Token, bool]]:
    """The verb's object and complement, and a level preposition's object (flagged), where an
    amount sits."""
    slots = [(c, False) for c in verb.children if c.dep_ in FIGURE_ROLES]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in LEVEL_PREPOSITIONS:
            slots.extend((c, True) for c in prep.children if c.dep_ == "pobj")
    return slots


def _amount(tok: Token, level: bool) -> bool:
    """An amount, share or quantity; after "at", "to" or "by" also a bare number in digits ("stood
    at 3,100"), which as an object would be a count of things a happening touched ("rescued 700")."""
    if tok.ent_type_ in FIGURE_LABELS or _measured(tok):
        return True
    return level and tok.ent_type_ == "CARDINAL" and any(ch.isdigit() for ch in tok.text)


def _measured(tok: Token) -> bool:
    """A unit of measure with its number ("pumped 9 million bpd", "consumed 415 terawatt-hours"): an
    amount, unlike a number of things or people, or a length of time."""
    words = [c for c in tok.lefts if c.dep_ in ("compound", "hyph", "amod") and not c.like_num]
    name = tok.doc[words[0].i : tok.i + 1].text if words else tok.text  # "terawatt-hours"
    found = unit_of(name) or unit_of(tok.text)
    if found is None or found[0] in ("count", "people", *DURATION_UNITS):
        return False
    return any(c.like_num for c in tok.children if c.dep_ in ("nummod", "quantmod", "compound"))


def _aggregate(noun: Token) -> bool:
    """ "total complaints", "combined sales": a noun summed up is a quantity, not things happening."""
    return any(c.dep_ == "amod" and c.lower_ in AGGREGATE_WORDS for c in noun.children)


def _counted(subject: Token) -> bool:
    """A noun counted in digits ("4 million visitors", "36 complaints"); not a date line's year the
    parser hung on the subject."""
    return any(
        c.dep_ == "nummod" and c.ent_type_ != "DATE" and any(ch.isdigit() for t in c.subtree for ch in t.text)
        for c in subject.children
    )


def clause_events(
    doc: Doc,
    mentions: Iterable[tuple[dates_mod.DateMention, Span, dates_mod.Resolved]],
    people: list[PersonFact],
    make: Make,
    dated: dict[int, tuple[dates_mod.DateMention, Span, dates_mod.Resolved]],
) -> list[tuple[Token, EventFact]]:
    """Events for dates that dated no event word: the governing verb is the happening (its date
    recorded in ``dated`` for the verbs joined to it)."""
    out: list[tuple[Token, EventFact]] = []
    for d, dspan, resolved in mentions:
        verb = governing_verb(dspan)
        if verb is None or not happening(verb, _dated_outside(verb, d)) or _planned_for(verb, dspan):
            continue
        verb = _named_by_subject(verb)
        out.append((verb, make(doc, verb, d, dspan, resolved, people)))
        dated.setdefault(verb.i, (d, dspan, resolved))
    return out


def _planned_for(verb: Token, dspan: Span) -> bool:
    """ "a goal they planned for 2024", "talks set for May": the date is when the planned thing is
    due, not when it was planned (a planned event word is dated through its own word)."""
    prep = dspan.root.head
    return verb.lemma_.lower() in PLAN_VERBS and prep.lower_ == "for" and prep.head.i == verb.i


def _dated_outside(verb: Token, d: dates_mod.DateMention) -> bool:
    """ "told reporters that on May 6 Lund 'walked into the station'": the writer dates a past act
    outside the quotation that tells it, so the act is the writer's news, not a quoted claim. A past
    act with a stated year ("which leaked the plans in 2004") is dated backstory even inside one."""
    if verb.tag_ != "VBD":
        return False
    if d.kind in QUOTED_BACKSTORY_KINDS:
        return True
    return not quoted(verb.doc, d.start) and d.start < verb.idx


def _named_by_subject(verb: Token) -> Token:
    """ "The Harbour Regatta was off to a windy start on Sunday": a copula tells nothing; the event is
    its subject, which names it."""
    if verb.lemma_.lower() != "be":
        return verb
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and kind_of(c)), None)
    return subject if subject is not None else verb


def conjoined(
    doc: Doc,
    found: list[tuple[Token, EventFact]],
    dated: dict[int, tuple[dates_mod.DateMention, Span, dates_mod.Resolved]],
    people: list[PersonFact],
    make: Make,
) -> list[tuple[Token, EventFact]]:
    """ "Peru defeated Ghana; Chile defeated Japan and Tunisia lost": each verb with its own
    subject, joined to a dated verb, is its own event on the same date."""
    out: list[tuple[Token, EventFact]] = []
    taken = {t.i for t, _ in found}
    for trigger, _ev in found:
        if trigger.pos_ != "VERB" or trigger.i not in dated:
            continue
        d, dspan, resolved = dated[trigger.i]
        for conj in _conjuncts(trigger):
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
            if conj.i in taken or not own_subject or not happening(conj) or _tense_shift(trigger, conj):
                continue
            taken.add(conj.i)
            out.append((conj, make(doc, conj, d, dspan, resolved, people)))
    return out


def _tense_shift(verb: Token, conj: Token) -> bool:
    """ "The vote took place on May 3 and the board says it will stand": a joined verb in the present
    after a dated past one (or the other way round) tells another time, so it does not take the date."""
    past, present = {"VBD"}, {"VBZ", "VBP"}
    return (verb.tag_ in past and conj.tag_ in present) or (verb.tag_ in present and conj.tag_ in past)


def _conjuncts(verb: Token) -> list[Token]:
    out, stack = [], [verb]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ == "VERB":
                out.append(c)
                stack.append(c)
    return out


def lede_sentence(doc: Doc, body_start: int) -> Span | None:
    """The article's first sentence of running text (after the headline and the date line). The
    parser may join the headline and date line to it, so its end is the end of the sentence that
    holds its first word, cut at the paragraph's end."""
    text = doc.text
    start = len(text) - len(text[body_start:].lstrip())
    if "\n" not in text[:start] or start >= len(text):
        return None  # a text without a headline line is no article with a lede
    first = doc.char_span(start, len(text), alignment_mode="expand")
    if first is None or len(first) == 0:
        return None
    sent = first[0].sent
    para_end = text.find("\n", start)
    end = min(sent.end_char, para_end if para_end > 0 else len(text))
    lede = doc.char_span(start, end, alignment_mode="contract")
    return lede if lede is not None and len(lede) >= 6 else None


def lede_event(
    doc: Doc,
    found: list[tuple[Token, EventFact]],
    lede: Span | None,
    anchor: date | None,
    people: list[PersonFact],
    make: Make,
) -> list[tuple[Token, EventFact]]:
    """The main news happening, dated by the publication date when the lede gives no date of its own."""
    if lede is None or anchor is None or not tuning().event_lede:
        return []
    verb = _scheduled(lede.root)
    if any(lede.start <= t.i < lede.end and not _side_clause(t, verb) for t, _ in found):
        return []  # the lede is dated in the text
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in REPORT_VERBS | RESEARCH_VERBS:
        return []
    if not happening(verb):
        return []
    named = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i >= lede.start), None)
    named_subject = named is not None and named.pos_ == "PROPN"
    actors = set(names_in(list(named.subtree), people, [])) if named is not None and named_subject else set()
    if any(t.lemma_ == verb.lemma_ and not _intended(t) and _same_actors(ev, actors) for t, ev in found):
        return []  # "a pilot has died in a crash" ... "he died on Wednesday": dated in the text
    d = dates_mod.DateMention(text="", start=verb.idx, end=verb.idx, kind="published")
    resolved = dates_mod.Resolved(start=anchor, end=None, precision="day")
    return [(verb, make(doc, verb, d, doc[verb.i : verb.i], resolved, people))]


def _scheduled(verb: Token) -> Token:
    """ "The office is to begin issuing passes today": "be to" with an infinitive schedules the
    infinitive's happening."""
    if verb.lemma_.lower() != "be":
        return verb
    xcomp = [c for c in verb.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)]
    return xcomp[0] if xcomp else verb


def _side_clause(tok: Token, verb: Token) -> bool:
    """Is the token in a relative or reduced relative clause ("the levy rejected on Monday") rather
    than on the lede's main verb? Such a date dates that clause's happening, not the main news."""
    for _ in range(12):
        if tok.i == verb.i or tok.head.i == tok.i:
            return False
        if tok.dep_ in ("relcl", "acl") and tok.pos_ == "VERB":
            return True
        tok = tok.head
    return False


def _intended(verb: Token) -> bool:
    """ "hopes to announce it at the end of the week": an act still to come, not the lede's act told
    again."""
    return verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.children if c.dep_ == "aux")


def _same_actors(ev: EventFact, actors: set[str]) -> bool:
    """The same verb told of the same actors (or where the lede names none: "a pilot has died") is the
    same happening."""
    return not actors or not ev.participants or bool(actors & set(ev.participants))


def names_in(tokens: list[Token], people: list[PersonFact], have: list[str]) -> list[str]:
    """Whole names of the people, organisations and countries among the summary's words."""
    out = list(have)
    for tok in tokens:
        if tok.ent_type_ not in NAME_LABELS or tok.ent_iob_ != "B":
            continue
        ent = next((e for e in tok.sent.ents if e.start == tok.i), None)
        if ent is None:
            continue
        key = next((p.key for p in people for m in p.mentions if m.start <= tok.idx < m.end), None)
        name = key or whole_name(ent)
        if ent.label_ == "NORP" and key is None:
            continue  # "Swedish captain": an adjective of nationality names no side
        if name and name not in out and not any(name in o for o in out):
            out.append(name)
    return out
