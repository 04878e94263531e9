"""The API's PostgreSQL connections plan each statement for its own values: psycopg prepares a
statement run five times and PostgreSQL then falls back to a generic plan that knows no values
(figures on a topic above a value: a count went from 12 ms to 70 ms at a million quotes)."""

from __future__ import annotations

import pytest

from app.queries.database import ReadDatabase


@pytest.mark.postgres
def test_the_api_reader_forces_custom_plans(fresh_url_factory):
    db = ReadDatabase(fresh_url_factory("postgres"))
    try:
        assert db.scalar("SHOW plan_cache_mode") == "force_custom_plan"
        assert db.fork(5).scalar("SHOW plan_cache_mode") == "force_custom_plan"  # an export's reader too
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
