"""Date expressions: found with exact offsets, resolved against the publication date, never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from app.extraction.text.dates import find_dates, label, resolve

WEDNESDAY = date(2025, 3, 5)


def only(text: str):
    found = find_dates(text)
    assert len(found) == 1, found
    mention = found[0]
    assert text[mention.start : mention.end] == mention.text
    return mention


@pytest.mark.parametrize(
    ("text", "direction", "start", "end", "precision"),
    [
        ("on Thursday", "future", date(2025, 3, 6), None, "day"),
        ("on Thursday", "past", date(2025, 2, 27), None, "day"),
        ("on Tuesday", None, date(2025, 3, 4), None, "day"),
        ("on Wednesday", "past", date(2025, 3, 5), None, "day"),
        ("last Friday", None, date(2025, 2, 28), None, "day"),
        ("next Monday", None, date(2025, 3, 10), None, "day"),
        ("yesterday", None, date(2025, 3, 4), None, "day"),
        ("last week", None, date(2025, 2, 1), None, "month"),
        ("this month", None, date(2025, 3, 1), None, "month"),
        ("late last month", None, date(2025, 2, 1), None, "month"),
        ("next month", None, date(2025, 4, 1), None, "month"),
        ("last year", None, date(2024, 1, 1), None, "year"),
        ("a year ago", None, date(2024, 1, 1), None, "year"),
        ("three days ago", None, date(2025, 3, 2), None, "day"),
        ("in October", "past", date(2024, 10, 1), None, "month"),
        ("in October", "future", date(2025, 10, 1), None, "month"),
        ("in February", "past", date(2025, 2, 1), None, "month"),
        ("March last year", None, date(2024, 3, 1), None, "month"),
        ("on April 3", "future", date(2025, 4, 3), None, "day"),
        ("May 16-17", "future", date(2025, 5, 16), date(2025, 5, 17), "day"),
    ],
)
def test_relative_dates_resolve_against_the_anchor(text, direction, start, end, precision):
    resolved = resolve(only(text), WEDNESDAY, direction)
    assert (resolved.start, resolved.end, resolved.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "text", ["on Thursday", "last week", "this month", "in October", "last year", "May 16"]
)
def test_relative_dates_without_anchor_stay_unresolved(text):
    assert resolve(only(text), None) is None


@pytest.mark.parametrize(
    ("text", "start", "precision"),
    [
        ("in March 2023", date(2023, 3, 1), "month"),
        ("in 2000", date(2000, 1, 1), "year"),
        ("May 14, 2024", date(2024, 5, 14), "day"),
        ("14 May 2024", date(2024, 5, 14), "day"),
        ("2024-05-14", date(2024, 5, 14), "day"),
        ("Oct. 21, 2025", date(2025, 10, 21), "day"),
        ("late 2023", date(2023, 1, 1), "year"),
        ("the first quarter of 2025", date(2025, 1, 1), "month"),
    ],
)
def test_absolute_dates_need_no_anchor(text, start, precision):
    resolved = resolve(only(text), None)
    assert (resolved.start, resolved.precision) == (start, precision)


@pytest.mark.parametrize("text", ["February 30, 2024", "31 April 2023"])
def test_impossible_dates_stay_unresolved(text):
    assert resolve(only(text), WEDNESDAY) is None


@pytest.mark.parametrize(
    "text", ["the fund may rise", "a march on the capital", "1,600 miles", "2024-13-45", "$2023", "2023%"]
)
def test_not_dates(text):
    assert [d for d in find_dates(text) if d.kind != "yearspan"] == []


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("last year", WEDNESDAY, "2024"),
        ("last year", None, "last year"),
        ("in the first nine months of 2023", None, "first nine months of 2023"),
        ("first-quarter", date(2025, 4, 24), "Q1 2025"),
        ("fourth-quarter", date(2025, 1, 20), "Q4 2024"),
        ("in February 2022", None, "2022-02"),
    ],
)
def test_period_labels(text, anchor, expected):
    assert label(only(text), anchor) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("runs through March 11 this year", date(2025, 3, 11), None),
        ("held on 4 May last year", date(2024, 5, 4), None),
        ("from June 2-6 next year", date(2026, 6, 2), date(2026, 6, 6)),
    ],
)
def test_day_with_a_relative_year_is_one_date(text, start, end):
    """ "March 11 this year": the relative year says which March 11, it is no second date."""
    mention = only(text)
    got = resolve(mention, WEDNESDAY, None)
    assert got is not None and (got.start, got.end, got.precision) == (start, end, "day")


def test_end_of_a_run_with_its_year_dates_no_event(events_of):
    events = events_of(
        "The Varnholm lantern fair opened on Saturday. The fair runs through March 11 this year."
    )
    assert [(e.date_start, e.date_precision) for e in events] == [(date(2025, 3, 1), "day")]


@pytest.mark.parametrize(
    ("text", "start", "precision"),
    [
        ("at the end of the week", date(2025, 3, 1), "month"),
        ("by the end of the month", date(2025, 3, 1), "month"),
        ("at the start of next month", date(2025, 4, 1), "month"),
        ("at the end of the year", date(2025, 1, 1), "year"),
    ],
)
def test_edge_of_a_week_month_or_year(text, start, precision):
    """ "at the end of the week": within that week (told at month precision), month or year."""
    got = resolve(only(text), WEDNESDAY, None)
    assert got is not None and (got.start, got.precision) == (start, precision)


def test_the_day_before_a_named_day_is_no_relative_date():
    """ "the day before the election" counts from the election, a thing this finder cannot date."""
    assert [m.kind for m in find_dates("She resigned the day before the election.")] == []
    assert [m.kind for m in find_dates("The last ballot was cast the next day.")] == ["nextday"]
