"""Through the real `kb ingest` and the real `kb serve`: whatever the spelling an article uses for
a publisher, a speaker or a person, every way a client may type it finds it over HTTP."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from testkit.kb import run_kb
from testkit.tricky import variants

COUNCIL = """Council approves the harbour budget

The city council approved the harbour budget on Tuesday after a long debate.

"This is a good day for the harbour," said Jürgen Weiß, the council's finance chief. Weiß has led the committee since 2019.

"We listened to every resident," council member Seán O’Neill said.
"""
FERRY = """Ferry service to resume

The ferry service will resume in May, the port authority said on Monday.

"Passengers have waited long enough," said Zoë Çelik, the port's director.
"""
PUBLISHERS = {"council": "Süddeutsche Straße Zeitung", "ferry": "The Straits Times"}


@pytest.fixture
def api(tmp_path: Path, fresh_url, server_factory):
    for stem, text in (("council", COUNCIL), ("ferry", FERRY)):
        (tmp_path / f"{stem}.txt").write_text(text)
        (tmp_path / f"{stem}.meta.json").write_text(json.dumps({"publisher": PUBLISHERS[stem]}))
    result = run_kb(["ingest", str(tmp_path)], fresh_url)
    assert result.returncode == 0, result.stderr
    return server_factory(fresh_url)


def ids(api, path: str, **params: str) -> set[int]:
    response = api.client.get(path, params=params)
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


def test_every_spelling_finds_the_publisher_speaker_and_person(api):
    sources = api.client.get("/sources").json()["items"]
    for source in sources:
        for how, typed in variants(source["publisher"]).items():
            assert ids(api, "/sources", publisher=typed) == {source["id"]}, (source["publisher"], how)
    assert ids(api, "/sources", publisher="straits times") == ids(
        api, "/sources", publisher="The Straits Times"
    )
    assert ids(api, "/sources", publisher="SUDDEUTSCHE STRASSE ZEITUNG")

    quotes = api.client.get("/quotes").json()["items"]
    speakers = {q["speaker"]["name"] for q in quotes if q["speaker"]}
    assert {"Jürgen Weiß", "Seán O’Neill", "Zoë Çelik"} <= speakers
    for name in speakers:
        said = {q["id"] for q in quotes if q["speaker"] and q["speaker"]["name"] == name}
        for how, typed in variants(name).items():
            assert said <= ids(api, "/quotes", speaker=typed), (name, how)
    assert ids(api, "/quotes", speaker="WEISS") == ids(api, "/quotes", speaker="Jürgen Weiß")

    people = api.client.get("/people").json()["items"]
    assert {"Jürgen Weiß", "Seán O’Neill"} <= {p["name"] for p in people}
    for person in people:
        for how, typed in variants(person["name"]).items():
            assert person["id"] in ids(api, "/people", name=typed), (person["name"], how)
