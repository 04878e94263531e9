"""Normalised keys shared by the write path (what is stored) and the read path (what is looked up).

Both sides must agree exactly, so the rules live in one place.
"""

from __future__ import annotations

import unicodedata


def name_key(name: str) -> str:
    """Case-, width- and spacing-insensitive form of a name; curly apostrophes made straight."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().replace("’", "'").split())


def speaker_key(name: str) -> str:
    """A speaker as filtered by ``/quotes?speaker=``: a name key without a leading "the"."""
    key = name_key(name)
    return key[4:] if key.startswith("the ") else key
