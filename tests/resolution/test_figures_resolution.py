"""The same figure across sources (within rounding) and conflicting figures (same measure and period)."""

from __future__ import annotations

import pytest

from app.extraction.types import FigureFact, Span
from app.resolution.figures import comparable, conflicting, measure_key, same_figure, values_agree


def fig(text, value, unit, measure, period=None, is_change=False):
    return FigureFact(
        text=text,
        value=value,
        unit=unit,
        span=Span(0, len(text), text),
        measure=measure,
        period=period,
        is_change=is_change,
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("China-Russia trade", "trade between China and Russia"),
        ("Chinese imports of Russian crude", "China's imports of Russian crude"),
        ("The company's net profits", "company net profit"),
    ],
)
def test_measure_key_normalises_wording(a, b):
    assert measure_key(a) == measure_key(b)


def test_measure_key_of_nothing():
    assert measure_key(None) == "" and measure_key("the") == ""


def test_same_figure_within_rounding():
    a = fig("$240 billion", 240e9, "USD", "China's trade with Russia", "2023")
    b = fig("$240.1 billion", 240.1e9, "USD", "bilateral trade between China and Russia", "2023")
    assert same_figure(a, b) and not conflicting(a, b)


def test_different_totals_for_the_same_year_conflict():
    a = fig("$240 billion", 240e9, "USD", "China-Russia trade", "2023")
    b = fig("$190 billion", 190e9, "USD", "trade between Russia and China", "2023")
    assert conflicting(a, b) and not same_figure(a, b)


def test_different_periods_neither_same_nor_conflicting():
    a = fig("$240 billion", 240e9, "USD", "China-Russia trade", "2023")
    b = fig("$190 billion", 190e9, "USD", "China-Russia trade", "2022")
    assert not same_figure(a, b) and not conflicting(a, b)


def test_without_periods_no_conflict_is_claimed():
    a = fig("38%", 38, "percent", "gas storage level")
    b = fig("61%", 61, "percent", "gas storage level")
    assert not conflicting(a, b)


def test_level_and_change_are_not_comparable():
    a = fig("12%", 12, "percent", "retail sales", "2024", is_change=True)
    b = fig("12%", 12, "percent", "retail sales", "2024")
    assert not comparable(a, b)


def test_units_must_match():
    a = fig("5 million tonnes", 5e6, "tonnes", "wheat exports", "2024")
    b = fig("5 million barrels", 5e6, "barrels", "wheat exports", "2024")
    assert not same_figure(a, b) and not conflicting(a, b)


def test_rounding_follows_the_written_precision():
    assert values_agree(fig("$3bn", 3e9, "USD", "x"), fig("$3.4bn", 3.4e9, "USD", "x"))
    assert not values_agree(fig("$3.0bn", 3.0e9, "USD", "x"), fig("$3.4bn", 3.4e9, "USD", "x"))


def test_works_on_plain_dicts():
    a = {"value": 50, "unit": "percent", "measure": "turnout", "period": "2024", "text": "50%"}
    b = {"value": 62, "unit": "percent", "measure": "voter turnout", "period": "2024", "text": "62%"}
    assert conflicting(a, b)


def test_null_values_never_agree_or_conflict():
    a = fig("$1,23,456", None, "USD", "subsidy", "2024")
    b = fig("$5", 5, "USD", "subsidy", "2024")
    assert not same_figure(a, b) and not conflicting(a, b)


def test_agreeing_values_need_only_a_shared_measure_word():
    a = fig("$240 billion", 240e9, "USD", "China's trade with Russia", "2023")
    b = fig("$240.1 billion", 240.1e9, "USD", "record-breaking bilateral trade volume", "2023")
    c = fig("$190 billion", 190e9, "USD", "record-breaking bilateral trade volume", "2023")
    assert same_figure(a, b)
    assert not conflicting(a, c)  # a loose match is not enough to accuse sources of disagreeing


def test_measures_sharing_only_country_names_do_not_conflict():
    a = fig("63%", 63, "percent", "China's trade with Russia", "2023", is_change=True)
    b = fig("40%", 40, "percent", "Chinese gas imports from Russia", "2023", is_change=True)
    assert not conflicting(a, b) and not same_figure(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            ("six months", 6, "months", "length of imprisonment"),
            ("6 months", 6, "months", "length of therapy"),
        ),
        (
            ("10%", 10, "percent", "share of crop losses"),
            ("10 per cent", 10, "percent", "share of iodised salt"),
        ),
        (("800 feet", 800, "feet", "height"), ("800 feet", 800, "feet", "height")),
    ],
)
def test_figures_sharing_only_their_dimension_are_not_one_figure(a, b):
    """The dimension ("length of", "share of") comes from the unit, so it is no evidence of one fact."""
    assert not same_figure(fig(*a), fig(*b))


def test_the_same_dimension_of_the_same_thing_is_one_figure():
    a = fig("8,849 metres", 8849, "meters", "height of Mount Everest")
    b = fig("8,849 m", 8849, "meters", "Mount Everest's summit height")
    assert same_figure(a, b)


def test_measures_sharing_only_a_dimension_word_are_different_figures():
    a = fig("10 per cent", 10, "percent", "share of Norland salt (only)")
    b = fig("10%", 10, "percent", "share of 2000 harvest levels exceeded by drought")
    assert not same_figure(a, b)
    c = fig("10%", 10, "percent", "share of iodised salt in Norland")
    assert same_figure(a, c)
