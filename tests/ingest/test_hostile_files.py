"""`kb ingest` against what a hostile or broken feed sends: every bad file or record is one line
naming it and saying why, the others still go in, and nothing stops or hangs the run. On both
databases, through the real command."""

from __future__ import annotations

import json
import os

from sqlalchemy import text

from app.storage.db import create_script_engine
from testkit.kb import run_kb

GOOD = (
    "Council expands the bus network\n\nThe city council voted on Tuesday to expand the bus network. "
    '"This is a good day for riders," council member Ana Reyes said. The plan adds 12 routes.\n'
)


def good(n: int) -> str:
    return GOOD.replace("12 routes", f"{n} routes")


def lines(stderr: str, label: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith(label + " ")]


def query(url: str, sql: str) -> list[tuple]:
    engine = create_script_engine(url)
    with engine.connect() as conn:
        found = [tuple(r) for r in conn.execute(text(sql))]
    engine.dispose()
    return found


def test_lone_surrogates_are_replaced_and_said_and_nul_refused(tmp_path, fresh_url):
    """JSON may escape half a surrogate pair; it cannot be stored as text on either database."""
    (tmp_path / "one.json").write_text(
        json.dumps({"text": good(1) + " Cheers \ud83d!", "title": "Buses \udc00"}, ensure_ascii=True)
    )
    (tmp_path / "many.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"text": good(2), "publisher": "Metro \ud800"}),
                json.dumps({"text": good(3) + "\u0000"}),
                json.dumps({"text": good(4), "title": "nul\u0000title"}),
                json.dumps({"text": good(5)}),
            ]
        )
    )
    result = run_kb(["ingest", str(tmp_path)], fresh_url)
    assert result.returncode == 1, result.stderr
    failed = lines(result.stderr, "failed")
    assert len(failed) == 2 and "Traceback" not in result.stderr
    assert any("many.jsonl:2: article text contains NUL" in f for f in failed)
    assert any("many.jsonl:3: 'title' contains NUL" in f for f in failed)
    notes = "\n".join(lines(result.stderr, "note"))
    assert "one.json: a lone surrogate in 'text' (not valid Unicode) replaced with U+FFFD" in notes
    assert (
        "one.json: a lone surrogate in 'title'" in notes
        and "many.jsonl:1: a lone surrogate in 'publisher'" in notes
    )
    assert "ingested 3, already present 0, failed 2" in result.stdout
    stored = dict(query(fresh_url, "SELECT origin, title FROM sources"))
    assert stored[str(tmp_path / "one.json")] == "Buses \ufffd"
    [(body,)] = query(fresh_url, "SELECT text FROM sources WHERE title = 'Buses \ufffd'")
    assert body.endswith("Cheers \ufffd!")


def test_deep_front_matter_fails_that_file_only(tmp_path, fresh_url):
    (tmp_path / "deep.md").write_text("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + good(1))
    (tmp_path / "fine.txt").write_text(good(2))
    result = run_kb(["ingest", str(tmp_path)], fresh_url)
    assert result.returncode == 1
    assert lines(result.stderr, "failed") == [
        f"failed {tmp_path / 'deep.md'}: front matter is nested too deeply"
    ]
    assert "ingested 1, already present 0, failed 1" in result.stdout


def test_a_publication_date_at_the_end_of_the_calendar(tmp_path, fresh_url):
    """Relative dates ("tomorrow", "this month") from 9999-12-31 have nowhere to go."""
    for i, when in enumerate(["tomorrow", "today", "this month", "next year"]):
        (tmp_path / f"far{i}.txt").write_text(
            f"Leaders meet\n\nThe two presidents meet in Paris {when} and will sign a trade deal, "
            f"officials said. The summit {when} is the first since 2019.\n"
        )
        (tmp_path / f"far{i}.meta.json").write_text(json.dumps({"published_at": "9999-12-31"}))
    (tmp_path / "later.txt").write_text(good(1))
    result = run_kb(["ingest", str(tmp_path)], fresh_url)
    assert result.returncode == 0, result.stderr
    assert "ingested 5, already present 0, failed 0" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_sidecar_that_is_a_directory_or_a_fifo(tmp_path, fresh_url):
    (tmp_path / "a.txt").write_text(good(1))
    (tmp_path / "a.meta.json").mkdir()
    (tmp_path / "b.txt").write_text(good(2))
    os.mkfifo(tmp_path / "b.meta.json")  # opening it to read would wait for a writer forever
    (tmp_path / "c.txt").write_text(good(3))
    result = run_kb(["ingest", str(tmp_path)], fresh_url, timeout=120)
    assert result.returncode == 1
    assert sorted(lines(result.stderr, "failed")) == [
        f"failed {tmp_path / 'a.txt'}: sidecar a.meta.json is a directory, not a regular file; not read",
        f"failed {tmp_path / 'b.txt'}: sidecar b.meta.json is a FIFO, not a regular file; not read",
    ]
    assert "ingested 1, already present 0, failed 2" in result.stdout


def test_non_regular_files_are_refused_by_type(tmp_path, fresh_url):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "fine.txt").write_text(good(1))
    result = run_kb(["ingest", str(folder), "/dev/zero", "/dev/null"], fresh_url, timeout=120)
    failed = lines(result.stderr, "failed")
    assert f"failed {folder / 'pipe.txt'}: file is a FIFO, not a regular file; not read" in failed
    assert (
        "failed /dev/zero: unsupported file type '(none)'; expected .txt, .md, .json, .jsonl, .html or .htm"
        in failed
    )
    assert "ingested 1, already present 0, failed 3" in result.stdout


def test_files_and_lines_over_the_size_limit_fail_in_one_line(tmp_path, fresh_url):
    (tmp_path / "big.txt").write_text(good(1) + "word " * 400)
    (tmp_path / "small.txt").write_text(good(2))
    records = [
        json.dumps({"text": good(3)}),
        json.dumps({"text": good(4) + "x" * 3000}),
        json.dumps({"text": good(5)}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(records) + "\n")
    result = run_kb(["ingest", str(tmp_path)], fresh_url, env={"KB_MAX_ARTICLE_BYTES": "1500"})
    failed = lines(result.stderr, "failed")
    assert any(
        f.startswith(f"failed {tmp_path / 'big.txt'}: file too large (2,") and "limit is 1,500" in f
        for f in failed
    )
    assert any(f.startswith(f"failed {tmp_path / 'feed.jsonl'}:2: line too large") for f in failed)
    assert len(failed) == 2
    assert "ingested 3, already present 0, failed 2" in result.stdout


def test_names_and_reasons_print_as_themselves(tmp_path, fresh_url):
    """Markup in a name is not markup; a newline in a name cannot forge a second line."""
    names = [
        "[bold]loud.txt",
        "two\nfailed forged.txt",
        "esc\x1b[31mred.txt",
        "rtl\u202etxt.txt",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"")  # empty: each fails
    (tmp_path / "[x].json").write_text(json.dumps({"text": good(2), "published_at": "[/x] [bold]"}))
    (tmp_path / "[red]fine.txt").write_text(good(1))
    result = run_kb(["ingest", str(tmp_path)], fresh_url)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    failed = lines(result.stderr, "failed")
    assert sorted(failed) == sorted(
        [
            f"failed {tmp_path}/[bold]loud.txt: empty file",
            f"failed {tmp_path}/[x].json: 'published_at' is not an ISO date or datetime: '[/x] [bold]'",
            f"failed {tmp_path}/two\\nfailed forged.txt: empty file",
            f"failed {tmp_path}/esc\\x1b[31mred.txt: empty file",
            f"failed {tmp_path}/rtl\\u202etxt.txt: empty file",
        ]
    )
    assert len(result.stderr.splitlines()) == len(failed)
    assert "ingested 1, already present 0, failed 5" in result.stdout
    assert query(fresh_url, "SELECT origin FROM sources") == [(f"{tmp_path}/[red]fine.txt",)]


def test_values_too_long_for_a_column_are_cut_with_a_note_on_both_databases(tmp_path, fresh_url):
    publisher = "The " + "Very " * 57 + "Long Gazette."  # 302 characters; the column holds 200
    (tmp_path / "a.json").write_text(
        json.dumps({"text": good(1), "publisher": publisher, "language": "x" * 30})
    )
    result = run_kb(["ingest", str(tmp_path)], fresh_url)
    assert result.returncode == 0, result.stderr
    notes = lines(result.stderr, "note")
    assert any("publisher cut to 200 characters (it had 302)" in n for n in notes)
    assert any("language cut to 20 characters" in n for n in notes)
    [(stored, language)] = query(fresh_url, "SELECT publisher, language FROM sources")
    assert stored == publisher[:200].rstrip() and language == "x" * 20


def test_unsupported_files_in_a_folder_are_named(tmp_path, fresh_url):
    (tmp_path / "a.txt").write_text(good(1))
    (tmp_path / "notes.csv").write_text("a,b\n")
    (tmp_path / "a.meta.json").write_text("{}")
    result = run_kb(["ingest", str(tmp_path)], fresh_url)
    assert result.returncode == 0
    assert "skipped 1 unsupported file: notes.csv" in result.stdout.splitlines()
    assert "ingested 1, already present 0, failed 0" in result.stdout


def test_a_file_name_that_is_not_utf8(tmp_path, fresh_url):
    """Linux file names are bytes: one that is not UTF-8 is stored and printed with ``\\xNN``."""
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "w") as fh:
        fh.write(good(1))
    with open(folder + b"/empty\xff.txt", "wb"):
        pass
    result = run_kb(["ingest", str(tmp_path)], fresh_url)
    assert lines(result.stderr, "failed") == [f"failed {tmp_path}/empty\\xff.txt: empty file"]
    assert "ingested 1, already present 0, failed 1" in result.stdout
    assert query(fresh_url, "SELECT origin FROM sources") == [(f"{tmp_path}/caf\\xe9.txt",)]
