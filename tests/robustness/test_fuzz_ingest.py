"""Hostile input to `kb ingest`: never a traceback, one clear line per bad file, no partial
article, the good files in. The reader is fuzzed in-process (many examples, fast); one real
`kb ingest` then runs over a folder of the nastiest cases next to good articles."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.ingest.reader import ArticleRecord, ReadError, read_file
from testkit import integrity
from testkit.articles import article
from testkit.kb import run_kb

SUFFIXES = [".txt", ".md", ".json", ".jsonl"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=4000), st.text(max_size=4000).map(str.encode)),
       suffix=st.sampled_from(SUFFIXES), cut=st.integers(0, 8))  # fmt: skip
def test_reader_turns_any_bytes_into_records_or_one_line_errors(tmp_path, data, suffix, cut):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data[: len(data) - cut] if cut else data)  # truncated UTF-8 sequences too
    for item in read_file(path):
        assert isinstance(item, ArticleRecord | ReadError)
        if isinstance(item, ReadError):
            assert item.reason and "\n" not in item.reason and "Traceback" not in item.reason


def nasty_folder(root: Path) -> tuple[Path, set[str]]:
    """Bad files (each must be reported) and good ones (each must go in)."""
    folder = root / "nasty"
    folder.mkdir()
    bad = {
        "random.txt": bytes(range(256)) * 64,
        "truncated.txt": "Prices rose \u00e9\u00e9".encode()[:-1],
        "huge.txt": b"word " * (20 * 1024 * 1024 // 5),
        "one-line.txt": b"x" * (1024 * 1024),
        "nested.json": b"[" * 200_000 + b"]" * 200_000,
        "huge.json": json.dumps({"text": "a " * (10 * 1024 * 1024)}).encode(),
        "nan.json": b'{"text": "The index fell.", "published_at": NaN}',
        "number-text.json": b'{"text": 1e999}',
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    good = {
        "quotes.txt": article(1) + ' "' * 3000 + "\u201c" * 2000 + "\u201d" * 10,
        "numbers.txt": article(2) + " It cost $1e308 trillion, 1,2,3.4.5 euros, -0.0%, 10^9 tonnes, "
        "\u0663\u0664 barrels and 1_000_000 people, up 12,,5% on 31/02/2023.",
        "plain.md": "---\ntitle: Fine\n---\n" + article(3),
    }
    for name, text in good.items():
        (folder / name).write_text(text)
    return folder, set(bad)


def test_kb_ingest_reports_each_bad_file_once_and_stores_the_good(tmp_path, fresh_url):
    folder, bad = nasty_folder(tmp_path)
    result = run_kb(["ingest", str(folder)], fresh_url, timeout=300)
    assert "Traceback" not in result.stdout + result.stderr
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed ")]
    for name in bad:
        assert sum(f"{name}:" in line for line in failed) == 1, (name, failed)
    assert len(failed) == len(bad), failed
    assert "ingested 3, already present 0" in result.stdout, result.stdout
    assert result.returncode == 1
    assert integrity.problems(fresh_url) == []
