"""`kb ingest` as operators use it: bad files are reported one line each, the good ones go in,
re-ingest is a no-op, exit status says whether everything went in."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from app.storage.db import create_script_engine
from testkit.kb import run_kb

GOOD = (
    'The city council voted on Tuesday to expand the bus network. "This is a good day for riders," '
    "council member Ana Reyes said. The plan adds 12 routes."
)


def counts(url: str) -> dict[str, int]:
    engine = create_script_engine(url)
    with engine.connect() as conn:
        out = {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
            for t in ("sources", "quotes", "people")
        }
    engine.dispose()
    return out


def make_messy_folder(root: Path) -> Path:
    folder = root / "incoming"
    (folder / "nested").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD)
    (folder / "nested" / "story.md").write_text(
        "---\ntitle: Buses\npublisher: City Desk\n---\n" + GOOD.replace("Tuesday", "Wednesday")
    )
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_text("")
    (folder / "latin1.txt").write_bytes("Caf\xe9 owners said prices rose.".encode("latin-1"))
    (folder / "records.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"text": GOOD.replace("Tuesday", "Friday"), "publisher": "Metro"}),
                "{not json",
                json.dumps({"title": "no text here"}),
                json.dumps({"text": GOOD.replace("Tuesday", "Monday"), "published_at": "yesterday"}),
            ]
        )
    )
    (folder / "one.json").write_text(
        json.dumps({"text": GOOD.replace("Tuesday", "Sunday"), "authors": ["Lee Ho"]})
    )
    (folder / "bad.json").write_text("[1, 2, 3]")
    (folder / "with-sidecar.txt").write_text(GOOD.replace("Tuesday", "Saturday"))
    (folder / "with-sidecar.meta.json").write_text(
        json.dumps({"publisher": "Sidecar Times", "published_at": "2025-02-01"})
    )
    (folder / "notes.csv").write_text("a,b\n1,2\n")
    return folder


def test_a_messy_folder_reports_each_bad_file_and_keeps_the_good(tmp_path, fresh_url):
    folder = make_messy_folder(tmp_path)
    result = run_kb(["ingest", str(folder)], fresh_url)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("failed ")]
    reasons = "\n".join(errors)
    assert "binary.txt: binary file" in reasons
    assert "empty.txt: empty file" in reasons
    assert "latin1.txt: not valid UTF-8" in reasons
    assert "records.jsonl:2: invalid JSON" in reasons
    assert "records.jsonl:3: missing 'text'" in reasons
    assert "records.jsonl:4: 'published_at' is not an ISO date" in reasons
    assert "bad.json: expected a JSON object" in reasons
    assert len(errors) == 7, reasons
    assert "Traceback" not in result.stderr + result.stdout
    assert "ingested 5, already present 0, failed 7" in result.stdout
    assert counts(fresh_url)["sources"] == 5


def test_reingest_is_a_no_op(tmp_path, fresh_url):
    folder = make_messy_folder(tmp_path)
    run_kb(["ingest", str(folder)], fresh_url)
    before = counts(fresh_url)
    again = run_kb(["ingest", str(folder)], fresh_url)
    assert "ingested 0, already present 5" in again.stdout
    assert counts(fresh_url) == before


def test_sidecar_and_front_matter_metadata_win(tmp_path, fresh_url):
    folder = make_messy_folder(tmp_path)
    run_kb(["ingest", str(folder)], fresh_url)
    engine = create_script_engine(fresh_url)
    with engine.connect() as conn:
        rows = dict(
            conn.execute(
                text("SELECT publisher, published_at FROM sources WHERE publisher IS NOT NULL")
            ).all()
        )
    engine.dispose()
    assert rows["Sidecar Times"] == "2025-02-01"
    assert "City Desk" in rows and "Metro" in rows


def test_only_good_files_exit_zero(tmp_path, fresh_url):
    folder = tmp_path / "clean"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    (folder / "copy-of-a.txt").write_text(GOOD)  # the same text under another name is already present
    result = run_kb(["ingest", str(folder), str(folder / "a.txt")], fresh_url)
    assert result.returncode == 0, result.stderr
    assert "ingested 1, already present 1, failed 0" in result.stdout


def test_a_missing_path_is_reported(tmp_path, fresh_url):
    result = run_kb(["ingest", str(tmp_path / "nope")], fresh_url)
    assert result.returncode == 1
    assert "nope: no such file or directory" in result.stderr


def test_an_unreachable_database_is_one_clear_line(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    url = "postgresql+psycopg://postgres@127.0.0.1:1/none"
    result = run_kb(["ingest", str(tmp_path)], url)
    assert result.returncode == 2
    assert "cannot reach the database" in result.stderr and "Traceback" not in result.stderr
