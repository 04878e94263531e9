"""The API's PostgreSQL connections plan each statement for its own values: psycopg prepares a
statement run five times and PostgreSQL then falls back to a generic plan that knows no values
(figures on a topic above a value: a count went from 12 ms to 70 ms at a million quotes)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from app.queries.database import ReadDatabase


@contextmanager
def reader_over(url: str, rows: list[str]) -> Iterator[ReadDatabase]:
    """The API's reader over a freshly migrated database holding just ``rows`` (INSERT statements)."""
    from app.storage.migrate import upgrade

    upgrade(url)
    db = ReadDatabase(url)
    try:
        db.all("SELECT 1")
        conn = db._connection()
        cur = conn.cursor()
        for sql in rows:
            cur.execute(sql)
        conn.commit()
        yield db
    finally:
        db.close()


@pytest.mark.postgres
def test_the_api_reader_forces_custom_plans(fresh_url_factory):
    db = ReadDatabase(fresh_url_factory("postgres"))
    try:
        assert db.scalar("SHOW plan_cache_mode") == "force_custom_plan"
        assert db.fork(5).scalar("SHOW plan_cache_mode") == "force_custom_plan"  # an export's reader too
    finally:
        db.close()


@pytest.mark.postgres
def test_the_api_reader_starts_no_parallel_workers(fresh_url_factory):
    """A capped count of figures on a topic above a value took 15-42 ms with two workers (their
    start-up), 1 ms without: no API query reads enough rows to gain from them."""
    db = ReadDatabase(fresh_url_factory("postgres"))
    try:
        assert db.scalar("SHOW max_parallel_workers_per_gather") == "0"
    finally:
        db.close()


def test_a_count_does_not_check_its_driving_filter_twice():
    from app.queries.common import Filters, Stream

    filters = Filters()
    filters.add("t.a = 1")
    filters.add("EXISTS (topic)", Stream("SELECT id FROM topic"))
    filters.add("t.value >= 2", Stream("SELECT id FROM v"))
    assert (
        filters.sql_without_first_stream("t.id IN (x)") == " WHERE t.a = 1 AND t.value >= 2 AND t.id IN (x)"
    )


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_a_capped_count_over_two_filters_is_the_same_in_the_id_window(fresh_url_factory, backend):
    """Totals with a topic and a minimum value: counted among the first 2 * cap ids of the topic,
    exact when the topic has no more, a lower bound otherwise (both databases, whichever query
    plans the window)."""
    from app.queries import figures
    from app.queries.paging import count_now

    rows = []
    for i in range(1, 13):
        rows.append(
            "INSERT INTO figures (id, text, value, unit, approximate, is_change) "
            f"VALUES ({i}, 'x', {i * 10}, 'USD', false, false)"
        )
        if i % 2 == 0 or i > 9:
            rows.append(f"INSERT INTO figure_topics (figure_id, topic_slug) VALUES ({i}, 'energy')")
    with reader_over(fresh_url_factory(backend), rows) as db:
        filters = figures.RESOURCE.build(db, {"topic": "energy", "min_value": 35.0})
        # energy: 2, 4, 6, 8, 10, 11, 12; of those >= 35: 4, 6, 8, 10, 11, 12
        assert count_now(db, "figures", filters, cap=10) == (6, True)
        # cap 2: the window is the first 4 energy ids (2, 4, 6, 8), 3 of them >= 35, more than the cap
        assert count_now(db, "figures", filters, cap=2) == (2, False)
        # cap 3: window of 6 ids (2 .. 11): 4, 6, 8, 10, 11 pass, more than 3
        assert count_now(db, "figures", filters, cap=3) == (3, False)
        # cap 5: window of 10 ids (all 7): 6 pass, more than 5
        assert count_now(db, "figures", filters, cap=5) == (5, False)
        filters = figures.RESOURCE.build(db, {"topic": "energy", "min_value": 105.0})
        # cap 2: window 2, 4, 6, 8 has none >= 105 and the topic goes on: a lower bound
        assert count_now(db, "figures", filters, cap=2) == (0, False)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_a_surname_shared_by_several_people_pages_their_quotes_in_id_order(fresh_url_factory, backend):
    """Quotes by 'Okonkwo-Reyes' when three people carry that name (SQLite reads one IN list with
    the person ids written in, PostgreSQL one index range per person): every page is in id order,
    keyset paging resumes after the last id, and the capped count sees all of them."""
    from app.keys import name_key
    from app.queries import quotes
    from app.queries.paging import Position, count_now, fetch

    rows = []
    for pid in (1, 2, 3, 4):
        surname = name_key("Okonkwo-Reyes" if pid < 4 else "Lindqvist").replace("'", "''")
        rows.append(f"INSERT INTO people (id, name, name_key) VALUES ({pid}, 'P{pid}', 'p{pid}')")
        rows.append(
            "INSERT INTO person_aliases (id, person_id, alias, alias_key) "
            f"VALUES ({pid}, {pid}, '{surname}', '{surname}')"
        )
    for qid in range(1, 13):
        rows.append(
            "INSERT INTO quotes (id, text, text_key, kind, speaker_person_id) "
            f"VALUES ({qid}, 'q{qid}', 'q{qid}', 'direct', {qid % 4 + 1})"
        )
    with reader_over(fresh_url_factory(backend), rows) as db:
        filters = quotes.RESOURCE.build(db, {"speaker": "Okonkwo-Reyes"})
        expected = [q for q in range(1, 13) if q % 4 + 1 != 4]  # person 4 is someone else
        seen: list[int] = []
        after = None
        while True:
            rows, _ = fetch(db, quotes.RESOURCE, filters, after, 4, "id")
            seen += [r[0] for r in rows]
            if len(rows) < 4:
                break
            after = Position(rows[-1][0])
        assert seen == expected
        assert count_now(db, "quotes", filters, cap=100) == (len(expected), True)
        assert count_now(db, "quotes", filters, cap=5) == (5, False)
