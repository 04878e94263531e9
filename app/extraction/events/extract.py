"""Events in one article: visits, meetings, statements, invasions, elections, rulings, strikes, races ...

An event is found from its date: every date expression is attached to the event word it modifies
("visited Nairobi in 2009", "the 2019 merger", "said on Tuesday", "talks will resume on Oct. 21"),
by the parse first and by proximity where the parser attaches a date too high. What the event is
(summary), who took part and where come from that word's clause. Dates resolve against the
publication date with the tense deciding the direction of "Thursday" or "in October".

Without a resolvable date an event is not emitted by default (``include_undated``): an undated event
is hard to use and to merge across sources, and relative dates in an article without a publication
date cannot be resolved honestly. The expression is kept in ``date_text`` when such events are asked for.
"""

from __future__ import annotations

import re
from datetime import timedelta

from spacy.tokens import Doc, Span, Token

from app.extraction.events.actors import participants_of
from app.extraction.events.clauses import clause_events, conjoined, lede_event, lede_sentence, names_in
from app.extraction.events.clauses import governing_verb as clause_verb
from app.extraction.events.derived import dated_by_neighbour, previous_ones, term_claims
from app.extraction.events.followups import follow_ups
from app.extraction.events.merge import merge, things_of
from app.extraction.events.parts import location_of, render, summary_tokens, twin_of
from app.extraction.events.words import kind_of, not_own_event
from app.extraction.text import dates as dates_mod
from app.extraction.text.context import doc_text, span_at
from app.extraction.text.layout import furniture_spans
from app.extraction.topics import classify
from app.extraction.types import ArticleMeta, EventFact, PersonFact
from app.lexicon.events import LIGHT_VERBS
from app.tuning import tuning

BASE_WORDS = re.compile(r"^(?:since|from|until|till|by|before|after|through)\b", re.IGNORECASE)
BASE_BEFORE = re.compile(
    r"(?:since|from|until|till|by|before|after|through|than|as of|compared (?:with|to))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Between two date mentions: the second ends a range or qualifies the first.
JOINER = re.compile(r"^\s*(?:and|to|until|till|through|of|[-–])\s*$", re.IGNORECASE)
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
FUTURE_HEADS = frozenset({"schedule", "expect", "set", "due", "plan", "go", "intend", "aim", "prepare"})


def extract_events(
    doc: Doc, people: list[PersonFact], meta: ArticleMeta, include_undated: bool = False
) -> list[EventFact]:
    """Every dated event in the article, merged where the article mentions one event twice."""
    anchor = meta.published_date
    blocked = furniture_spans(doc_text(doc))
    found: list[tuple[Token, EventFact]] = []
    spare: list[tuple[dates_mod.DateMention, Span, dates_mod.Resolved]] = []
    dated: dict[int, tuple[dates_mod.DateMention, Span, dates_mod.Resolved]] = {}
    mentions = sorted(dates_mod.find_dates(doc_text(doc)), key=lambda m: m.start)
    for i, d in enumerate(mentions):
        if d.kind not in dates_mod.EVENT_DATE_KINDS or any(s <= d.start < e for s, e in blocked):
            continue
        if i and JOINER.match(doc_text(doc)[mentions[i - 1].end : d.start]):
            continue  # "from May 2 to May 9", "in 1997 and 1998", "March 16 of this year": one date
        dspan = _with_part_of_day(doc.char_span(d.start, d.end, alignment_mode="expand"))
        if dspan is None or len(dspan) == 0:
            continue
        opens = i + 1 < len(mentions) and bool(JOINER.match(doc_text(doc)[d.end : mentions[i + 1].start]))
        trigger = _trigger_for(dspan)
        if trigger is None or _reported(dspan.root, trigger):
            _spare(spare, d, dspan, anchor, doc_text(doc), opens)
            continue  # "warned that the plant could close next month": a date inside what was said
        if (not opens and _is_base(doc_text(doc), d, dspan, trigger)) or not_own_event(trigger):
            continue
        resolved = dates_mod.resolve(d, anchor, _tense(trigger))
        if resolved is None and not include_undated:
            continue
        found.append((trigger, make_event(doc, trigger, d, dspan, resolved, people)))
        if resolved is not None:
            dated[trigger.i] = (d, dspan, resolved)
    found += clause_events(doc, spare, people, make_event, dated)
    found += conjoined(doc, found, dated, people, make_event)
    found += dated_by_neighbour(found, people, make_event)
    found += term_claims(doc, found, people, anchor, make_event)
    found += previous_ones(doc, found, people, anchor, make_event)
    lede = lede_sentence(doc, _body_start(blocked))
    found += lede_event(doc, found, lede, anchor, people, make_event)
    found += follow_ups(doc, found, lede, people, make_event)
    lemmas = {id(ev): t.lemma_.lower() for t, ev in found}
    things = {id(ev): things_of(t) for t, ev in found}
    return merge([ev for _, ev in found], lemmas, things)


def _spare(spare: list, d, dspan: Span, anchor, text: str, opens: bool) -> None:
    """Keep a date that dated no event word for the clause pass, unless it is a reference point
    ("since May"; but "from May 2 to May 9" opens a range)."""
    base = BASE_WORDS.match(d.text) or BASE_BEFORE.search(text[max(0, d.start - 20) : d.start])
    origin = (
        dspan.root.dep_ == "pobj" and dspan.root.head.lower_ == "from" and dspan.root.head.head.pos_ == "NOUN"
    )
    if base and not opens and not origin:  # "posts from Friday theorized ...": when the posts were made
        return
    verb = clause_verb(dspan)
    resolved = dates_mod.resolve(d, anchor, _tense(verb) if verb is not None else None)
    if resolved is not None:
        spare.append((d, dspan, resolved))


def _with_part_of_day(dspan: Span | None) -> Span | None:
    """ "on Saturday Night": a part of the day the weekday modifies belongs to the date, so the date
    hangs where the whole phrase hangs (the parser makes the weekday a compound of "Night")."""
    if dspan is None or len(dspan) == 0 or dspan.end >= len(dspan.doc):
        return dspan
    after = dspan.doc[dspan.end]
    if after.lower_ in PARTS_OF_DAY and dspan.root.head.i == after.i:
        return dspan.doc[dspan.start : after.i + 1]
    return dspan


def _body_start(blocked: list[tuple[int, int]]) -> int:
    """Where running text starts: after the last furniture line (date line, byline) near the top."""
    top = [e for s, e in blocked if s < 400]
    return max(top, default=0)


def _trigger_for(dspan: Span) -> Token | None:
    """The event word a date modifies: its syntactic head if that names an event, else the nearest event
    word to its left in the same clause, else an event word up the tree or carried by a light verb."""
    root = dspan.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif root.dep_ == "prep":
        head = root.head
    if head.i == root.i:
        head = root
    if kind_of(head):
        if head.pos_ != "VERB" and head.dep_ == "dobj" and kind_of(head.head):
            return head.head  # "confirmed Ali's resignation on Tuesday": the confirming happened on Tuesday
        return _through_launch(head)
    if root.dep_ in ("compound", "nummod", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN"):
        return None  # "the 2011 warehouse fire": the date of something that is not an event word
    left = _nearest_left(dspan)
    if left is not None:
        return _through_launch(left)
    tok = head
    for _ in range(3):
        carried = _carried(tok)
        if carried is not None:
            return carried
        if tok.head.i == tok.i or tok.sent.start != tok.head.sent.start or not _same_line(tok, tok.head):
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_ not in LIGHT_VERBS:
            return None
        tok = tok.head
        if kind_of(tok):
            return _through_launch(tok)
    return None


def _through_launch(tok: Token) -> Token:
    """ "the start of the strike": the event is the strike."""
    if tok.lemma_.lower() in ("launch", "opening", "start", "beginning", "outbreak"):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and kind_of(obj) and kind_of(obj) != "launch":
                    return obj
    return tok


def _carried(tok: Token) -> Token | None:
    """An event named by the subject or object of a light verb ("talks will resume", "held a summit")."""
    if tok.lemma_.lower() not in LIGHT_VERBS:
        return None
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and kind_of(child):
            return _through_launch(child)
    return tok if kind_of(tok) else None


def _nearest_left(dspan: Span) -> Token | None:
    doc = dspan.doc
    start = dspan.start
    for i in range(start - 1, max(dspan.sent.start, start - tuning().event_max_left) - 1, -1):
        tok = doc[i]
        if tok.text in (";", ":", "—", "–", "(", ")") or "\n" in tok.text:
            return None
        if kind_of(tok):
            return tok
        if tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or (tok.pos_ == "VERB" and tok.dep_ != "amod"):
            return None  # another clause's verb: the date is not about what lies before it
    return None


def _same_line(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in doc_text(a.doc)[lo:hi]


def _is_base(text: str, d, dspan: Span, trigger: Token) -> bool:
    """ "since the merger", "until 2030": a reference point, not the event's date — except a year
    modifying the event word itself ("since the 2019 merger")."""
    if dspan.root.head.i == trigger.i and dspan.root.dep_ in ("compound", "nummod", "amod", "npadvmod"):
        return False
    return bool(BASE_WORDS.match(d.text) or BASE_BEFORE.search(text[max(0, d.start - 20) : d.start]))


def _tense(trigger: Token) -> dates_mod.Direction:
    """Past for "visited", future for "will visit", "is scheduled to visit" or reported "would meet";
    a dependent verb ("came back to beat", "sentencing him, the judge said") takes its head's tense."""
    verb = trigger
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    for _ in range(3):
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if auxes & {"will", "'ll", "shall", "wo"} or ("would" in auxes and verb.dep_ == "ccomp"):
            return "future"
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FUTURE_HEADS:
            return "future"
        if "to" in auxes and verb.head.lemma_.lower() in FUTURE_HEADS | {"be"}:
            return "future"  # "is to be held", "set to take place"
        if verb.lemma_ == "be" and any(
            c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children
        ):
            return "future"  # "the referendum is to be held in November"
        if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not auxes & {"be", "is", "are", "will"}):
            return "past"
        if verb.dep_ not in ("xcomp", "advcl", "conj", "pcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def make_event(doc: Doc, trigger: Token, d, dspan: Span, resolved, people: list[PersonFact]) -> EventFact:
    """An EventFact for a trigger word and its (possibly unresolved) date mention."""
    skip = _range_end(dspan) | (
        set() if _names_the_event(dspan, trigger) else set(range(dspan.start, dspan.end))
    )
    tokens = summary_tokens(trigger, skip)
    summary = render(tokens)
    twin = twin_of(trigger) if len(tokens) <= 2 and trigger.pos_ != "VERB" else None
    if (
        twin is not None
    ):  # "the acquisition": say whose, from the fuller mention ("Halden's acquisition of Brightmart")
        summary = render(summary_tokens(twin, set()))
    lo = min([t.idx for t in tokens] + [d.start])
    hi = max([t.idx + len(t.text) for t in tokens] + [d.end])
    span = span_at(doc, lo, hi)
    kind = kind_of(trigger)
    start = end = precision = None
    if resolved is not None:
        start, end, precision = resolved.start, resolved.end, resolved.precision
        days = _duration_days(trigger)
        if end is None and precision == "day" and days:
            end = start + timedelta(days=days - 1)
    return EventFact(
        summary=summary,
        span=span,
        kind=kind,
        date_start=start,
        date_end=end,
        date_precision=precision,
        date_text=d.text,
        location=location_of(trigger, skip),
        participants=names_in(tokens, people, participants_of(trigger, people)),
        topics=classify(summary, 2),
    )


def _names_the_event(dspan: Span, trigger: Token) -> bool:
    """ "the 1998 floods", "her 2011 win": a year before the event noun is part of what the happening
    is called, so the summary keeps it (without it, "the floods" says which floods no longer)."""
    root = dspan.root
    return (
        trigger.pos_ in ("NOUN", "PROPN")
        and root.head.i == trigger.i
        and root.i < trigger.i
        and root.dep_ in ("nummod", "compound", "amod", "nmod")
        and bool(re.fullmatch(r"\d{4}", dspan.text.strip()))
    )


def _range_end(dspan: Span) -> set[int]:
    """ "held from April 2 to April 9": the range's second date is part of the date, not of the summary."""
    doc, i = dspan.doc, dspan.end
    if len(dspan) == 0 or i + 1 >= len(doc) or not JOINER.match(doc[i].text):
        return set()
    line_end = doc_text(doc).find("\n", doc[i].idx)
    rest = doc_text(doc)[doc[i + 1].idx : line_end if line_end > 0 else len(doc_text(doc))]
    second = next((m for m in dates_mod.find_dates(rest, doc[i + 1].idx) if m.start == doc[i + 1].idx), None)
    if second is None or second.kind not in dates_mod.EVENT_DATE_KINDS:
        return set()  # "sentenced on Tuesday to 14 years": a term, not the end of a range
    end = doc.char_span(second.start, second.end, alignment_mode="expand")
    return {i} | (set(range(end.start, end.end)) if end is not None else set())


def _duration_days(trigger: Token) -> int | None:
    """ "a three-day strike": the event lasts three days."""
    for child in trigger.lefts:
        m = re.match(r"(\w+)-day$", child.text.lower()) or re.match(
            r"(\w+)-day$", child.text.lower() + "-day" if child.nbor(1).text == "-" else ""
        )
        if m:
            word = m.group(1)
            n = int(word) if word.isdigit() else dates_mod.NUMBER_WORDS.get(word)
            if n and 1 < n <= 14:
                return n
    return None


def _reported(date_root: Token, trigger: Token) -> bool:
    """Is the date inside the reported clause of a statement (its ccomp), not on the statement itself?"""
    if kind_of(trigger) != "statement":
        return False
    head = date_root.head.head if date_root.dep_ == "pobj" else date_root.head
    if head.pos_ not in ("VERB", "AUX"):
        return False  # a date on a noun is more often a parse slip than reported content
    clauses = [c for c in trigger.children if c.dep_ in ("ccomp", "xcomp")]
    return any(head.i in {t.i for t in c.subtree} for c in clauses)
