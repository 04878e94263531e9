"""Articles from the web: a fetched page, posted HTML, a feed's entries -> article records.

Shared by `kb ingest URL` (through :class:`UrlSource`) and the workers (app.jobs). Metadata
precedence follows the file formats: what the caller states (sidecar keys in an API request)
wins over the page's own metadata, which wins over what a feed entry says, which wins over what
is inferred from the text later.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import Engine

from app.ingest import feedstore
from app.ingest.feeds import Feed, FeedEntry, NotAFeed, parse_feed
from app.ingest.fetch import Fetched, Fetcher, FetchError
from app.ingest.html import NotAnArticle, parse_page
from app.ingest.reader import ArticleRecord, ReadError, make_record


def page_record(
    fetched: Fetched, origin: str, *, fallback: dict | None = None, given: dict | None = None
) -> ArticleRecord:
    """The article of a fetched page; ValueError (one line) when it is not one."""
    if fetched.is_feed:
        raise NotAnArticle("not an article: the URL serves an RSS/Atom feed")
    if not fetched.is_html:
        served = fetched.content_type or "an unknown type"
        raise NotAnArticle(f"not an article: the URL serves {served}, not HTML")
    return html_record(fetched.html(), origin, url=fetched.final_url, fallback=fallback, given=given)


def html_record(
    html: str | bytes,
    origin: str,
    *,
    url: str | None = None,
    fallback: dict | None = None,
    given: dict | None = None,
    max_chars: int = 500_000,
) -> ArticleRecord:
    try:
        page = parse_page(html, url=url)
    except NotAnArticle as exc:
        raise NotAnArticle(f"not an article: {exc}") from None
    meta = {**(fallback or {}), **page.meta, **(given or {})}
    return make_record(origin, page.text, meta, max_chars)


def entry_record(entry: FeedEntry, fetcher: Fetcher) -> ArticleRecord:
    """A feed entry's article: the feed's full content when it carries it, else the linked page."""
    origin = entry.link or entry.key
    page = entry.full_content()
    if page is not None:
        return make_record(origin, page.text, page.meta)
    if not entry.link:
        raise NotAnArticle("not an article: the entry has neither full content nor a link")
    return page_record(fetcher.get(entry.link), origin, fallback=entry.metadata())


def fetch_feed(fetched: Fetched) -> Feed:
    try:
        return parse_feed(fetched.body, fetched.final_url)
    except NotAFeed as exc:
        raise NotAnArticle(str(exc)) from None


@dataclass
class UrlSource:
    """`kb ingest URL ...`: records for each URL, remembering feed entries once they are stored."""

    engine: Engine
    fetcher: Fetcher
    pending: dict[str, tuple[int, str]] = field(default_factory=dict)  # origin -> (feed id, entry key)
    notes: list[str] = field(default_factory=list)

    def records(self, url: str) -> Iterator[ArticleRecord | ReadError]:
        try:
            fetched = self.fetcher.get(url)
        except FetchError as exc:
            yield ReadError(url, str(exc))
            return
        if fetched.is_feed:
            yield from self._feed(url, fetched)
            return
        try:
            yield page_record(fetched, url)
        except ValueError as exc:
            yield ReadError(url, str(exc))

    def _feed(self, url: str, fetched: Fetched) -> Iterator[ArticleRecord | ReadError]:
        try:
            feed = fetch_feed(fetched)
        except ValueError as exc:
            yield ReadError(url, str(exc))
            return
        with self.engine.begin() as conn:
            feed_id = feedstore.ensure_feed(conn, url, feed.title)
            handled = feedstore.handled_keys(conn, feed_id)
        new = [e for e in feed.entries if e.key not in handled]
        self.notes.append(f"feed {url}: {len(feed.entries)} entries, {len(new)} new")
        for entry in new:
            origin = entry.link or entry.key
            try:
                record = entry_record(entry, self.fetcher)
            except FetchError as exc:
                yield ReadError(origin, str(exc))
                continue
            except ValueError as exc:
                yield ReadError(origin, str(exc))
                continue
            self.pending[record.origin] = (feed_id, entry.key)
            yield record

    def remember(self, stored_origins: list[str]) -> None:
        """Mark the entries whose articles are now stored (or were already) as handled."""
        done = [self.pending[o] for o in stored_origins if o in self.pending]
        if not done:
            return
        with self.engine.begin() as conn:
            for feed_id, key in done:
                feedstore.mark_entry(conn, feed_id, key, "done")
