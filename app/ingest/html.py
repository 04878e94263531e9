"""A web page -> the article's text and metadata, with trafilatura (dates through htmldate).

Why trafilatura: it is the best-scoring maintained main-text extractor in the published comparisons
(ScrapingHub's article-extraction benchmark, Bevendorff et al. 2023), it removes navigation,
scripts, captions, bylines and related-story lists, and it reads Open Graph, JSON-LD
(NewsArticle) and meta tags for the metadata, delegating the publication date to htmldate.

Its plain-text output joins paragraphs with a single newline, which would merge paragraphs for the
sentence splitter and blur what a quote may span, so the text is built here from its extracted
element tree instead: one paragraph per block (paragraph, heading, list item, block quote), a blank
line between paragraphs, exactly as in a ``.txt`` article. The headline goes first and the date the
page shows for its publication second, as in text files, so headline and date inference, the
parse and evidence offsets behave the same for both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

HTML_SUFFIXES = {".html", ".htm"}
MAX_PAGE_BYTES = 20_000_000  # scripts and markup make pages much larger than their text
BLOCKS = {"p", "head", "quote", "item", "code", "table"}
MIN_WORDS = 10  # fewer is a stub, a paywall teaser or a "page not found" shell, not an article
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


class NotAnArticle(ValueError):
    """The page has no article text (an index page, a login wall, an empty shell)."""


@dataclass
class Page:
    text: str
    meta: dict[str, Any] = field(default_factory=dict)  # sidecar keys; not yet validated


def parse_page(html: str | bytes, url: str | None = None) -> Page:
    """The article of one page: its text with paragraph breaks, and its metadata.

    ``url`` (where the page came from) is a fallback for the canonical URL the page declares.
    Raises :class:`NotAnArticle` when no article text is found.
    """
    import trafilatura

    if len(html) > MAX_PAGE_BYTES:
        raise NotAnArticle(f"page too large ({len(html):,} bytes; at most {MAX_PAGE_BYTES:,})")
    if not html.strip():
        raise NotAnArticle("empty page")
    tree = trafilatura.load_html(html)
    if tree is None:
        raise NotAnArticle("not an HTML page")
    shown_dates = _shown_dates(tree)
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_formatting=False,
        deduplicate=False,
    )
    if doc is None or isinstance(doc, dict):  # None: nothing extracted (a dict only when asked for)
        raise NotAnArticle("no article text found in the page")
    paragraphs = _paragraphs(doc.body) if doc.body is not None else []
    if not paragraphs:
        raise NotAnArticle("no article text found in the page")
    words = sum(len(p.split()) for p in paragraphs)
    if words < MIN_WORDS:
        raise NotAnArticle(f"no article text found in the page (only {words} words of text)")
    title = _clean(doc.title or "")
    if title and _key(paragraphs[0]) != _key(title):
        paragraphs.insert(0, title)
    date_line = shown_dates.get(doc.date or "")
    if date_line and title and date_line not in paragraphs[:3]:
        paragraphs.insert(1, date_line)
    return Page("\n\n".join(paragraphs), page_metadata(doc, url))


def _shown_dates(tree: Any) -> dict[str, str]:
    """The dates a page shows in ``<time datetime=...>`` elements: ISO day -> the visible text.

    The one showing the publication date becomes the article's date line (under the headline, as
    in a text file), so the text, the date inference and the parse match the text-file article."""
    shown: dict[str, str] = {}
    for element in tree.iter("time"):
        day = (element.get("datetime") or "")[:10]
        visible = _clean("".join(element.itertext()))
        if len(day) == 10 and visible and len(visible) <= 60 and any(c.isdigit() for c in visible):
            shown.setdefault(day, visible)
    return shown


def page_metadata(doc: Any, url: str | None) -> dict[str, Any]:
    """Sidecar-shaped metadata from trafilatura's document (Open Graph, JSON-LD, meta tags)."""
    meta: dict[str, Any] = {}
    if title := _clean(doc.title or ""):
        meta["title"] = title
    if doc.author:
        meta["authors"] = [a for a in (_clean(x) for x in re.split(r";|\|", doc.author)) if a]
    if doc.date:
        meta["published_at"] = doc.date
    if doc.sitename:
        meta["publisher"] = _clean(doc.sitename)
    canonical = doc.url if doc.url and doc.url.startswith(("http://", "https://")) else None
    if canonical or url:
        meta["url"] = canonical or url
    if doc.language:
        meta["language"] = doc.language
    return meta


def _paragraphs(body: Any) -> list[str]:
    out: list[str] = []
    for element in body.iter():
        if element.tag not in BLOCKS or _inside_block(element):
            continue
        text = _clean(_text_of(element))
        if text:
            out.append(text)
    return out


def _inside_block(element: Any) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in BLOCKS:
            return True
        parent = parent.getparent()
    return False


def _text_of(element: Any) -> str:
    """Text of one block, a line break (``<br>``) kept as a newline."""
    for br in element.iter("lb"):
        br.tail = "\n" + (br.tail or "")
    return "".join(element.itertext())


def _clean(text: str) -> str:
    lines = (SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()
