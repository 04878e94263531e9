"""Normalised keys shared by the write path (what is stored) and the read path (what is looked up).

Both sides must agree exactly, so the rules live in one place.
"""

from __future__ import annotations

import unicodedata


def name_key(name: str) -> str:
    """Case-, accent-, width- and spacing-insensitive form of a name, curly apostrophes made
    straight: what aliases are stored under and what ``?speaker=``/``?name=`` look up."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("‘", "'")
    return " ".join(text.split())


def speaker_key(name: str) -> str:
    """A speaker as filtered by ``/quotes?speaker=``: a name key without a leading "the"."""
    key = name_key(name)
    return key[4:] if key.startswith("the ") else key
