"""What one database stores the other stores too: values longer than their column are cut to it
with a note (PostgreSQL refused the whole article, SQLite kept them whole), and a figure whose
value is not a finite number is stored without one."""

from __future__ import annotations

from datetime import date

from app import keys
from testkit.facts import Article

from .conftest import rows, store

LONG_NAME = "Spokesperson " + "Of The Extremely Long Committee " * 9 + "Jones"  # 306 characters


def test_a_long_speaker_and_person_name_are_cut_with_a_note(engine):
    a = Article(f'"We will build," said {LONG_NAME}.')
    a.quote("We will build", a.person(LONG_NAME))
    a.event("A statement", "said", kind="statement", on=date(2025, 1, 2), participants=("p0",))
    result = store(engine, a)
    assert result.source_id is not None
    assert any(n.startswith("a person's name cut to 200 characters (it had 306)") for n in result.notes)
    [(name, key)] = rows(engine, "SELECT name, name_key FROM people")
    assert name == LONG_NAME[:200].rstrip() and key == keys.name_key(name)
    [(speaker, skey)] = rows(engine, "SELECT speaker_name, speaker_key FROM quotes")
    assert speaker == LONG_NAME[:300].rstrip() and skey == keys.speaker_key(LONG_NAME)  # as written


def test_figure_fields_wider_than_their_columns_and_infinite_values(engine):
    a = Article("Output was infinite this period. It rose 5 percent.")
    a.figure("infinite", float("inf"), "count", measure="output")
    a.figure("5 percent", 5, "percent", measure="rise", period="the period " + "of time " * 20)
    result = store(engine, a)
    assert "figure 'infinite' has no finite value (inf); stored without one" in result.notes
    assert any(n.startswith("a figure's period cut to 100 characters") for n in result.notes)
    assert rows(engine, "SELECT text FROM figures WHERE value IS NULL") == [("infinite",)]
    assert rows(engine, "SELECT text FROM figures WHERE value >= 0 ORDER BY id") == [("5 percent",)]


def test_a_long_publisher_is_cut_and_found_by_its_key(engine):
    publisher = "The " + "Very " * 57 + "Long Gazette."
    result = store(engine, Article("News.", publisher=publisher))
    assert any(n.startswith("publisher cut to 200 characters (it had 302)") for n in result.notes)
    [(stored, key)] = rows(engine, "SELECT publisher, publisher_key FROM sources")
    assert stored == publisher[:200].rstrip() and key == keys.publisher_key(stored)  # as served


def test_an_event_at_the_end_of_the_calendar_is_stored_undated(engine):
    a = Article("The summit is tomorrow.")
    a.event("The summit", "summit", kind="meeting", on=date(9999, 12, 31))
    result = store(engine, a)
    assert any("the calendar ends there; stored undated" in n for n in result.notes)
    assert rows(engine, "SELECT summary, date_start FROM events") == [("The summit", None)]
