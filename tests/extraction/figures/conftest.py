"""Fixtures for the figure tests: what one figure of an invented sentence measures."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.extraction.figures.extract import extract_figures
from app.extraction.types import ArticleMeta


@pytest.fixture(scope="module")
def measure_of(nlp) -> Callable[[str, str], str]:
    """(text, figure as written) -> the figure's measure ("" when it has none); the figure must be found
    and its evidence must reproduce from the text."""

    def run(text: str, figure: str) -> str:
        facts = extract_figures(nlp(text), ArticleMeta(published_at="2025-03-04"))
        found = [f for f in facts if f.text == figure]
        assert found, f"{figure!r} not in {[f.text for f in facts]}"
        assert found[0].span.text == text[found[0].span.start : found[0].span.end]
        return found[0].measure or ""

    return run
