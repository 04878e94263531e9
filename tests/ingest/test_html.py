"""Saved web pages are articles: the story's paragraphs (blank line between them, headline first)
without the page's furniture, and the page's metadata under whatever a sidecar says."""

from __future__ import annotations

import json

import pytest

from app.ingest.html import NotAnArticle, parse_page
from app.ingest.reader import ReadError, read_file
from testkit import integrity
from testkit.articles import article
from testkit.kb import run_kb
from testkit.pages import Story, news_page, story_from_text

STORY = Story(
    title="Port strike ends after pay deal",
    paragraphs=[
        "Dock workers at the city’s container port voted on Tuesday to end a nine-day strike after accepting a 6% pay rise, the union said.",
        "“We have won what we came for,” said Grace Okafor, the union’s leader. “Our members deserve a fair deal.”",
        "The strike had halted about 40,000 containers, costing shippers an estimated $310 million, according to the port authority.",
        "Port director Tomas Lindqvist said the harbour would clear the backlog within two weeks.",
        "Shippers welcomed the deal. 'It's a relief,' said one freight agent, who asked not to be named.",
        "Talks on the next contract start in 2026.",
        "The union said it would put the agreement to a formal vote of all members on Friday.",
    ],
    url="https://gazette.example/news/2024/05/port-strike-ends",
    authors=["Maria Lopez", "Sam Ito"],
    published="2024-05-14",
    date_line="Tuesday, May 14, 2024",
)
FURNITURE = [
    "Subscribe", "cookies", "Related stories", "ring road", "morning briefing", "Most read", "Mayor resigns",
    "All rights reserved", "Share on", "Photo:", "Officials speak", "Home", "Privacy",
]  # fmt: skip


@pytest.mark.parametrize("variant", [0, 1, 2])
def test_a_news_page_gives_the_story_paragraphs_and_nothing_else(variant):
    """Headline, the date the page shows, the paragraphs: the layout of a text-file article."""
    page = parse_page(news_page(STORY, variant=variant))
    assert page.text == "\n\n".join([STORY.title, "Tuesday, May 14, 2024", *STORY.paragraphs])
    for junk in FURNITURE:
        assert junk not in page.text


def test_the_page_metadata_comes_from_open_graph_and_json_ld():
    meta = parse_page(news_page(STORY)).meta
    assert meta["title"] == STORY.title
    assert meta["authors"] == ["Maria Lopez", "Sam Ito"]
    assert meta["published_at"] == "2024-05-14"
    assert meta["publisher"] == "The Harbour Gazette"
    assert meta["url"] == STORY.url


def test_quotes_apostrophes_inline_markup_and_line_breaks_survive():
    html = (
        "<html><head><title>Council vote</title></head><body><article><h1>Council vote</h1>"
        "<p>“We will <em>not</em> back down,” said <a href='/p/ana'>Ana Reyes</a>, the council’s chair, "
        "after a vote that split the chamber on Tuesday evening.</p>"
        "<p>The harbour’s budget rose 4% &amp; the bus network’s fell.<br>Officials said more cuts were coming.</p>"
        "</article></body></html>"
    )
    text = parse_page(html).text
    assert "“We will not back down,” said Ana Reyes, the council’s chair" in text
    assert "The harbour’s budget rose 4% & the bus network’s fell.\nOfficials said" in text
    assert text.startswith("Council vote\n\n")


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><footer>© Gazette</footer></body></html>",
        "<html><body><p>Page not found.</p></body></html>",
        "<html><body><script>var x = 1;</script></body></html>",
    ],
)
def test_a_page_without_article_text_is_refused(html):
    with pytest.raises(NotAnArticle):
        parse_page(html)


def test_the_sidecar_wins_over_the_page(tmp_path):
    (tmp_path / "story.html").write_text(news_page(STORY))
    (tmp_path / "story.meta.json").write_text(json.dumps({"publisher": "Wire Service", "title": "Edited"}))
    [record] = read_file(tmp_path / "story.html")
    assert not isinstance(record, ReadError)
    assert record.meta["publisher"] == "Wire Service"
    assert record.meta["title"] == "Edited"
    assert record.meta["authors"] == ["Maria Lopez", "Sam Ito"]  # what the sidecar leaves alone


def test_an_empty_page_is_one_line_naming_the_file(tmp_path):
    (tmp_path / "shell.htm").write_text("<html><body><nav>Home</nav></body></html>")
    [error] = read_file(tmp_path / "shell.htm")
    assert isinstance(error, ReadError)
    assert error.origin.endswith("shell.htm") and "no article text" in error.reason


def test_a_page_ingests_to_the_same_facts_as_its_text(tmp_path, fresh_url_factory):
    """Offsets, quotes, figures and people from the page equal those from the text file."""
    headline, body = article(3).split("\n\n", 1)
    text = f"{headline}\n\nTuesday, May 14, 2024\n\n{body}"
    story = story_from_text(text, "https://gazette.example/a3", published="2024-05-14")
    (tmp_path / "page").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "page" / "a3.html").write_text(news_page(story, variant=1))
    (tmp_path / "text" / "a3.txt").write_text(text)
    meta = {
        "url": story.url,
        "publisher": story.publisher,
        "published_at": "2024-05-14",
        "authors": story.authors,
    }
    (tmp_path / "text" / "a3.meta.json").write_text(json.dumps(meta))
    from_page, from_text = fresh_url_factory("sqlite"), fresh_url_factory("sqlite")
    for folder, url in ((tmp_path / "page", from_page), (tmp_path / "text", from_text)):
        done = run_kb(["ingest", str(folder)], url)
        assert done.returncode == 0, done.stderr
    assert integrity.problems(from_page) == []
    page_facts, text_facts = integrity.snapshot(from_page), integrity.snapshot(from_text)
    for kind in ("quotes", "figures", "people", "events"):
        assert page_facts[kind] == text_facts[kind], kind
    offsets = [sorted(row[1:] for row in facts["evidence"]) for facts in (page_facts, text_facts)]
    assert offsets[0] == offsets[1]  # the texts differ only in the text file's final newline
    assert page_facts["quotes"]  # the article has quotes to compare


def test_a_folder_names_what_it_skips_and_still_succeeds(tmp_path, fresh_url_factory):
    (tmp_path / "story.html").write_text(news_page(STORY))
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / ".DS_Store").write_bytes(b"\0")
    done = run_kb(["ingest", str(tmp_path)], fresh_url_factory("sqlite"))
    assert done.returncode == 0, done.stderr
    assert "skipped 2 unsupported files: notes.docx, scan.pdf" in done.stdout
    assert "ingested 1" in done.stdout
