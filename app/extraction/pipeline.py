"""Run every extraction stage over one parsed article."""

from __future__ import annotations

from spacy.tokens import Doc

from app.extraction.events.extract import extract_events
from app.extraction.figures.extract import extract_figures
from app.extraction.people.extract import extract_people
from app.extraction.quotes.extract import extract_quotes
from app.extraction.types import ArticleMeta, Extraction
from app.settings import get_settings


def extract(doc: Doc, meta: ArticleMeta, *, include_undated_events: bool | None = None) -> Extraction:
    """People first (quotes and events refer to them), then quotes, figures and events.

    ``include_undated_events`` (default: the ``KB_EVENTS_INCLUDE_UNDATED`` setting) also keeps
    events whose date expression cannot be resolved, e.g. "on Thursday" in an undated article,
    with the expression in ``date_text`` and null dates.
    """
    if include_undated_events is None:
        include_undated_events = get_settings().events_include_undated
    people = extract_people(doc, meta)
    quotes = extract_quotes(doc, people)
    figures = extract_figures(doc, meta)
    events = extract_events(doc, people, meta, include_undated=include_undated_events)
    return Extraction(people=people, quotes=quotes, figures=figures, events=events)
