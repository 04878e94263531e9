"""Odd and hostile input: extraction finishes, nothing crashes, unreadable values stay None (never wrong)."""

from __future__ import annotations

import time

import pytest

from app.extraction.events.extract import extract_events
from app.extraction.figures import numbers
from app.extraction.figures.extract import extract_figures
from app.extraction.figures.quantities import scan
from app.extraction.types import ArticleMeta


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("1.234.567", 1234567),
        ("12", 12),
        ("-5", -5),
        ("1,23,456", None),
        ("5,6", None),
        ("10.5.2024", None),
        ("", None),
        ("abc", None),
    ],
)
def test_numerals_in_odd_formats(written, value):
    assert numbers.parse_numeral(written) == value


@pytest.mark.parametrize(
    ("written", "value"),
    [("twenty-five", 25), ("two hundred and ten", 210), ("one thousand", 1000), ("two three", None)],
)
def test_number_words(written, value):
    assert numbers.parse_words(written) == value


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("$-5", -5, "USD"),
        ("2.14m bpd", 2.14e6, "barrels_per_day"),
        ("$1,23,456", None, "USD"),
        ("1.234,5 euros", 1234.5, "EUR"),
    ],
)
def test_odd_money_and_units_keep_text_and_null_value(text, value, unit):
    (q,) = scan(text)
    assert (q.text, q.value, q.unit) == (text, value, unit)


def test_unreadable_money_is_kept_as_written_with_null_value(nlp):
    text = "The ministry said the subsidy was $1,23,456 this year."
    facts = extract_figures(nlp(text), ArticleMeta())
    assert [(f.text, f.value, f.unit) for f in facts] == [("$1,23,456", None, "USD")]


def test_impossible_and_odd_dates_do_not_crash(nlp):
    text = (
        "Officials met on February 30, 2024 and again on 31 April 2023. The deal closed on 2024-13-45, "
        "and a summit was held in 0000 and on Caturday."
    )
    doc = nlp(text)
    meta = ArticleMeta(published_at="not a date")
    assert meta.published_date is None
    events = extract_events(doc, [], meta, include_undated=True)
    assert all(e.date_start is None for e in events)
    assert extract_figures(doc, meta) == []


def test_a_table_of_500_numbers_finishes_in_seconds(nlp):
    rows = "\n".join(" | ".join(f"{r * 10 + c},{c}{r % 10}0" for c in range(10)) for r in range(50))
    text = "Quarterly table\n\n" + rows + "\n\nRevenue rose 5% to $3 billion."
    doc = nlp(text)
    start = time.monotonic()
    facts = extract_figures(doc, ArticleMeta())
    extract_events(doc, [], ArticleMeta(published_at="2025-01-01"))
    assert time.monotonic() - start < 5
    assert {"5%", "$3 billion"} <= {f.text for f in facts}


def test_empty_and_whitespace_documents(nlp):
    for text in ("", "   \n\n  ", "%%% $$$ ---"):
        doc = nlp(text)
        assert extract_figures(doc, ArticleMeta()) == []
        assert extract_events(doc, [], ArticleMeta()) == []


def test_unicode_minus_and_non_breaking_spaces(nlp):
    text = "The index fell 2.5\u00a0percent, and the balance was \u2212$40 million."
    facts = extract_figures(nlp(text), ArticleMeta())
    assert ("2.5\u00a0percent", 2.5) in [(f.text, f.value) for f in facts]
