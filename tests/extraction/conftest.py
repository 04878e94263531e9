"""Fixtures for extraction tests: the spaCy pipeline, loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.fixture(scope="session")
def nlp():
    from app.extraction.nlp import load_pipeline
    from app.settings import get_settings

    return load_pipeline(get_settings().spacy_model)


@pytest.fixture(scope="session")
def quotes_of(nlp) -> Callable[[str], list[tuple[str, str, str | None, str | None]]]:
    """Text -> [(quote text, kind, speaker name, speaker type)] through people and quote extraction."""
    from app.extraction.people.extract import extract_people
    from app.extraction.quotes.extract import extract_quotes
    from app.ingest.metadata import infer_metadata

    def run(text: str) -> list[tuple[str, str, str | None, str | None]]:
        doc = nlp(text)
        people = extract_people(doc, infer_metadata(text))
        out = []
        for q in extract_quotes(doc, people):
            assert q.span.text == text[q.span.start : q.span.end]
            speaker = q.speaker
            out.append((q.text, q.kind, speaker.name if speaker else None, speaker.type if speaker else None))
        return out

    return run


@pytest.fixture(scope="session")
def people_of(nlp):
    """Text -> list of PersonFact."""
    from app.extraction.people.extract import extract_people
    from app.ingest.metadata import infer_metadata

    def run(text: str, meta=None):
        return extract_people(nlp(text), meta if meta is not None else infer_metadata(text))

    return run
