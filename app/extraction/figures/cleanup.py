"""Last touches that keep a measure a noun phrase a reader would say:

- a relative word never opens it ("whose claim acceptance rate" is "claim acceptance rate");
- a bare dimension noun keeps its "above"/"below" reference ("height above sea level"), or names the
  subject of the verb it hangs on ("the pipeline runs across a span of 900 km": "span of pipeline").
"""

from __future__ import annotations

from spacy.tokens import Span

from app.extraction.figures.phrases import subject_phrase
from app.lexicon.dimensions import DIMENSION_NOUNS

# Dimensions of a thing in space: "across a span of 900 km" is the span of the clause's subject (a
# "sentence" or a "rate" is not the subject's: "asked for a sentence of 20 years").
SPATIAL = frozenset(
    {"span", "length", "distance", "height", "width", "depth", "area", "circumference", "diameter", "radius"}
)
RELATIVE_WORDS = frozenset({"whose", "which", "that", "who", "whom"})
REFERENCE_PREPS = frozenset({"above", "below", "under", "over"})


def cleaned(measure: str | None, quantity: Span) -> str | None:
    if measure is None:
        return None
    words = measure.split()
    if len(words) > 1 and words[0].lower() in RELATIVE_WORDS:
        measure = " ".join(words[1:])
    if measure.lower() in DIMENSION_NOUNS:
        return _with_reference(measure, quantity) or _of_subject(measure, quantity) or measure
    return measure


def _of_subject(noun: str, quantity: Span) -> str | None:
    """ "the pipeline will run ... across a span of 1,600 miles": the span of the clause's subject."""
    for tok in quantity.sent:
        spatial = noun.lower() in SPATIAL
        if spatial and tok.lower_ == noun.lower() and tok.i < quantity.start and tok.dep_ == "pobj":
            verb = tok.head.head
            if verb.pos_ == "VERB" and (
                subject := subject_phrase(verb, set(range(quantity.start, quantity.end)))
            ):
                return f"{tok.text} of {subject}"
    return None


def _with_reference(noun: str, quantity: Span) -> str | None:
    """ "the height above sea level was 3,500 feet": the dimension with what it is measured from."""
    for tok in quantity.sent:
        if tok.lower_ == noun.lower() and tok.i < quantity.start:
            prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in REFERENCE_PREPS), None)
            if prep is not None and all(t.i < quantity.start for t in prep.subtree):
                return " ".join([tok.text, *(t.text for t in prep.subtree)])
    return None
