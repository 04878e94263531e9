"""The events fixture shared by the event tests: text -> events through people and event
extraction, participants as names, and every event's evidence checked against the text."""

from __future__ import annotations

import pytest

from app.extraction.events.extract import extract_events
from app.extraction.people.extract import extract_people
from app.extraction.types import ArticleMeta


@pytest.fixture(scope="module")
def events_of(nlp):
    def run(text: str, published: str | None = "2025-03-05", include_undated: bool = False):
        doc = nlp(text)
        meta = ArticleMeta(published_at=published)
        people = extract_people(doc, meta)
        names = {p.key: p.name for p in people}
        events = extract_events(doc, people, meta, include_undated=include_undated)
        for e in events:
            assert e.span.text == text[e.span.start : e.span.end]
            e.participants = [names.get(k, k) for k in e.participants]
        return events

    return run
