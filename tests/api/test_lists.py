"""Every list endpoint and filter, over a corpus whose rows are known exactly (tests/corpus.py)."""

from __future__ import annotations

import pytest

from tests.test_taxonomy import REQUIRED


def items(api, path: str, **params) -> list[dict]:
    response = api.client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def texts(found: list[dict], key: str = "text") -> list:
    return [x[key] for x in found]


class TestQuotes:
    def test_a_quote_reported_by_two_sources_is_one_quote_with_two_evidence_entries(self, corpus_api):
        [quote] = items(corpus_api, "/quotes", q="plant open winter")
        assert quote["speaker"]["name"] == "Maria Lopez"
        assert sorted(e["source_id"] for e in quote["evidence"]) == [
            corpus_api.source_ids[0],
            corpus_api.source_ids[2],
        ]

    @pytest.mark.parametrize("speaker", ["Lopez", "lopez", "Maria Lopez", "MARIA LOPEZ"])
    def test_speaker_by_any_name_any_case(self, corpus_api, speaker):
        assert texts(items(corpus_api, "/quotes", speaker=speaker)) == [
            "We will keep the plant open through the winter"
        ]

    def test_organisation_speaker_with_or_without_the(self, corpus_api):
        for name in ("the company", "Company"):
            [quote] = items(corpus_api, "/quotes", speaker=name)
            assert quote["speaker"] == {
                "id": None,
                "name": "the company",
                "type": "organization",
                "basis": None,
            }

    def test_unknown_speaker_finds_nothing(self, corpus_api):
        assert items(corpus_api, "/quotes", speaker="Nobody Atall") == []

    def test_kind(self, corpus_api):
        assert {q["kind"] for q in items(corpus_api, "/quotes", kind="indirect")} == {"indirect"}
        assert len(items(corpus_api, "/quotes", kind="direct")) == 2

    def test_topic_matches_descendants(self, corpus_api):
        assert len(items(corpus_api, "/quotes", topic="energy")) == 2
        assert len(items(corpus_api, "/quotes", topic="economy")) == 2  # energy sits under economy
        assert texts(items(corpus_api, "/quotes", topic="crime")) == ["The public trust was betrayed"]

    def test_full_text_needs_every_word(self, corpus_api):
        assert len(items(corpus_api, "/quotes", q="PUBLIC trust")) == 1
        assert items(corpus_api, "/quotes", q="public refinery") == []

    def test_source_id(self, corpus_api):
        court = corpus_api.source_ids[1]
        assert texts(items(corpus_api, "/quotes", source_id=court)) == ["The public trust was betrayed"]

    def test_filters_combine(self, corpus_api):
        assert items(corpus_api, "/quotes", speaker="Lopez", kind="indirect") == []
        assert len(items(corpus_api, "/quotes", speaker="Lopez", topic="energy", kind="direct")) == 1


class TestPeople:
    def test_one_person_across_sources_with_aliases_and_counts(self, corpus_api):
        assert sorted(texts(items(corpus_api, "/people", name="lopez"), "name")) == [
            "Ann Lopez",
            "Maria Lopez",
        ]
        [lopez] = items(corpus_api, "/people", name="maria lopez")
        assert lopez["name"] == "Maria Lopez"
        assert "Lopez" in lopez["aliases"]
        assert lopez["title"] == "chief executive" and lopez["affiliation"] == "Gulf Coast Energy"
        assert lopez["quote_count"] == 1 and lopez["mention_count"] == 3

    def test_q_is_a_substring_of_any_name(self, corpus_api):
        assert texts(items(corpus_api, "/people", q="ONRO"), "name") == ["Alice Monroe"]

    def test_source_id(self, corpus_api):
        names = texts(items(corpus_api, "/people", source_id=corpus_api.source_ids[1]), "name")
        assert sorted(names) == ["Alice Monroe", "Ann Lopez", "Peter Grant"]

    def test_detail_lists_sources_and_mentions(self, corpus_api):
        [lopez] = items(corpus_api, "/people", name="Maria Lopez")
        detail = corpus_api.client.get(f"/people/{lopez['id']}").json()
        assert [s["id"] for s in detail["sources"]] == [corpus_api.source_ids[0], corpus_api.source_ids[2]]
        assert len(detail["mentions"]) == 3


class TestFigures:
    def test_topic_unit_and_value_range(self, corpus_api):
        assert len(items(corpus_api, "/figures", topic="energy")) == 2
        assert texts(items(corpus_api, "/figures", unit="years")) == ["six years"]
        assert texts(items(corpus_api, "/figures", min_value=255000)) == ["260,000 barrels per day"]
        assert texts(items(corpus_api, "/figures", max_value=10)) == ["six years"]
        assert items(corpus_api, "/figures", min_value=10, max_value=20) == []

    def test_two_sources_disagreeing_are_marked_conflicting(self, corpus_api):
        found = items(corpus_api, "/figures", conflicting="true")
        assert sorted(texts(found)) == ["250,000 barrels per day", "260,000 barrels per day"]
        a, b = found
        assert a["conflicts_with"] == [b["id"]] and b["conflicts_with"] == [a["id"]]
        assert texts(items(corpus_api, "/figures", conflicting="false")) == ["six years"]

    def test_q_searches_measure(self, corpus_api):
        assert texts(items(corpus_api, "/figures", q="prison")) == ["six years"]


class TestEvents:
    def test_date_range_overlaps(self, corpus_api):
        second, third = (
            f"Maria Lopez re-elected to a {n} term as chief executive" for n in ("second", "third")
        )
        assert texts(items(corpus_api, "/events", date_from="2025-01-01"), "summary") == [
            "Gulf Coast Energy says refinery stays open",
            second,
            "Refinery workers rally",
            third,
        ]
        # a month-precision event overlaps any day of its month
        assert texts(
            items(corpus_api, "/events", date_from="2025-01-31", date_to="2025-02-10"), "summary"
        ) == [
            second,
            "Refinery workers rally",
            third,
        ]
        assert texts(items(corpus_api, "/events", date_to="2024-12-31"), "summary") == [
            "Peter Grant sentenced for bribery"
        ]

    def test_dates_are_rendered_at_their_precision(self, corpus_api):
        [rally] = items(corpus_api, "/events", q="rally")
        assert rally["date_start"] == "2025-01" and rally["date_precision"] == "month"

    def test_participant_by_alias_or_organisation(self, corpus_api):
        assert texts(items(corpus_api, "/events", participant="grant"), "summary") == [
            "Peter Grant sentenced for bribery"
        ]
        [event] = items(corpus_api, "/events", participant="Gulf Coast Energy")
        assert event["participants"][0]["name"] == "Maria Lopez" and event["participants"][0]["id"]
        assert event["participants"][1] == {"id": None, "name": "Gulf Coast Energy"}

    def test_two_sources_disagreeing_on_an_event_are_marked_conflicting(self, corpus_api):
        found = items(corpus_api, "/events", conflicting="true")
        assert sorted(texts(found, "summary")) == [
            "Maria Lopez re-elected to a second term as chief executive",
            "Maria Lopez re-elected to a third term as chief executive",
        ]
        a, b = found
        assert a["conflicts_with"] == [b["id"]] and b["conflicts_with"] == [a["id"]]
        assert len(items(corpus_api, "/events", conflicting="false")) == 3


class TestSources:
    def test_publisher_any_case(self, corpus_api):
        assert texts(items(corpus_api, "/sources", publisher="reuters"), "title") == [
            "Refinery to stay open through winter"
        ]

    def test_publication_dates(self, corpus_api):
        found = items(corpus_api, "/sources", date_from="2025-01-01", date_to="2025-01-15")
        assert texts(found, "title") == ["Refinery to stay open through winter"]

    def test_detail_has_text_and_counts(self, corpus_api):
        detail = corpus_api.client.get(f"/sources/{corpus_api.source_ids[0]}").json()
        assert detail["text"].startswith("Refinery to stay open")
        assert detail["counts"] == {"people": 2, "quotes": 3, "figures": 1, "events": 2}
        assert detail["authors"] == ["Dana Whitfield"] and detail["dateline"] == "HOUSTON"


def test_topics_taxonomy(corpus_api):
    body = corpus_api.client.get("/topics").json()
    by_slug = {t["slug"]: t for t in body["items"]}
    for slug in REQUIRED:
        assert by_slug[slug]["iptc_code"].startswith("medtop:")
    assert by_slug["energy"]["parent"] == "economy"
