"""Whether a number with no unit of its own is a figure, and what it counts.

A bare number is a figure when it counts a plural noun ("340 stores"), a named group's members, an
age, or stands as a total ("the toll rose to 41"); it is not one when it refers back ("the two
clubs"), names something ("Terminal 5", "posts 542 and 543") or is a year.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from app.extraction.figures.ellipsis import counted_before, elliptical_unit, unit_left_out
from app.extraction.figures.quantity import Quantity
from app.extraction.figures.units import NOT_COUNTED, PEOPLE_NOUNS
from app.extraction.text import dates as dates_mod
from app.extraction.text.context import doc_text
from app.extraction.types import FigureFact
from app.lexicon import words_of
from app.tuning import tuning

TIME_NOUNS = (
    words_of(
        """
second seconds minute minutes hour hours day days week weeks month months year years decade decades
century centuries am pm a.m. p.m. o'clock percent winter winters summer summers season seasons
"""
    )
    | {m.lower() for m in dates_mod.MONTHS}
    | set(dates_mod.WEEKDAYS)
)
REFERENCE_WORDS = words_of(
    """
the these those all both its their his her our my your each every first last next past top previous
other remaining final same
"""
)
POINTING_WORDS = words_of("these those both each every same first last top previous")
STANDALONE_DEPS = frozenset({"dobj", "pobj", "attr", "appos", "conj", "nsubj", "npadvmod", "ROOT", "oprd"})
TOTAL_NOUNS = frozenset({"total", "toll", "tally", "number", "count", "figure", "bring"})


def plural_after(tok: Token) -> bool:
    """A year-like number counts people ("2000 protesters", "about 1500 troops"), not events or things
    ("Ford's 2019 accounts", "the 2024 elections", which are dates used as modifiers)."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    blocking = (
        ("POS", "PRP$", "IN", "DT") if prev is None or prev.lower_ != "of" else ()
    )  # "a poll of 1500 voters"
    if prev is not None and (prev.lower_ in REFERENCE_WORDS or prev.tag_ in blocking):
        return False
    return nxt is not None and nxt.lower_ in PEOPLE_NOUNS


def bare_number(
    doc: Doc, q: Quantity, expr: Span, before: list[FigureFact]
) -> tuple[str, Token | None] | None:
    """(unit, counted noun) for a number with no unit of its own, or None when it is not a figure."""
    text = doc_text(doc)
    if q.end < len(text) and (text[q.end].isalpha() or text[q.end] in "°"):
        return None  # "2nd", "5G", "100m": an ordinal or part of a word
    first = expr[0]
    prev = doc[first.i - 1] if first.i > 0 else None
    if prev is not None and _refers_back(prev, q):
        return None  # "the two clubs", "these three judges": a reference, not a count
    if prev is not None and _name_part(prev, first):
        return None  # "Terminal 5", "S&P 500", "iPhone 17"
    if prev is not None and _label_after_noun(first):
        return None  # "police posts 542 and 543", "room 101": a number that names, not counts
    counted = _counted_noun(expr[-1]) or _one_of_counted(expr[-1], q, before)
    if counted is not None:
        idiom = q.value == 1 and counted.lower_ not in PEOPLE_NOUNS and counted.lemma_ not in ("person",)
        if idiom and not counted_before(counted, before):
            return None  # "one" is mostly an idiom ("one of the", "one day")
        return ("people" if counted.lower_ in PEOPLE_NOUNS else "count"), counted
    if is_age(doc, expr, q):
        return "age", None
    if (shared := unit_left_out(text, q, before)) is not None:
        return shared, None
    if q.kind == "words" or q.value is None:
        return None
    root = expr.root
    if root.dep_ not in STANDALONE_DEPS:
        return None
    raw = text[q.num_start : q.num_end]
    if raw.isdigit() and 1800 <= q.value <= 2100:
        return None  # a year, even where the date around it is malformed ("2024-13-45")
    written_once = elliptical_unit(q, root, before)
    if written_once is not None and written_once[0] != "count":
        return written_once  # "Okafor has 212 points; Lindqvist, 198": the unit written once, at any size
    if "," in raw or "." in raw or q.value >= 100 or _total_context(root):
        return "count", None
    return written_once


def _refers_back(prev: Token, q: Quantity) -> bool:
    """A number after a determiner is a reference to things already counted when the determiner points
    back ("these three", "both", "the same two") or the number is too small to be news ("the two
    clubs", "all three judges"); "the 163 teams in the contest", "all seven crew aboard", "the next ten
    laps" are counts."""
    word = prev.lower_
    if word in POINTING_WORDS:
        return True
    limit = tuning().reference_max_count + (1 if word == "all" else 0)  # "all three" sums up a list
    return word in REFERENCE_WORDS and (q.value is None or q.value <= limit)


def _total_context(tok: Token) -> bool:
    """ "bringing the total to 61", "the death toll rose to 45": a small bare number that is a count."""
    for anc in list(tok.ancestors)[:3]:
        if anc.lemma_.lower() in TOTAL_NOUNS or any(c.lemma_.lower() in TOTAL_NOUNS for c in anc.children):
            return True
    return False


def _label_after_noun(tok: Token) -> bool:
    """A bare number straight after a common noun is its label ("gate 12", "posts 542 and 543"); so is
    a number listed with one."""
    doc = tok.doc
    i = tok.i
    if i >= 2 and doc[i - 1].lower_ in ("and", "or", ",") and doc[i - 2].like_num:
        i -= 2
    prev = doc[i - 1] if i > 0 else None
    return prev is not None and prev.tag_ in ("NN", "NNS") and prev.lower_ not in TOTAL_NOUNS


def _name_part(prev: Token, tok: Token) -> bool:
    if prev.pos_ != "PROPN" or prev.lower_ in dates_mod.MONTHS or prev.lower_ in dates_mod.WEEKDAYS:
        return False
    return prev.idx + len(prev.text) + 1 >= tok.idx and not prev.is_punct


def _one_of_counted(tok: Token, q: Quantity, before: list[FigureFact]) -> Token | None:
    """ "one rocket" where the article already counted rockets: the singular noun "one" counts."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if q.value != 1 or nxt is None or nxt.tag_ != "NN":
        return None
    return nxt if counted_before(nxt, before) else None


def _counted_noun(tok: Token) -> Token | None:
    """The plural noun a number counts: its syntactic head, or the first noun after a few modifiers
    ("12 Dutch and Swiss-based lenders")."""
    doc = tok.doc
    cand = None
    if (
        tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod")
        and tok.head.i > tok.i
        and tok.head.tag_ in ("NNS", "NNPS")
        and tok.head.i - tok.i <= 7
    ):
        cand = tok.head
    else:
        for j in range(tok.i + 1, min(tok.i + 8, len(doc))):
            t = doc[j]
            if t.tag_ in ("NNS", "NNPS") or (t.pos_ == "NOUN" and t.dep_ not in ("compound", "amod", "nmod")):
                cand = t
                break
            if not (t.tag_ in ("JJ", "NNP", "NN", "VBN", "VBG", "HYPH") or t.text in ("-", "and", "&")):
                break
    if cand is None or cand.lower_ in TIME_NOUNS or cand.lemma_.lower() in NOT_COUNTED:
        return None
    if cand.tag_ not in ("NNS", "NNPS") and cand.lower_ not in PEOPLE_NOUNS:
        return None
    if any(doc[i].is_punct and doc[i].text not in "-–" for i in range(tok.i + 1, cand.i)):
        return None
    return cand


def is_age(doc: Doc, expr: Span, q: Quantity) -> bool:
    """ "Sawe, 29, won ..." or "aged 52": an age, recorded as a non-core figure in years."""
    if q.value is None or not (0 < q.value < 120) or q.value != int(q.value):
        return False
    first, last = expr[0], expr[-1]
    prev = doc[first.i - 1] if first.i > 0 else None
    if prev is not None and prev.lower_ in ("aged", "age"):
        return True
    if prev is not None and prev.lower_ == "now" and first.i > 1:
        prev, first = doc[first.i - 2], doc[first.i - 1]  # "Marcus Bell, now 51,"
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    before = doc[first.i - 2] if first.i > 1 else None
    return (
        prev is not None
        and prev.text == ","
        and nxt is not None
        and nxt.text in (",", ")")
        and before is not None
        and (before.ent_type_ == "PERSON" or before.pos_ == "PROPN")
    )
