"""One happening told twice in an article is one event: merging the events the passes found.

A caption and the text, "the merger" and "the 2019 merger", "the Tigers beat the Hawks" and "the Hawks
lost": the same kind on compatible dates with a shared participant or place is one happening, and the
most precise date wins. A happening of no known kind also needs the same verb, so one actor's two acts
on one day stay two.
"""

from __future__ import annotations

from spacy.tokens import Token

from app.extraction.types import EventFact

# A vote or a win is how a contest or a decision about a thing ended: told of the same thing on
# compatible dates ("X won the competition" / "the competition ended on Tuesday", "Lee voted against
# the bill on Monday" / "the bill was rejected on Monday") it is that happening, not another.
ENDING_KINDS = frozenset({"vote", "race"})
THING_PREPS = frozenset({"against", "for", "on", "over"})


def things_of(trigger: Token) -> set[str]:
    """The common nouns an event word is about: its subject and object, what is voted "against" or
    "for", and the noun a participle describes ("the bill rejected by the House")."""
    nouns = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    nouns += [o for c in trigger.children if c.lower_ in THING_PREPS for o in c.children if o.dep_ == "pobj"]
    if trigger.dep_ in ("acl", "relcl"):
        nouns.append(trigger.head)
    return {n.lemma_.lower() for n in nouns if n.pos_ == "NOUN"}


def merge(
    events: list[EventFact], lemmas: dict[int, str], things: dict[int, set[str]] | None = None
) -> list[EventFact]:
    """One event mentioned twice (a caption and the text, "the merger" and "the 2019 merger") is one
    event: same kind, compatible dates, shared participants or place; a happening of no known kind also
    needs the same verb. The most precise date wins."""
    out: list[EventFact] = []
    for ev in events:
        twin = next((o for o in out if _same(o, ev, lemmas) or _one_thing(o, ev, things or {})), None)
        if twin is None:
            out.append(ev)
            continue
        if _rank(ev) > _rank(twin):
            twin.date_start, twin.date_end, twin.date_precision = (
                ev.date_start,
                ev.date_end,
                ev.date_precision,
            )
            twin.date_text = ev.date_text
        twin.participants += [p for p in ev.participants if p not in twin.participants]
        twin.location = twin.location or ev.location
    return out


def _rank(ev: EventFact) -> int:
    return {"day": 3, "month": 2, "year": 1}.get(ev.date_precision or "", 0)


def _one_thing(a: EventFact, b: EventFact, things: dict[int, set[str]]) -> bool:
    """A vote or win told of the same thing as another happening on compatible dates (ENDING_KINDS)."""
    if not ({a.kind, b.kind} & ENDING_KINDS) or a.kind == b.kind or not _dates_compatible(a, b):
        return False
    return bool(things.get(id(a), set()) & things.get(id(b), set()))


def _same(a: EventFact, b: EventFact, lemmas: dict[int, str]) -> bool:
    if a.kind != b.kind or not _dates_compatible(a, b):
        return False
    if a.kind is None and lemmas.get(id(a)) != lemmas.get(id(b)) and a.summary != b.summary:
        return False  # "Lund sued the firm; Lund appealed": one actor, one day, two happenings
    if set(a.participants) & set(b.participants):
        return True
    if a.location and a.location == b.location:
        return True
    anonymous = not (a.participants and b.participants) and not (a.location and b.location)
    if a.kind is None:  # happenings of no known kind on one day are one only if told by one verb
        same_day = a.date_precision == b.date_precision == "day" and a.date_start == b.date_start
        return a.summary == b.summary or (same_day and lemmas.get(id(a)) == lemmas.get(id(b)))
    return anonymous and a.date_precision == b.date_precision == "day" and a.date_start == b.date_start


def _dates_compatible(a: EventFact, b: EventFact) -> bool:
    if a.date_start is None or b.date_start is None:
        both_undated = a.date_start is None and b.date_start is None
        return both_undated and (a.date_text == b.date_text or a.kind in ("election", "vote"))
    width = min(len(_iso(a)), len(_iso(b)))
    return _iso(a)[:width] == _iso(b)[:width]


def _iso(ev: EventFact) -> str:
    iso = ev.date_start.isoformat() if ev.date_start else ""
    return {"year": iso[:4], "month": iso[:7]}.get(ev.date_precision or "day", iso)
