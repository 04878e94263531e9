"""Figures in one article (numbers with what they measure). Not yet extracted."""

from __future__ import annotations

from spacy.tokens import Doc

from app.extraction.types import ArticleMeta, FigureFact


def extract_figures(doc: Doc, meta: ArticleMeta) -> list[FigureFact]:
    return []
