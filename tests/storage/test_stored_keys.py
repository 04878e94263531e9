"""The writer stores under the keys the readers look up (app.keys), whatever the spelling.

Each test stores a hand-built article whose values are written one way, then checks the key
column against the key of the same value typed another way (upper case, accents stripped, "SS"
for "ß", non-breaking spaces, full-width letters, curly apostrophes, a leading "The").
"""

from __future__ import annotations

from datetime import date

import pytest

from app import keys
from testkit.facts import Article
from testkit.tricky import SAME_NAME, SAME_ORGANISATION

from .conftest import count, rows, store


@pytest.mark.parametrize(("written", "typed"), SAME_ORGANISATION)
def test_publisher_key(engine, written, typed):
    store(engine, Article("Some news.", publisher=written))
    assert rows(engine, "SELECT publisher, publisher_key FROM sources") == [
        (written, keys.publisher_key(typed))
    ]


def test_people_and_aliases_and_speakers_and_participants(engine):
    for day, (written, typed) in enumerate(SAME_NAME, start=1):
        text = f'{written} spoke. "We will build it," {written} said.'
        a = Article(text, origin=f"{typed}.txt")
        person = a.person(written)
        a.quote("We will build it", person)
        a.event(f"Speech {day}", "spoke", kind="speech", on=date(2025, 1, day), participants=(person,))
        store(engine, a)
        key = keys.name_key(typed)
        (pid,) = rows(engine, "SELECT id FROM people WHERE name_key = :k", k=key)[0]
        assert rows(engine, "SELECT person_id FROM person_aliases WHERE alias_key = :k", k=key) == [(pid,)]
        assert rows(
            engine, "SELECT count(*) FROM quotes WHERE speaker_key = :k", k=keys.speaker_key(typed)
        ) == [(1,)]
        assert rows(engine, "SELECT person_id FROM event_participants WHERE name_key = :k", k=key) == [(pid,)]


def test_an_organisation_speaks_under_its_key(engine):
    for written, typed in SAME_ORGANISATION:
        a = Article(f'"Prices will rise," {written} said.', origin=typed)
        a.quote("Prices will rise", written, speaker_type="organization")
        store(engine, a)
        found = rows(
            engine, "SELECT speaker_name FROM quotes WHERE speaker_key = :k", k=keys.speaker_key(typed)
        )
        assert found == [(written,)], typed
        with engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM evidence")
            conn.exec_driver_sql("DELETE FROM quotes")


def test_a_quote_in_other_typography_is_the_same_quote(engine):
    first = Article("“We don’t sell,” said the firm.", origin="a")
    first.quote("We don’t sell", "The Firm", speaker_type="organization")
    second = Article('"WE DON\'T SELL," said the firm.', origin="b")
    second.quote("WE DON'T SELL", "the firm", speaker_type="organization")
    store(engine, first)
    store(engine, second)
    assert rows(engine, "SELECT text_key FROM quotes") == [(keys.quote_text_key("we don't sell"),)]
    assert count(engine, "evidence") == 2


def test_figure_period_and_measure_keys(engine):
    first = Article("Exports were $5 billion in the 2024 fiscal year.", origin="a")
    first.figure("$5 billion", 5e9, "USD", measure="Japan's exports", period="The 2024 Fiscal\u00a0Year")
    second = Article("Japanese exports reached $5 billion in 2024 FISCAL YEAR.", origin="b")
    second.figure("$5 billion", 5e9, "USD", measure="Japanese exports", period="2024 FISCAL YEAR")
    store(engine, first)
    store(engine, second)
    assert rows(engine, "SELECT measure_key, period_key FROM figures") == [
        (keys.measure_key("japanese export"), keys.period_key("2024 fiscal year"))
    ]
    assert count(engine, "evidence") == 2  # the second report is the same figure


def test_event_summary_key(engine):
    a = Article("Leaders met in Paris.")
    a.event("Leaders  MEET in\u00a0Paris", "met", kind="meeting", on=date(2025, 3, 1))
    store(engine, a)
    assert rows(engine, "SELECT summary_key FROM events") == [
        (keys.summary_key("leaders meet in\u00a0paris"),)
    ]
