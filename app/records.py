"""The article record: what the write path carries from a file (or a POST body) to the store.

It lives beside ``keys.py`` and ``taxonomy.py``, outside every package, because three packages
share it and none owns it: ``app.ingest`` makes records from files, ``app.storage`` writes them,
and the HTTP ingest queue makes them from request bodies. Kept in the reader it made the storage
package import the ingest package, which imports storage to store: a cycle. This module imports
nothing from ``app``, so any package may import it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass
class ArticleRecord:
    """One article's text and the metadata its file gave (validated keys of ``META_KEYS``)."""

    origin: str  # "path" or "path:line", as failure lines name it
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what was changed to store it ("replaced ...")

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    """What makes a re-ingest a no-op: the SHA-256 of the text as stored."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_published_at(value: object) -> str:
    """A publication date as ISO text: what a sidecar, a record or a POST body may give."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError("'published_at' must be an ISO date or datetime string")
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise ValueError(f"'published_at' is not an ISO date or datetime: {text[:40]!r}") from None
