"""Figures listed for consecutive periods: "the first three days of the strike had 41, 18 and 9
arrests" gives each number its own period, in order: "arrests on day one of the strike", ...

The sentence names the periods once ("the first three days of X") and lists one number per period;
a reader pairs them up in order, as "respectively" would.
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Doc, Token

from app.extraction.types import FigureFact

COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
ORDINAL_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
PERIOD_NOUNS = frozenset(
    {"day", "week", "month", "year", "quarter", "round", "game", "match", "lap", "stage"}
)
# Plural nouns that only say "numbers" ("daily totals of 41, 18 and 9 arrests"): not what was counted.
NOT_COUNTED = frozenset({"totals", "figures", "numbers", "levels", "amounts", "counts", "values"})
LIST_JOINT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
# A number joined to the run before or after it: the list is longer than the periods named.
MORE_BEFORE = re.compile(r"\d\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)$")
MORE_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)\d")


def share_positions(doc: Doc, facts: list[FigureFact]) -> None:
    """Each figure of a list of k numbers in a sentence that names "the first k <periods> of X" is the
    counted noun on its period: "arrests on day two of the strike", "profits in quarter two"."""
    for first in doc:
        if first.lower_ != "first":
            continue
        periods = _periods(first)
        if periods is None:
            continue
        k, period, of_what = periods
        sentence = first.sent
        listed = _list_in(facts, sentence.start_char, sentence.end_char, doc.text, k)
        noun = _counted_noun(listed, sentence, period) if listed else None
        if noun is None:
            continue
        on = "on" if period.lemma_ == "day" else "in"  # "on day one", "in quarter two"
        for i, fact in enumerate(listed):
            fact.measure = f"{noun} {on} {period.lemma_} {ORDINAL_WORDS[i]}" + (
                f" of {of_what}" if of_what else ""
            )


def _periods(first: Token) -> tuple[int, Token, str] | None:
    """ "the first three days of the strike" -> (3, days, "the strike")."""
    doc = first.doc
    if first.i + 2 >= len(doc):
        return None
    number, period = doc[first.i + 1], doc[first.i + 2]
    k = COUNTS.get(number.lower_) or (int(number.text) if number.text.isdigit() else 0)
    if not 2 <= k <= len(ORDINAL_WORDS) or period.lemma_.lower() not in PERIOD_NOUNS or period.tag_ != "NNS":
        return None
    of = next((c for c in period.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    of_what = " ".join(t.text for t in of.subtree)[3:] if of is not None else ""
    return k, period, of_what


def _list_in(facts: list[FigureFact], start: int, end: int, text: str, k: int) -> list[FigureFact]:
    """The k figures of the sentence written as one list ("41, 18 and 9 arrests"), or none."""
    inside = [f for f in facts if start <= f.span.start < end]
    for at in range(len(inside) - k + 1):
        run = inside[at : at + k]
        if all(LIST_JOINT.fullmatch(text, a.span.end, b.span.start) for a, b in pairwise(run)):
            longer = MORE_BEFORE.search(text, max(0, run[0].span.start - 20), run[0].span.start)
            if longer is None and MORE_AFTER.match(text, run[-1].span.end) is None:
                return run
    return []


def _counted_noun(listed: list[FigureFact], sentence, period: Token) -> str | None:
    """The noun the list counts: written after its last number ("41, 18 and 9 arrests"), or the
    sentence's first plural noun other than the periods and words for "numbers"."""
    for fact in reversed(listed):
        words = fact.text.split()
        if fact.unit in ("count", "people") and len(words) > 1 and words[-1].isalpha():
            return words[-1]
    return next(
        (t.text for t in sentence if t.tag_ == "NNS" and t.i != period.i and t.lower_ not in NOT_COUNTED),
        None,
    )


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# "June 9 with 12 arrests", "June 3, 2024, with 8", "April 2 when 40 ...": a count for a named day.
DATED_WITH = re.compile(
    rf"\b(?P<date>(?:{_MONTHS})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS}))(?:,?\s+\d{{4}}|\s+of\s+(?:this|last)\s+year)?"
    r"(?:\s+with|,?\s+when)\s+$"
)


def share_dated_counts(facts: list[FigureFact], text: str) -> None:
    """ "apart from June 9 with 12 arrests and June 8 with 19", "since April 2 when 40
    arrests were made": a count "with" or "when" right after a named day is the count on that
    day, "arrests on June 9"; a bare number takes the noun of the count before it in the
    sentence."""
    for at, fact in enumerate(facts):
        start = fact.span.sentence_start or max(0, fact.span.start - 200)
        dated = DATED_WITH.search(text, max(start, fact.span.start - 60), fact.span.start)
        if dated is None:
            continue
        noun = _noun_of(fact) or next(
            (n for f in reversed(facts[:at]) if (f.span.sentence_start or 0) >= start and (n := _noun_of(f))),
            None,
        )
        if noun is not None:
            fact.measure = f"{noun} on {dated.group('date')}"


def _noun_of(fact: FigureFact) -> str | None:
    """The noun a count is written with ("15 complaints"); amounts of money or percentages have none."""
    words = fact.text.split()
    counted = fact.unit in ("count", "people") and len(words) > 1
    return words[-1] if counted and words[-1].isalpha() and words[-1].islower() else None
