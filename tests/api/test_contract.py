"""The fixed contract of ../shared/SPEC.md, checked the way outside tools use it: `kb ingest` the
seeds, `kb serve`, read every endpoint over HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit.kb import ROOT, run_kb

OBJECT_FIELDS = {
    "/sources": {
        "id": int,
        "title": (str, type(None)),
        "publisher": (str, type(None)),
        "authors": list,
        "published_at": (str, type(None)),
        "url": (str, type(None)),
        "dateline": (str, type(None)),
    },
    "/people": {
        "id": int,
        "name": str,
        "aliases": list,
        "title": (str, type(None)),
        "affiliation": (str, type(None)),
    },
    "/quotes": {
        "id": int,
        "text": str,
        "kind": str,
        "speaker": (dict, type(None)),
        "topics": list,
        "evidence": list,
    },
    "/figures": {
        "id": int,
        "text": str,
        "value": (int, float, type(None)),
        "unit": (str, type(None)),
        "measure": (str, type(None)),
        "period": (str, type(None)),
        "topics": list,
        "evidence": list,
    },
    "/events": {
        "id": int,
        "summary": str,
        "date_start": (str, type(None)),
        "date_end": (str, type(None)),
        "date_precision": (str, type(None)),
        "location": (str, type(None)),
        "participants": list,
        "evidence": list,
    },
}


def all_items(api, path: str, **params) -> list[dict]:
    out, cursor = [], None
    while True:
        body = api.client.get(
            path, params={**params, "limit": 200, **({"cursor": cursor} if cursor else {})}
        ).json()
        out += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            return out


def test_gabuev_quotes_with_evidence_that_reproduces(seeds_api):
    quotes = all_items(seeds_api, "/quotes", speaker="Gabuev")
    assert len(quotes) >= 5
    assert {q["speaker"]["name"] for q in quotes} == {"Alexander Gabuev"}
    for quote in quotes:
        for evidence in quote["evidence"]:
            text = seeds_api.client.get(f"/sources/{evidence['source_id']}").json()["text"]
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]


@pytest.mark.parametrize("path", list(OBJECT_FIELDS))
def test_every_object_field_is_present_with_its_type(seeds_api, path):
    found = all_items(seeds_api, path)
    if path in ("/sources", "/people", "/quotes"):
        assert found, f"{path} is empty after ingesting the seeds"
    for item in found:
        for field, kinds in OBJECT_FIELDS[path].items():
            assert field in item, f"{path} item lacks {field}"
            assert isinstance(item[field], kinds), f"{path}.{field} = {item[field]!r}"
        if path == "/quotes":
            assert item["kind"] in ("direct", "partial", "indirect")
            if item["speaker"] is not None:
                assert set(item["speaker"]) >= {"id", "name", "type"}
                assert item["speaker"]["type"] in ("person", "organization", "anonymous")


def test_every_evidence_entry_reproduces_from_the_source_text(seeds_api):
    texts = {
        s["id"]: seeds_api.client.get(f"/sources/{s['id']}").json()["text"]
        for s in all_items(seeds_api, "/sources")
    }
    checked = 0
    for path in ("/quotes", "/figures", "/events"):
        for item in all_items(seeds_api, path):
            assert item["evidence"], f"{path}/{item['id']} has no evidence"
            for ev in item["evidence"]:
                assert texts[ev["source_id"]][ev["start"] : ev["end"]] == ev["text"]
                if ev.get("sentence"):
                    assert ev["text"] in ev["sentence"]
                checked += 1
    for person in all_items(seeds_api, "/people"):
        for ev in seeds_api.client.get(f"/people/{person['id']}").json()["mentions"]:
            assert texts[ev["source_id"]][ev["start"] : ev["end"]] == ev["text"]
            checked += 1
    assert checked > 50


def test_reporters_are_authors_not_people(seeds_api):
    names = {p["name"] for p in all_items(seeds_api, "/people")}
    for source in all_items(seeds_api, "/sources"):
        assert not set(source["authors"]) & names


def test_kb_works_from_another_directory_on_a_fresh_database(tmp_path, fresh_url, seeds_dir):
    elsewhere = tmp_path / "somewhere" / "else"
    elsewhere.mkdir(parents=True)
    one = next(seeds_dir.glob("*.txt"))
    first = run_kb(["ingest", str(one)], fresh_url, cwd=elsewhere)
    assert first.returncode == 0, first.stderr
    assert "ingested 1, already present 0, failed 0" in first.stdout
    again = run_kb(["ingest", str(one)], fresh_url, cwd=elsewhere)
    assert again.returncode == 0 and "ingested 0, already present 1" in again.stdout
    assert run_kb(["migrate"], fresh_url, cwd=elsewhere).returncode == 0


def test_default_database_is_kb_sqlite3_in_the_working_directory(tmp_path):
    import os
    import subprocess

    from testkit.kb import kb_command

    env = {k: v for k, v in os.environ.items() if k != "KB_DATABASE_URL"}
    result = subprocess.run([*kb_command(), "migrate"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kb.sqlite3").exists()


def test_venv_kb_exists():
    assert (ROOT / ".venv" / "bin" / "kb").exists() or pytest.skip("not running from the project's .venv")


def test_readme_quick_start_is_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme and "make test" in readme
    assert Path(ROOT / ".ci" / "run").read_text().count("make test") >= 1
