"""Hostile pages and feeds: any bytes as a saved page or a fetched feed give an article record or
one clear line, never a traceback."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.ingest.feeds import NotAFeed, parse_feed
from app.ingest.reader import ArticleRecord, ReadError, read_file

FRAGMENTS = [
    "<html>", "</html>", "<body>", "<article>", "</article>", "<p>", "</p>", "<br>", "<script>", "</script>",
    "<time datetime='2024-05-14'>", "</time>", "<h1>", "</h1>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;",
    "&#0;", "&#xD800;", "<meta charset='utf-16'>", "<title>", "</title>", "“", "’", "\x00", "\ufeff",
    "<rss>", "<feed>", "<item>", "<entry>", "Dock workers said the strike was over. ", "\n\n",
]  # fmt: skip
tag_soup = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=40), max_size=80).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(st.binary(max_size=3000), tag_soup.map(str.encode)),
    suffix=st.sampled_from([".html", ".htm"]),
)
def test_any_page_is_an_article_or_one_line(tmp_path, data, suffix):
    path = tmp_path / f"page{suffix}"
    path.write_bytes(data)
    for item in read_file(path):
        assert isinstance(item, ArticleRecord | ReadError)
        if isinstance(item, ReadError):
            assert item.reason and "\n" not in item.reason
        else:
            assert item.text.strip() and "\x00" not in item.text


@settings(max_examples=120, deadline=None)
@given(data=st.one_of(st.binary(max_size=3000), tag_soup.map(str.encode)))
def test_any_feed_document_parses_or_is_refused(data):
    try:
        feed = parse_feed(data)
    except NotAFeed:
        return
    assert all(entry.key for entry in feed.entries)
