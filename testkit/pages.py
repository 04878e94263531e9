"""Realistic news pages and feeds built from article texts, for the HTML, URL and feed tests and for
scripts/eval_html.py.

A page carries what a newsroom CMS wraps around a story: a navigation bar, a cookie banner,
breadcrumbs, a byline and a visible date, a figure with its caption, a "related stories" box and a
newsletter box between paragraphs, share buttons, a "most read" sidebar, a footer, scripts and
styles, and the metadata a real page has (Open Graph, JSON-LD NewsArticle, meta tags, canonical
link). The extractor must return the story's paragraphs and nothing else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape


@dataclass
class Story:
    title: str
    paragraphs: list[str]
    url: str
    publisher: str = "The Harbour Gazette"
    published: str = "2024-05-14"  # ISO date
    authors: list[str] = field(default_factory=lambda: ["Maria Lopez"])
    date_line: str | None = None  # the visible date, as the page shows it


def story_from_text(text: str, url: str, **meta: object) -> Story:
    """A text-file article (headline, date line, paragraphs) as a story for a page."""
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    title, rest = blocks[0], blocks[1:]
    date_line = None
    if rest and len(rest[0]) < 40 and any(ch.isdigit() for ch in rest[0]):
        date_line, rest = rest[0], rest[1:]
    return Story(title=title, paragraphs=rest, url=url, date_line=date_line, **meta)  # type: ignore[arg-type]


def news_page(story: Story, *, variant: int = 0) -> str:
    """The story inside a full page; ``variant`` changes the layout so no one shape is learnt."""
    e = escape
    body = [f"<p>{e(p)}</p>" for p in story.paragraphs]
    if len(body) > 1:
        body.insert(1, _figure(story))
    if len(body) > 3:
        body.insert(3, RELATED)
    if len(body) > 6:
        body.insert(6, NEWSLETTER)
    byline = " and ".join(
        f'<a href="/authors/{i}" rel="author">{e(a)}</a>' for i, a in enumerate(story.authors)
    )
    shown_date = story.date_line or story.published
    article = "\n".join(
        [
            '<article class="story">',
            '<nav class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/news">News</a> &rsaquo; <a href="/news/world">World</a></nav>',
            f'<h1 class="headline">{e(story.title)}</h1>',
            '<div class="story-meta">',
            f'<span class="byline">By {byline}</span>',
            f'<time datetime="{e(story.published)}" class="published">{e(shown_date)}</time>',
            "</div>",
            SHARE,
            '<div class="story-body">' if variant % 2 == 0 else '<section itemprop="articleBody">',
            *body,
            "</div>" if variant % 2 == 0 else "</section>",
            SHARE,
            '<div class="tags"><a href="/tag/world">World</a> <a href="/tag/politics">Politics</a></div>',
            "</article>",
        ]
    )
    main = (
        f"<main id='content'>{article}</main>" if variant % 3 != 2 else f"<div id='content'>{article}</div>"
    )
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>{e(story.title)} | {e(story.publisher)}</title>",
            _head_meta(story),
            "<style>body{font-family:Georgia,serif}.nav a{margin:0 1em}</style>",
            "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script>",
            "</head><body>",
            COOKIE_BANNER,
            _site_header(story),
            main,
            MOST_READ,
            _footer(story),
            '<script src="/static/app.js" defer></script>',
            "</body></html>",
        ]
    )


def _head_meta(story: Story) -> str:
    e = escape
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "datePublished": f"{story.published}T08:00:00Z",
        "author": [{"@type": "Person", "name": a} for a in story.authors],
        "publisher": {"@type": "Organization", "name": story.publisher},
        "mainEntityOfPage": story.url,
    }
    ld_json = json.dumps(ld).replace("</", "<\\/")
    return "\n".join(
        [
            f'<meta name="description" content="{e(story.paragraphs[0][:150])}">',
            f'<meta property="og:title" content="{e(story.title)}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:site_name" content="{e(story.publisher)}">',
            f'<meta property="og:url" content="{e(story.url)}">',
            f'<meta property="article:published_time" content="{e(story.published)}T08:00:00Z">',
            f'<meta name="author" content="{e(", ".join(story.authors))}">',
            f'<link rel="canonical" href="{e(story.url)}">',
            f'<script type="application/ld+json">{ld_json}</script>',
        ]
    )


def _site_header(story: Story) -> str:
    return (
        f'<header class="site"><a class="logo" href="/">{escape(story.publisher)}</a>'
        '<nav class="nav"><ul><li><a href="/news">News</a></li><li><a href="/business">Business</a></li>'
        '<li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li>'
        '<li><a href="/culture">Culture</a></li></ul></nav>'
        '<form class="search" action="/search"><input name="q" placeholder="Search"></form>'
        '<a class="subscribe" href="/subscribe">Subscribe for $1 a week</a></header>'
    )


def _figure(story: Story) -> str:
    return (
        '<figure class="lead-image"><img src="/img/lead.jpg" alt="A photo for the story">'
        f"<figcaption>Officials speak to reporters on Monday. Photo: {escape(story.authors[0])} for "
        f"{escape(story.publisher)}</figcaption></figure>"
    )


def _footer(story: Story) -> str:
    return (
        f'<footer class="site-footer"><p>&copy; 2024 {escape(story.publisher)}. All rights reserved.</p>'
        '<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li>'
        '<li><a href="/contact">Contact</a></li></ul></footer>'
    )


COOKIE_BANNER = (
    '<div id="cookie-consent" class="banner"><p>We use cookies to improve your experience and to show '
    'you relevant advertising. <a href="/cookies">Manage preferences</a></p><button>Accept all</button></div>'
)
SHARE = (
    '<div class="share"><a href="/share/facebook">Share on Facebook</a> <a href="/share/x">Share on X</a>'
    ' <a href="/share/email">Email this story</a></div>'
)
RELATED = (
    '<aside class="related"><h3>Related stories</h3><ul>'
    '<li><a href="/news/1">Council votes to widen the ring road, costing $12 million</a></li>'
    '<li><a href="/news/2">"We will not back down," says union chief as talks stall</a></li>'
    '<li><a href="/news/3">Exports fell 4% in March, figures show</a></li></ul></aside>'
)
NEWSLETTER = (
    '<div class="newsletter-signup"><h4>Get the morning briefing</h4><p>The stories that matter, '
    'in your inbox every day at 6am.</p><form><input type="email" placeholder="Your email">'
    "<button>Sign up</button></form></div>"
)
MOST_READ = (
    '<aside class="sidebar"><h2>Most read</h2><ol>'
    '<li><a href="/x/1">Mayor resigns over budget row</a></li>'
    '<li><a href="/x/2">"It was chaos," say passengers after airport outage</a></li>'
    '<li><a href="/x/3">House prices rise 3% in a year</a></li></ol></aside>'
)


def rss_feed(title: str, link: str, items: list[dict], *, full_content: bool = False) -> str:
    """An RSS 2.0 feed; each item has ``title``, ``link`` and optional ``guid``, ``published``
    (ISO date), ``author``, ``summary`` and ``content_html`` (sent as content:encoded)."""
    e = escape
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">',
        f"<channel><title>{e(title)}</title><link>{e(link)}</link><description>Latest news</description>",
    ]
    for item in items:
        out.append("<item>")
        out.append(f"<title>{e(item['title'])}</title><link>{e(item['link'])}</link>")
        out.append(f'<guid isPermaLink="false">{e(item.get("guid") or item["link"])}</guid>')
        if item.get("published"):
            when = datetime.fromisoformat(item["published"]).replace(hour=8, tzinfo=UTC)
            out.append(f"<pubDate>{format_datetime(when)}</pubDate>")
        if item.get("author"):
            out.append(f"<dc:creator>{e(item['author'])}</dc:creator>")
        out.append(f"<description>{e(item.get('summary') or item['title'])}</description>")
        if full_content and item.get("content_html"):
            out.append(f"<content:encoded><![CDATA[{item['content_html']}]]></content:encoded>")
        out.append("</item>")
    out.append("</channel></rss>")
    return "\n".join(out)


def atom_feed(title: str, link: str, items: list[dict]) -> str:
    """An Atom feed with the same item keys as :func:`rss_feed` (``content_html`` as content)."""
    e = escape
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f'<title>{e(title)}</title><link href="{e(link)}"/><id>{e(link)}</id>',
        "<updated>2024-05-14T08:00:00Z</updated>",
    ]
    for item in items:
        out.append("<entry>")
        out.append(f'<title>{e(item["title"])}</title><link href="{e(item["link"])}"/>')
        out.append(f"<id>{e(item.get('guid') or item['link'])}</id>")
        out.append(f"<updated>{item.get('published', '2024-05-14')}T08:00:00Z</updated>")
        if item.get("author"):
            out.append(f"<author><name>{e(item['author'])}</name></author>")
        if item.get("content_html"):
            out.append(f'<content type="html">{e(item["content_html"])}</content>')
        out.append("</entry>")
    out.append("</feed>")
    return "\n".join(out)
