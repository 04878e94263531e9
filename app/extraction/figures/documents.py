"""A count of pages measures the length of a document: "the 131-page report" is the "length of
report", "the report clocks in at 500 pages" the "length of report", "the form, which runs to 32
pages" the "length of form". The document is the noun the pages describe, else the antecedent of
the relative clause they are in, else the subject of their clause.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from app.extraction.figures.phrases import noun_phrase, subject_of
from app.extraction.figures.referents import named


def page_length(quantity: Span) -> str | None:
    """ "length of <document>" for a count of pages, or None."""
    page = next((t for t in reversed(quantity) if t.lemma_.lower() == "page"), None)
    if page is None:
        return None
    inside = set(range(quantity.start, quantity.end))
    document = _document(page)
    if document is None:
        return None
    phrase = named(document, inside) if document.pos_ == "PRON" else noun_phrase(document, inside)
    return f"length of {phrase}" if phrase else None


def _document(page: Token) -> Token | None:
    if page.dep_ in ("compound", "amod", "nmod") and page.head.pos_ in ("NOUN", "PROPN"):
        return page.head  # "the 131-page document"
    verb = next((t for t in page.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "the document, which reports say runs to 32 pages"
    subj = subject_of(verb)
    return subj if subj is not None and subj.pos_ in ("NOUN", "PROPN", "PRON") else None
