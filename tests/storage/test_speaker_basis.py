"""speaker.basis end to end: an invented article goes through `kb ingest`, and the API tells how
each quote's speaker was found (SPEC: explicit, pronoun, descriptor, inherited, organisation,
none) and filters on it with ``?basis=``; an organisation speaker is found by the first words of
its name (``speaker=Bluewater`` finds "Bluewater Ferries Ltd.")."""

from __future__ import annotations

import pytest

from testkit.kb import run_kb

ARTICLE = """Ferry service to Kettle Island resumes after storm

Ferry crossings to Kettle Island will resume on Monday after a week of storms, the operator said.

"We have inspected every berth and the boats are ready to sail again," said Dana Whitfield, the harbour master.

She added that the first crossing would leave at dawn.

"The island has been cut off long enough. People need their supplies."

Bluewater Ferries Ltd. said in a statement that timetables would return to normal by Friday.

Bluewater said on Sunday that two extra boats would be added.

A spokesman for the island council said residents had been patient.

The crossing takes forty minutes in calm weather.

Repairs to the northern pier are planned for the spring.

"Nobody on the island will forget this week of wind and rain for a very long time."
"""

EXPECTED = {
    "We have inspected every berth": ("explicit", "Dana Whitfield"),
    "the first crossing would leave at dawn": ("pronoun", "Dana Whitfield"),
    "The island has been cut off long enough": ("inherited", "Dana Whitfield"),
    "timetables would return to normal": ("organisation", "Bluewater Ferries Ltd."),
    "two extra boats would be added": ("organisation", "Bluewater Ferries Ltd."),
    "residents had been patient": ("organisation", "the island council"),  # SCHEMA: a spokesperson for X is X
    "Nobody on the island will forget": ("none", None),
}


@pytest.fixture
def ferry_api(tmp_path, fresh_url, server_factory):
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    done = run_kb(["ingest", str(path)], fresh_url)
    assert done.returncode == 0, done.stderr
    return server_factory(fresh_url)


def _find(items: list[dict], words: str) -> dict:
    [item] = [q for q in items if q["text"].startswith(words) or words in q["text"]]
    return item


def test_each_quote_says_how_its_speaker_was_found(ferry_api):
    items = ferry_api.client.get("/quotes", params={"limit": 100}).json()["items"]
    for words, (basis, name) in EXPECTED.items():
        item = _find(items, words)
        if name is None:
            assert item["speaker"] is None
        else:
            assert (item["speaker"]["basis"], item["speaker"]["name"]) == (basis, name), words
    for words, (basis, _) in EXPECTED.items():
        filtered = ferry_api.client.get("/quotes", params={"basis": basis, "limit": 100}).json()["items"]
        assert _find(filtered, words)
        assert all((q["speaker"] or {}).get("basis", "none") == basis for q in filtered)


@pytest.mark.parametrize("asked", ["Bluewater", "bluewater ferries", "Bluewater Ferries Ltd."])
def test_an_organisation_is_found_by_the_first_words_of_its_name(ferry_api, asked):
    items = ferry_api.client.get("/quotes", params={"speaker": asked, "limit": 100}).json()["items"]
    assert {q["speaker"]["name"] for q in items} == {"Bluewater Ferries Ltd."}
    assert len(items) == 2
    assert ferry_api.client.get("/quotes", params={"speaker": "Blue"}).json()["items"] == []
