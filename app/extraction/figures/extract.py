"""Figures in one article: numbers with their unit, what they measure, for when, and their topics.

Two passes. :mod:`quantities` finds every quantity expression in the raw text with exact offsets and a
normalised value. This module then decides, with the parse, which of them are figures: dates, years,
times of day, ordinals, page furniture, numbers inside names ("Terminal 5") and anaphoric
counts ("the two clubs") are not; a bare number becomes a figure when it counts a noun ("340
stores"), states an age, or stands as a value on its own ("rose to 127,350"). Each figure then gets
its measure and change/level reading (:mod:`measure`), its period (a date expression in its sentence,
resolved against the publication date), and topics from its own words (:mod:`topics`).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from spacy.tokens import Doc, Token

from app.extraction.figures.bare import bare_number, plural_after
from app.extraction.figures.contests import share_standings
from app.extraction.figures.counted import compound_count
from app.extraction.figures.ellipsis import (
    each_item_measure,
    each_measure,
    partition_measure,
    with_tally_measure,
)
from app.extraction.figures.framing import framed
from app.extraction.figures.measure import read
from app.extraction.figures.periods import period_of
from app.extraction.figures.positions import share_dated_counts, share_positions
from app.extraction.figures.qualified import qualified
from app.extraction.figures.quantities import Quantity, blocked_spans, scan
from app.extraction.figures.units import PEOPLE_NOUNS
from app.extraction.text import dates as dates_mod
from app.extraction.text.context import doc_text, span_at
from app.extraction.text.layout import furniture_spans
from app.extraction.topics import beat, classify_figure
from app.extraction.types import ArticleMeta, FigureFact
from app.keys import measure_key

SCORE_CONTEXT = re.compile(
    r"\b(?:beat|beats|beating|won|win|wins|winning|lost|lose|loses|losing|defeat\w*|draw|drew|victory|score\w*"
    r"|lead|led|vote\w*|passed|approved|rejected|majority|ruled|series|match|game|final)\b",
    re.IGNORECASE,
)
INSTRUMENT_AFTER = re.compile(
    r"\s+(?:government\s+|treasury\s+|benchmark\s+)?(?:bonds?|yields?|notes?|treasur(?:y|ies)|gilts?|bunds?"
    r"|mortgages?|loans?|debt|paper|swaps?|high|highs|low|lows|record|average)\b",
    re.IGNORECASE,
)
# Units of a count "each" can share out ("4 complaints each"); "$5 each" is a price, not a count.
EACH_UNITS = frozenset({"count", "people", "points", "goals", "votes", "seats"})
# Prepositions a listed measure may start with when its noun was left out ("21 were about repairs").
LIST_PREPS = frozenset({"about", "for", "against", "on", "over", "from", "with", "in"})
PERIOD_PREFIX = re.compile(
    r"(?:the\s+)?(?:first|last|past|next|previous|coming|recent|final|initial|latest)\s+$", re.IGNORECASE
)


def extract_figures(doc: Doc, meta: ArticleMeta) -> list[FigureFact]:
    """Every figure in the article, once per fact, conversions linked to what they convert."""
    text = doc_text(doc)
    anchor = meta.published_date
    mentions = dates_mod.find_dates(text)
    blocked = blocked_spans(text) + furniture_spans(text)
    found: list[tuple[Quantity, FigureFact]] = []
    story = beat(meta.title, text)
    for q in scan(text):
        if any(q.start < e and s < q.end for s, e in blocked):
            continue
        fact = _figure(doc, q, mentions, anchor, [f for _, f in found], story)
        if fact is not None:
            found.append((q, fact))
    share_standings([f for _, f in found], text)
    share_positions(doc, [f for _, f in found])
    share_dated_counts([f for _, f in found], text)
    kept = _dedupe(found, title_end=text.find("\n") if "\n" in text else len(text))
    _link_restatements(text, kept)
    _share_list_measures([f for _, f in kept], text)
    return [f for _, f in kept]


def _share_list_measures(facts: list[FigureFact], text: str) -> None:
    """ "41 parcels on day one, 18 on day two and 9 on day three": a figure with no measure of its
    own, listed after another figure of its unit in the same sentence (only commas,
    "and", "or" and short words between), measures the same thing."""
    for prev, fact in pairwise(facts):
        _borrow_noun(prev, fact)
        if fact.measure or not prev.measure or fact.unit != prev.unit:
            continue
        if fact.span.sentence_start != prev.span.sentence_start:
            continue
        between = text[prev.span.end : fact.span.start]
        if len(between.split()) <= 6 and re.search(r",|\b(?:and|or)\b", between):
            fact.measure = prev.measure


def _borrow_noun(prev: FigureFact, fact: FigureFact) -> None:
    """ "31 were letters about mooring fees, 22 were about parking": a measure that starts with the
    preposition the one before it continues with lacks the same noun: "complaints about repairs"."""
    words, before = (fact.measure or "").split(), (prev.measure or "").split()
    if fact.span.sentence_start != prev.span.sentence_start or len(words) < 2 or len(before) < 3:
        return
    if words[0] in LIST_PREPS and words[0] in before[1:3]:
        fact.measure = " ".join([*before[: before.index(words[0])], *words])


def _figure(
    doc: Doc, q: Quantity, mentions: list, anchor, before: list[FigureFact], story: Counter
) -> FigureFact | None:
    if _inside_date(q, mentions, doc):
        return None
    expr = doc.char_span(q.start, q.end, alignment_mode="expand")
    if expr is None or len(expr) == 0:
        return None
    counted: Token | None = None
    unit, value, core = q.unit, q.value, True
    if q.kind in ("number", "words") and q.range_end is not None:
        whole = doc.char_span(q.start, q.range_end, alignment_mode="expand")
        expr = whole if whole is not None else expr  # "ten to 32 pages": the pages count both ends
    if q.kind in ("number", "words"):
        verdict = bare_number(doc, q, expr, before)
        if verdict is None:
            return None
        unit, counted = verdict
        if counted is not None:
            q.end = max(q.end, counted.idx + len(counted.text))
    elif (
        (q.kind == "score" and not SCORE_CONTEXT.search(span_at(doc, q.start, q.end).sentence or ""))
        or (q.kind == "fraction" and not _fraction_ok(doc_text(doc), q))
        or (q.kind in ("duration", "age") and not _duration_ok(doc_text(doc), q))
    ):
        return None
    elif q.kind == "vague":
        unit = "people" if _of_people(doc_text(doc), q.end) else "count"
    if q.kind in ("age",) or unit == "age":
        unit = "years"
    if q.range_end is not None:
        q.end = max(q.end, q.range_end)
    span = span_at(doc, q.start, q.end)
    quantity = doc.char_span(q.start, q.end, alignment_mode="expand")
    if quantity is None:  # offsets outside the text: nothing to read
        return None
    reading = read(quantity, counted)
    measure = (
        _age_measure(doc, q)
        if q.kind == "age" or (q.kind == "number" and unit == "years")
        else qualified(
            partition_measure(quantity)
            or (each_measure(quantity, before) if unit in EACH_UNITS else None)
            or each_item_measure(quantity)
            or with_tally_measure(quantity)
            or compound_count(q.text, unit, framed(reading.measure, unit, quantity)),
            q,
            doc_text(doc),
        )
    )
    period = period_of(doc, q, span, mentions, anchor)
    topics = classify_figure(measure, span.sentence, unit, _context(doc_text(doc), span), story)
    return (
        FigureFact(
            text=span.text,
            value=value,
            unit=unit,
            span=span,
            measure=measure,
            period=period,
            approximate=q.approximate,
            qualifier=q.qualifier,
            is_change=reading.is_change,
            topics=topics,
            range_low=value if q.range_high is not None else None,
            range_high=q.range_high,
        )
        if core
        else None
    )


def _inside_date(q: Quantity, mentions: list, doc: Doc) -> bool:
    """A quantity that lies in a date expression is part of the date, except a year-like number that
    counts something ("2000 people")."""
    for d in mentions:
        if q.start < d.end and d.start < q.end:
            if d.kind == "year" and q.kind == "number" and q.unit is None:
                tok = doc.char_span(q.num_start, q.num_end, alignment_mode="expand")
                return not (tok is not None and plural_after(tok[-1]))
            return q.kind not in ("money", "percent", "unit")
    return False


def _age_measure(doc: Doc, q: Quantity) -> str:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    before = doc[span[0].i - 2] if span is not None and span[0].i > 1 else None
    return f"age of {before.text}" if before is not None and before.pos_ == "PROPN" else "age"


def _fraction_ok(text: str, q: Quantity) -> bool:
    """Fractions are figures ("half of all", "cut by a quarter", "more than a third"), but not dates
    ("first half", "third quarter of 2024"), ordinals ("a second season") or idioms ("half an hour")."""
    before = text[max(0, q.start - 12) : q.start].lower().split()
    after = text[q.end : q.end + 30].lower()
    if before and before[-1] in (
        "first",
        "second",
        "third",
        "fourth",
        "final",
        "last",
        "latest",
        "same",
        "previous",
        "each",
        "every",
        "other",
        "the",
    ):
        return False
    if "/" in q.text:
        return True  # "a 2/3 majority": written as a fraction, never an idiom
    if re.search(r"\s(?:in|out\s+of)\s", q.text):
        return True  # "one in five", "nine out of 10"
    if re.match(r"\s+of\s+(?:the\s+)?(?:year|\d{4}|fiscal|century|decade|season|an?\s)", after):
        return False
    if q.text.lower().startswith("half as"):
        return True  # "half as much as they need": a proportion
    word = q.text.lower().split()[-1] if q.text else ""
    if word == "half":
        return bool(re.match(r"\s+(?:of|the|as\s+(?:much|many)|that)\b", after))
    nxt = re.match(r"[\s-]+([a-z]+)", after)
    return nxt is None or nxt.group(1) in (
        "of",
        "since",
        "from",
        "in",
        "on",
        "to",
        "last",
        "this",
        "over",
        "compared",
        "while",
        "and",
        "or",
        "but",
        "than",
        "after",
        "year",
    )


def _duration_ok(text: str, q: Quantity) -> bool:
    """A duration is a figure unless it names a period ("the past five years", "the next two weeks") or
    an instrument or a benchmark ("10-year bond", "a 52-week high")."""
    if PERIOD_PREFIX.search(text[max(0, q.start - 20) : q.start]):
        return False
    return not (q.kind == "duration" and INSTRUMENT_AFTER.match(text, q.end))


def _of_people(text: str, end: int) -> bool:
    m = re.match(r"\s+of\s+(?:[\w-]+\s+){0,2}?([a-z-]+)", text[end : end + 60])
    return m is not None and m.group(1).lower() in PEOPLE_NOUNS


def _context(text: str, span) -> str:
    start = span.sentence_start or 0
    return text[max(0, start - 300) : start]


def _dedupe(found: list[tuple[Quantity, FigureFact]], title_end: int) -> list[tuple[Quantity, FigureFact]]:
    """A figure stated twice in one article (headline and body, caption and text) is one figure; the
    same number for different measures stays twice."""
    kept: list[tuple[Quantity, FigureFact]] = []
    for q, fact in found:
        twin = next((i for i, (_, k) in enumerate(kept) if _same_fact(k, fact, title_end)), None)
        if twin is None:
            kept.append((q, fact))
        elif kept[twin][1].span.start < title_end:
            kept[twin] = (q, fact)  # prefer the body's statement over the headline's
    return kept


def _same_fact(a: FigureFact, b: FigureFact, title_end: int) -> bool:
    if a.value is None or a.value != b.value or a.unit != b.unit:
        return False
    if a.span.start < title_end or b.span.start < title_end:
        return True
    unit_words = {a.unit or "", (a.unit or "").removesuffix("s")}  # "Lee's points" vs "Ito's points"
    ka = set(measure_key(a.measure).split()) - unit_words
    kb = set(measure_key(b.measure).split()) - unit_words
    if not ka or not kb:
        return a.unit not in ("years", "months", "weeks", "days", "count", "people")
    return len(ka & kb) / min(len(ka), len(kb)) >= 0.5


def _link_restatements(text: str, kept: list[tuple[Quantity, FigureFact]]) -> None:
    """ "£2.8bn ($3.5bn)", "1,200 miles (1,931 km)": the figure in parentheses restates the one before."""
    for i in range(1, len(kept)):
        (_, a), (_, b) = kept[i - 1], kept[i]
        gap = text[a.span.end : b.span.start]
        if (
            re.fullmatch(r"\s*\(\s*(?:about|around|roughly|approximately|some|or|about\s+)?", gap)
            and text[b.span.end : b.span.end + 2].lstrip().startswith(")")
            and a.unit != b.unit
        ):
            b.restates = i - 1
            b.measure = b.measure or a.measure
            b.period = b.period or a.period
            b.topics = a.topics
