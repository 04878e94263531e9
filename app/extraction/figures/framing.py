"""Frame a measure the way a reader names a measurement: the dimension before the thing measured.

The parse gives the thing ("the rotating pig", "the climb", "the market"); a reader says what about
it was measured: "height of the rotating pig", "length of the climb", "share of the market". The
dimension comes from an adjective next to the number ("15 metres high") or from the unit's family
(:mod:`app.lexicon.dimensions`); percentages of something are shares of it.
"""

from __future__ import annotations

from spacy.tokens import Span

from app.extraction.figures.amounts import money_measure
from app.extraction.figures.brackets import unbracketed
from app.extraction.figures.cleanup import cleaned
from app.extraction.figures.documents import page_length
from app.extraction.figures.durations import duration_measure
from app.extraction.figures.levels import level_measure, tall_dimension
from app.extraction.figures.needs import required_measure
from app.extraction.figures.phrases import noun_phrase
from app.extraction.figures.shares import share_doing, share_it_was, share_of_these
from app.extraction.figures.tallies import tally_measure
from app.lexicon.dimensions import ADJECTIVE_DIMENSIONS, DIMENSION_NOUNS, UNIT_DIMENSIONS
from app.lexicon.participles import IRREGULAR_PARTICIPLES

SHARE_UNITS = frozenset({"percent"})
# Units written as the plural noun they count: a bare name as the measure holds that many of them.
COUNT_NOUN_UNITS = frozenset({"points", "goals", "votes", "seats", "laps", "runs", "wickets", "medals"})


def framed(measure: str | None, unit: str | None, quantity: Span) -> str | None:
    """``measure`` with its dimension in front when the figure is a physical size or a share; a bare
    verb ("came", "rated") says nothing a reader could use and is dropped. A length of time that is
    a term (a sentence, a deadline, time spent) is named as that term (:mod:`durations`)."""
    term = (
        duration_measure(quantity, unit)
        or level_measure(quantity, unit)
        or money_measure(quantity, unit)
        or page_length(quantity)
        or required_measure(quantity)
    )
    if term is not None:
        return term
    if measure is not None and _bare_verb(measure, quantity):
        measure = None
    measure = cleaned(measure, quantity)
    if unit in SHARE_UNITS:
        return unbracketed(_share(measure, quantity), quantity)
    measure = unbracketed(measure, quantity)
    if (tally := tally_measure(measure, unit, quantity)) is not None:
        return tally
    if measure is not None and unit in COUNT_NOUN_UNITS and (owner := _tally_owner(measure, quantity)):
        return f"{owner}'s {unit}"  # "Lee had 22 points, Price 17": Price's points
    dimension = (
        _adjective_dimension(quantity) or tall_dimension(quantity, unit) or UNIT_DIMENSIONS.get(unit or "")
    )
    if dimension is None or measure is None or _says_dimension(measure):
        return measure
    first, _, rest = measure.partition(" ")
    if rest and ADJECTIVE_DIMENSIONS.get(first.lower()) == dimension:
        measure = rest  # "a 15 metre high mast": the height of the mast, not of the "high mast"
    if len(measure.split()) > 2 and measure.split()[1] == "by" and _is_participle(measure.split()[0]):
        return f"{dimension} {measure}"  # "distance traveled by the team", not "distance of traveled"
    return f"{dimension} of {measure}"


def _is_participle(word: str) -> bool:
    return word.endswith("ed") or word in IRREGULAR_PARTICIPLES.values()


def _is_name(measure: str, quantity: Span) -> bool:
    """Whether the measure is only a proper name of the figure's sentence ("Price", "Ana Lutz")."""
    names = {t.text for t in quantity.sent if t.pos_ == "PROPN"}
    words = measure.replace(",", " ").split()
    return bool(words) and all(w in names or w in (".", "Jr.", "Jr") for w in words)


def _tally_owner(measure: str, quantity: Span) -> str | None:
    """The name a tally belongs to: the measure itself when it is a name, or the named subject of a
    verb the tally comes "with" ("Ana Lutz finished third with 41 points": Ana Lutz's points)."""
    if _is_name(measure, quantity):
        return measure
    words = measure.split()
    before = quantity.doc[quantity.start - 1] if quantity.start > 0 else None
    if len(words) < 2 or before is None or before.lower_ != "with":
        return None
    verbs = {t.text for t in quantity.sent if t.pos_ == "VERB"}
    owner = " ".join(words[:-1])
    return owner if words[-1] in verbs and _is_name(owner, quantity) else None


def _bare_verb(measure: str, quantity: Span) -> bool:
    words = measure.split()
    return len(words) == 1 and any(t.text == words[0] and t.pos_ in ("VERB", "AUX") for t in quantity.sent)


def _says_dimension(measure: str) -> bool:
    return any(w.lower().strip(",.") in DIMENSION_NOUNS for w in measure.split()[:4])


def _adjective_dimension(quantity: Span) -> str | None:
    doc = quantity.doc
    around = [doc[i] for i in (quantity.end, quantity.end + 1, quantity.start - 1) if 0 <= i < len(doc)]
    for tok in around:
        if tok.lower_ in ADJECTIVE_DIMENSIONS:
            return ADJECTIVE_DIMENSIONS[tok.lower_]
    return None


def _share(measure: str | None, quantity: Span) -> str | None:
    """ "39 percent of the flaws", "one in three visits": a share of what follows the number."""
    inside = set(range(quantity.start, quantity.end))
    whole = _of_whole(quantity, inside)
    if whole is None:
        return share_of_these(quantity) or share_it_was(quantity) or measure
    if (doing := share_doing(whole, quantity)) is not None:
        return doing
    if measure and whole.lower() in measure.lower():
        return measure if measure.lower().startswith("share") else f"share of {measure}"
    if measure and any(ch.isdigit() for ch in measure):
        return f"share of {whole}"  # the clause around it holds another figure: it says nothing of this one
    return f"share of {whole}" + (f" ({measure})" if measure and len(measure.split()) > 1 else "")


def _of_whole(quantity: Span, inside: set[int]) -> str | None:
    doc = quantity.doc
    for tok in quantity:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i not in inside:
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ != "PRON":
                    return noun_phrase(obj, inside)
    nxt = doc[quantity.end] if quantity.end < len(doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ == "NNS":
        return noun_phrase(nxt, inside)  # "one in three visits to the site"
    return None
