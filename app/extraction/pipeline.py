"""Run every extraction stage over one parsed article."""

from __future__ import annotations

from spacy.tokens import Doc

from app.extraction.events import extract_events
from app.extraction.figures import extract_figures
from app.extraction.people import extract_people
from app.extraction.quotes import extract_quotes
from app.extraction.types import ArticleMeta, Extraction


def extract(doc: Doc, meta: ArticleMeta) -> Extraction:
    people = extract_people(doc, meta)
    quotes = extract_quotes(doc, people)
    figures = extract_figures(doc, meta)
    events = extract_events(doc, people, meta)
    return Extraction(people=people, quotes=quotes, figures=figures, events=events)
