"""The article writer's merge logic, called directly with hand-built articles (no spaCy): a fact
seen again gains evidence instead of a duplicate, contradictions are kept and linked, people are
found again under their aliases, a text is stored once, and an article goes in whole or not at all.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.extraction.types import Span
from app.storage.writer import BadEvidence
from testkit.facts import Article

from .conftest import count, rows, store

TABLES = ("sources", "people", "person_aliases", "quotes", "figures", "events", "evidence")


def counts(engine) -> dict[str, int]:
    return {t: count(engine, t) for t in TABLES}


def evidence(engine, fact_type: str) -> list[tuple]:
    """(fact id, source id, evidence text, the source's text at the offsets), one row per evidence."""
    return rows(
        engine,
        "SELECT e.fact_id, e.source_id, e.text, e.start_char, e.end_char, s.text FROM evidence e "
        "JOIN sources s ON s.id = e.source_id WHERE e.fact_type = :t ORDER BY e.id",
        t=fact_type,
    )


def assert_reproduces(found: list[tuple]) -> None:
    for _fid, _sid, text, start, end, source in found:
        assert source[start:end] == text


def test_a_quote_reported_by_two_sources_is_one_quote_with_evidence_from_each(engine):
    a = Article('"Riders have waited long enough," Ana Reyes said on Monday.', origin="a.txt")
    a.quote("Riders have waited long enough", a.person("Ana Reyes"))
    b = Article('Council member Ana Reyes: "Riders have waited long enough."', origin="b.txt")
    b.quote("Riders have waited long enough.", b.person("Ana Reyes"))
    sa, sb = store(engine, a).source_id, store(engine, b).source_id
    assert count(engine, "quotes") == 1
    found = evidence(engine, "quote")
    assert [(sid, text) for _q, sid, text, *_ in found] == [
        (sa, "Riders have waited long enough"),
        (sb, "Riders have waited long enough."),
    ]
    assert_reproduces(found)


def test_near_verbatim_renderings_merge_and_other_words_do_not(engine):
    texts = {
        "uk": "The organisation will defend the harbour at any cost",
        "us": "The organization will defend the harbor at any cost",  # spelling
        "excerpt": "will defend the harbour at any cost",  # a clean excerpt of it
        "other": "The harbour will be sold next year",  # other words
    }
    for origin, words in texts.items():
        a = Article(f'"{words}," said Grace Okafor.', origin=origin)
        a.quote(words, a.person("Grace Okafor"))
        store(engine, a)
    quotes = rows(engine, "SELECT text FROM quotes ORDER BY id")
    assert quotes == [(texts["uk"],), (texts["other"],)]
    assert len(evidence(engine, "quote")) == 4


def test_quotes_differing_in_a_number_are_two_statements(engine):
    for origin, n in (("a", "1,037"), ("b", "1,777")):
        a = Article(f'"The port helped {n} shippers this year," Tomas Lindqvist said.', origin=origin)
        a.quote(f"The port helped {n} shippers this year", a.person("Tomas Lindqvist"))
        store(engine, a)
    assert count(engine, "quotes") == 2


def test_the_same_figure_from_two_sources_is_one_figure(engine):
    a = Article("Brazil-Japan trade reached $18 billion in 2024.", origin="a")
    a.figure("$18 billion", 18e9, "USD", measure="Brazil-Japan trade", period="2024")
    b = Article("Trade between Brazil and Japan was $18.2 billion in 2024.", origin="b")
    b.figure("$18.2 billion", 18.2e9, "USD", measure="trade between Brazil and Japan", period="2024")
    store(engine, a)
    store(engine, b)
    assert rows(engine, "SELECT text FROM figures") == [("$18 billion",)]
    found = evidence(engine, "figure")
    assert len({sid for _f, sid, *_ in found}) == 2
    assert_reproduces(found)
    assert count(engine, "figure_conflicts") == 0


def _trade_articles() -> list[Article]:
    a = Article("Brazil-Japan trade reached $18 billion in 2024.", origin="a")
    a.figure("$18 billion", 18e9, "USD", measure="Brazil-Japan trade", period="2024")
    b = Article("Trade between Brazil and Japan was $18 billion in 2024.", origin="b")
    b.figure("$18 billion", 18e9, "USD", measure="trade between Brazil and Japan", period="2024")
    return [a, b]


@pytest.mark.parametrize("order", [(0, 1), (1, 0)], ids=["short-first", "full-first"])
def test_a_repeated_figure_keeps_the_fullest_measure_whatever_the_arrival_order(engine, order):
    articles = _trade_articles()
    for i in order:
        store(engine, articles[i])
    assert rows(engine, "SELECT measure, measure_key FROM figures") == [
        ("trade between Brazil and Japan", "brazil japan trade")
    ]


def test_figures_that_contradict_each_other_are_both_kept_and_linked(engine):
    a = Article("Brazil-Japan trade reached $18 billion in 2024.", origin="a")
    a.figure("$18 billion", 18e9, "USD", measure="Brazil-Japan trade", period="2024")
    b = Article("Brazil-Japan trade was only $14 billion in 2024, the ministry said.", origin="b")
    b.figure("$14 billion", 14e9, "USD", measure="Brazil-Japan trade", period="2024")
    store(engine, a)
    store(engine, b)
    (first,), (second,) = rows(engine, "SELECT id FROM figures ORDER BY id")
    links = rows(engine, "SELECT figure_id, other_id FROM figure_conflicts ORDER BY figure_id")
    assert links == [(first, second), (second, first)]


def test_a_figure_restating_another_points_at_it(engine):
    a = Article("The deal is worth $1 billion (about 900 million euros).")
    a.figure("$1 billion", 1e9, "USD", measure="deal value")
    a.figure("900 million euros", 9e8, "EUR", measure="deal value", restates=0)
    store(engine, a)
    (usd, _none), (eur, restates) = rows(engine, "SELECT id, restates_id FROM figures ORDER BY id")
    assert restates == usd and eur != usd


def two_leaders_meet(origin: str, text: str, on: date, precision: str = "day") -> Article:
    a = Article(text, origin=origin)
    xi, lula = a.person("Xi Jinping"), a.person("Luiz Inácio Lula da Silva", at="Lula")
    a.event("Xi and Lula meet", "met", kind="meeting", on=on, precision=precision, participants=(xi, lula))  # type: ignore[arg-type]
    return a


def test_the_same_event_from_two_sources_is_one_event_and_the_sharper_date_wins(engine):
    store(engine, two_leaders_meet("a", "Xi Jinping met Lula in March.", date(2025, 3, 1), "month"))
    store(engine, two_leaders_meet("b", "Xi Jinping met Lula on March 4.", date(2025, 3, 4)))
    [(start, precision)] = rows(engine, "SELECT date_start, date_precision FROM events")
    assert (str(start), precision) == ("2025-03-04", "day")
    found = evidence(engine, "event")
    assert len(found) == 2 and found[0][1] != found[1][1]
    assert_reproduces(found)


def test_events_that_contradict_each_other_are_both_kept_and_linked(engine):
    for origin, nth in (("a", "sixth"), ("b", "seventh")):
        a = Article(f"Ana Reyes won a {nth} term as mayor.", origin=origin)
        reyes = a.person("Ana Reyes")
        a.event(f"Ana Reyes wins a {nth} term", "won", kind="election", on=date(2025, 5, 1),
                precision="month", participants=(reyes,))  # fmt: skip
        store(engine, a)
    (first,), (second,) = rows(engine, "SELECT id FROM events ORDER BY id")
    links = rows(engine, "SELECT event_id, other_id FROM event_conflicts ORDER BY event_id")
    assert links == [(first, second), (second, first)]


def test_people_are_found_again_by_alias_and_kept_apart_by_full_name(engine):
    a = Article("Port director Tomas Lindqvist said ships were queueing. Lindqvist spoke.", origin="a")
    a.person("Tomas Lindqvist", "Lindqvist", title="port director")
    b = Article("Lindqvist said the harbour must grow.", origin="b")  # the surname alone
    b.person("Lindqvist")
    c = Article("Anna Lindqvist, his sister, disagreed.", origin="c")  # another Lindqvist
    c.person("Anna Lindqvist")
    for article in (a, b, c):
        store(engine, article)
    people = rows(engine, "SELECT id, name, title FROM people ORDER BY id")
    assert [name for _id, name, _t in people] == ["Tomas Lindqvist", "Anna Lindqvist"]
    tomas = people[0][0]
    assert rows(
        engine, "SELECT DISTINCT fact_id FROM evidence WHERE fact_type = 'person' AND source_id = 2"
    ) == [(tomas,)]
    aliases = {
        k for (k,) in rows(engine, "SELECT alias_key FROM person_aliases WHERE person_id = :p", p=tomas)
    }
    assert {"tomas lindqvist", "lindqvist"} <= aliases


def test_a_person_first_known_by_surname_takes_the_full_name(engine):
    a = Article("Okafor said strikes remained possible.", origin="a")
    a.person("Okafor")
    b = Article("Union leader Grace Okafor spoke.", origin="b")
    b.person("Grace Okafor", title="union leader")
    store(engine, a)
    store(engine, b)
    assert rows(engine, "SELECT name, title FROM people") == [("Grace Okafor", "union leader")]


def test_storing_the_same_text_again_is_a_no_op(engine):
    def article(origin: str, publisher: str) -> Article:
        a = Article('"Every clinic saves lives," Priya Patel said.', origin=origin, publisher=publisher)
        a.quote("Every clinic saves lives", a.person("Priya Patel"))
        return a

    first = store(engine, article("a.txt", "Health Desk"))
    before = counts(engine)
    again = store(engine, article("copy-of-a.txt", "Another Desk"))
    assert first.source_id is not None and again.source_id is None
    assert counts(engine) == before
    assert rows(engine, "SELECT origin, publisher FROM sources") == [("a.txt", "Health Desk")]


def test_an_article_that_fails_midway_leaves_nothing(engine):
    """People and a quote are written before the bad figure is reached: all of it rolls back."""
    store(engine, two_leaders_meet("earlier", "Xi Jinping met Lula on March 4.", date(2025, 3, 4)))
    before = counts(engine)
    a = Article('"We will build," Ana Reyes said. The plan costs $40 million.', origin="bad")
    a.quote("We will build", a.person("Ana Reyes"))
    figure = a.figure("$40 million", 4e7, "USD", measure="plan cost")
    a.extraction.figures[0] = replace(figure, span=Span(3, 14, "$40 million"))  # offsets of other words
    with pytest.raises(BadEvidence, match="does not reproduce"):
        store(engine, a)
    assert counts(engine) == before
    assert rows(engine, "SELECT count(*) FROM sources WHERE origin = 'bad'") == [(0,)]


def test_the_writer_commits_nothing_itself(engine):
    """It runs inside the caller's transaction: an error after it rolls the whole article back."""
    from app.storage.writer import store_article

    a = Article('"We will build," Ana Reyes said.')
    a.quote("We will build", a.person("Ana Reyes"))
    with pytest.raises(RuntimeError), engine.begin() as conn:
        store_article(conn, *a.parts())
        raise RuntimeError("the caller fails after the store")
    assert counts(engine) == dict.fromkeys(TABLES, 0)


def test_an_articles_own_figures_never_crowd_out_earlier_ones(engine):
    """Candidates are earlier articles' facts only: an article with hundreds of figures in one unit
    still finds the earlier figure its last one repeats (the store compares each new figure with a
    bounded set of earlier ones, and never searches the article's own list: linear in its facts)."""
    earlier = Article("The bridge cost $7,777 in all.", origin="earlier")
    earlier.figure("$7,777", 7777, "USD", measure="bridge cost")
    store(engine, earlier)
    lines = [f"Item {i} cost ${i + 1}." for i in range(250)]
    big = Article("\n".join([*lines, "The bridge cost $7,777 in all."]), origin="big")
    for i in range(250):
        big.figure(f"${i + 1}.", i + 1, "USD", measure=f"cost of item {i}")
    big.figure("$7,777", 7777, "USD", measure="bridge cost")
    store(engine, big)
    assert rows(engine, "SELECT count(*) FROM figures WHERE value = 7777") == [(1,)]
    assert count(engine, "figures") == 251


def test_a_range_keeps_both_ends(engine):
    a = Article("The survey runs to 40 to 50 questions.")
    fact = a.figure("40 to 50 questions", 40, "count", measure="questions in the survey")
    fact.range_low, fact.range_high = 40, 50
    store(engine, a)
    assert rows(engine, "SELECT value, range_low, range_high FROM figures") == [(40, 40, 50)]
