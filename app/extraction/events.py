"""Events in one article (visits, meetings, statements, ...). Not yet extracted."""

from __future__ import annotations

from spacy.tokens import Doc

from app.extraction.types import ArticleMeta, EventFact, PersonFact


def extract_events(doc: Doc, people: list[PersonFact], meta: ArticleMeta) -> list[EventFact]:
    return []
