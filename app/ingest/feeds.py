"""RSS and Atom feeds (feedparser): the entries to ingest, and an entry as an article.

An entry is ingested from its full content when the feed carries it (``content:encoded`` or Atom
``content`` with at least :data:`FULL_CONTENT_WORDS` words), otherwise from the page it links to.
Each entry is remembered by a stable key (its id or guid, else its link), so polling the feed again
ingests only what is new; the content hash still catches the same story under a new id.
"""

from __future__ import annotations

import calendar
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from typing import Any

from app.ingest.html import NotAnArticle, Page, parse_page

FULL_CONTENT_WORDS = 80  # fewer: a teaser, so the linked page is the article


class NotAFeed(ValueError):
    """The document is not an RSS or Atom feed feedparser can read."""


@dataclass
class FeedEntry:
    key: str
    link: str | None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: str | None = None
    content_html: str | None = None

    def metadata(self) -> dict[str, Any]:
        """What the feed says about the entry, as sidecar keys (the page, when fetched, wins)."""
        meta: dict[str, Any] = {}
        if self.title:
            meta["title"] = self.title
        if self.authors:
            meta["authors"] = self.authors
        if self.published_at:
            meta["published_at"] = self.published_at
        if self.link:
            meta["url"] = self.link
        return meta

    def full_content(self) -> Page | None:
        """The article from the feed itself, or None when the feed carries only a teaser."""
        if not self.content_html:
            return None
        title = f"<title>{escape(self.title)}</title>" if self.title else ""
        wrapped = f"<html><head>{title}</head><body><article>{self.content_html}</article></body></html>"
        try:
            page = parse_page(wrapped, url=self.link)
        except NotAnArticle:
            return None
        if len(page.text.split()) < FULL_CONTENT_WORDS:
            return None
        page.meta = {**page.meta, **self.metadata()}
        return page


@dataclass
class Feed:
    title: str | None
    entries: list[FeedEntry]


def parse_feed(body: bytes, url: str | None = None) -> Feed:
    import feedparser

    try:
        parsed = feedparser.parse(body, response_headers={"content-location": url} if url else None)
    except (ValueError, UnicodeError, RecursionError) as exc:  # feedparser chokes on e.g. &#xD800;
        raise NotAFeed(f"not a readable RSS or Atom feed ({type(exc).__name__})") from None
    if not parsed.get("version") and not parsed.entries:
        raise NotAFeed("not an RSS or Atom feed")
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for raw in parsed.entries:
        entry = _entry(raw)
        if entry is not None and entry.key not in seen:
            seen.add(entry.key)
            entries.append(entry)
    return Feed(parsed.feed.get("title"), entries)


def _entry(raw: Any) -> FeedEntry | None:
    link = raw.get("link") or None
    key = raw.get("id") or link
    if not key:
        return None
    authors = [a.get("name") for a in raw.get("authors", []) if a.get("name")]
    if not authors and raw.get("author"):
        authors = [raw.get("author")]
    content = None
    for part in raw.get("content", []) or []:
        if part.get("value"):
            content = part["value"]
            break
    return FeedEntry(
        key=str(key)[:1000],
        link=link,
        title=(raw.get("title") or "").strip() or None,
        authors=[a.strip() for a in authors if a.strip()],
        published_at=_iso(raw.get("published_parsed") or raw.get("updated_parsed")),
        content_html=content,
    )


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).date().isoformat()
