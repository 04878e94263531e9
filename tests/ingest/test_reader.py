"""Reading article files: formats, sidecars, front matter, and one clear reason per bad input."""

from __future__ import annotations

import json

import pytest

from app.ingest.reader import ArticleRecord, ReadError, discover, read_file, validate_meta


def read(path) -> list:
    return list(read_file(path))


def test_txt_with_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text("Body text here.\r\nSecond line.")
    (tmp_path / "a.meta.json").write_text(
        json.dumps(
            {
                "title": "T",
                "authors": ["X Y"],
                "url": "https://e.x/a",
                "published_at": "2025-01-02T03:04:05Z",
                "extra": 1,
            }
        )
    )
    [record] = read(tmp_path / "a.txt")
    assert isinstance(record, ArticleRecord)
    assert record.text == "Body text here.\nSecond line."
    assert record.meta == {
        "title": "T",
        "url": "https://e.x/a",
        "authors": ["X Y"],
        "published_at": "2025-01-02T03:04:05+00:00",
    }


def test_markdown_front_matter_is_metadata_not_text(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Hello\npublished_at: 2025-03-01\n---\n# Hello\n\nBody.")
    [record] = read(tmp_path / "a.md")
    assert record.text == "# Hello\n\nBody."
    assert record.meta == {"title": "Hello", "published_at": "2025-03-01"}


@pytest.mark.parametrize(
    "content, reason",
    [
        ("---\ntitle: [unclosed\n---\nBody", "front matter is not valid YAML"),
        ("---\n- a list\n---\nBody", "front matter must be a mapping"),
        ("---\ntitle: x\nBody never closes", "never closed"),
    ],
)
def test_bad_front_matter(tmp_path, content, reason):
    (tmp_path / "a.md").write_text(content)
    [error] = read(tmp_path / "a.md")
    assert isinstance(error, ReadError) and reason in error.reason


def test_jsonl_reports_bad_lines_by_number_and_keeps_the_rest(tmp_path):
    lines = [json.dumps({"text": "one"}), "", "[]", json.dumps({"text": 5}), json.dumps({"text": "two"})]
    (tmp_path / "r.jsonl").write_text("\n".join(lines))
    out = read(tmp_path / "r.jsonl")
    assert [r.text for r in out if isinstance(r, ArticleRecord)] == ["one", "two"]
    errors = {e.origin.rsplit(":", 1)[1]: e.reason for e in out if isinstance(e, ReadError)}
    assert errors == {
        "3": "expected a JSON object with 'text', got list",
        "4": "'text' must be a string, not int",
    }


def test_deeply_nested_json_is_an_error_not_a_crash(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    [error] = read(tmp_path / "deep.json")
    assert isinstance(error, ReadError) and "JSON" in error.reason


def test_oversized_article_is_refused_with_its_size(tmp_path):
    (tmp_path / "big.txt").write_text("word " * 200_000)
    [error] = list(read_file(tmp_path / "big.txt", max_chars=100_000))
    assert "too" in error.reason and "100,000" in error.reason


@pytest.mark.parametrize(
    "meta, message",
    [
        ({"authors": "Solo Writer"}, None),
        ({"authors": [1, 2]}, "'authors' must be a list of strings"),
        ({"published_at": "13/01/2025"}, "'published_at' is not an ISO date"),
        ({"title": 42}, "'title' must be a string"),
    ],
)
def test_meta_validation(meta, message):
    if message is None:
        assert validate_meta(meta)["authors"] == ["Solo Writer"]
    else:
        with pytest.raises(ValueError, match=message):
            validate_meta(meta)


def test_discover_recurses_skips_sidecars_and_reports_unsupported_files(tmp_path):
    (tmp_path / "d" / "e").mkdir(parents=True)
    for name in ("d/a.txt", "d/e/b.md", "d/e/b.meta.json", "c.jsonl", "d/skip.csv"):
        (tmp_path / name).write_text("x")
    files, errors = discover([tmp_path, tmp_path / "d" / "skip.csv"])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in files) == ["c.jsonl", "d/a.txt", "d/e/b.md"]
    assert "unsupported file type" in errors[0].reason


def test_sizes_are_checked_before_reading(tmp_path):
    """A 300 MB file (sparse, so the test itself costs nothing) is refused by its size, unread, and
    a .jsonl line over the limit is skipped without being held in memory."""
    import tracemalloc

    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(300_000_000)
    feed = tmp_path / "feed.jsonl"
    with feed.open("wb") as fh:
        fh.write(json.dumps({"text": "first"}).encode() + b"\n")
        fh.write(b'{"text": "')
        fh.seek(200_000_000, 1)  # a 200 MB line of NUL bytes
        fh.write(b'"}\n' + json.dumps({"text": "last"}).encode() + b"\n")
    tracemalloc.start()
    [error] = read(big)
    records = read(feed)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 30_000_000
    assert error.reason == "file too large (300,000,000 bytes; the limit is 5,000,000, KB_MAX_ARTICLE_BYTES)"
    assert [r.text for r in records if isinstance(r, ArticleRecord)] == ["first", "last"]
    [too_long] = [r for r in records if isinstance(r, ReadError)]
    assert too_long.origin.endswith("feed.jsonl:2") and too_long.reason.startswith("line too large (200,000,")


def test_a_symlink_to_a_fifo_is_refused_by_type(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "a.txt").symlink_to(tmp_path / "pipe")
    [error] = read(tmp_path / "a.txt")
    assert error.reason == "file is a FIFO, not a regular file; not read"


def test_lone_surrogates_in_json_are_replaced_and_noted(tmp_path):
    (tmp_path / "a.json").write_text('{"text": "Half an emoji \\ud83d here.", "authors": ["A \\udc00"]}')
    [record] = read(tmp_path / "a.json")
    assert record.text == "Half an emoji \ufffd here." and record.meta["authors"] == ["A \ufffd"]
    assert record.notes == [
        "a lone surrogate in 'text' (not valid Unicode) replaced with U+FFFD",
        "a lone surrogate in 'authors' (not valid Unicode) replaced with U+FFFD",
    ]
    record.text.encode("utf-8")  # storable, and hashable
    assert record.content_hash


def test_a_reader_bug_is_that_files_failure(tmp_path):
    """Front matter YAML may hold anything; whatever goes wrong is one ReadError, never an exception."""
    (tmp_path / "a.md").write_text("---\ntitle: &a [*a]\n---\nBody.")  # a self-referencing list
    [error] = read(tmp_path / "a.md")
    assert isinstance(error, ReadError) and "'title' must be a string" in error.reason
