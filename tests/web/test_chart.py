"""The quotes-over-time chart: an honest time axis (empty months drawn as gaps), years when long."""

from __future__ import annotations

import itertools

from app.web.chart import MAX_BARS, build


def test_months_without_quotes_are_gaps_on_the_axis():
    chart = build([("2023-01", 3), ("2023-04", 6), ("2023-12", 1)])
    assert [b.label for b in chart.bars][:4] == [
        "2023-01: 3 quotes",
        "2023-02: 0 quotes",
        "2023-03: 0 quotes",
        "2023-04: 6 quotes",
    ]
    assert len(chart.bars) == 12 and chart.bars[-1].label == "2023-12: 1 quote"
    assert chart.bars[1].height == 0 and chart.bars[3].height > chart.bars[0].height
    assert chart.bars[3].y + chart.bars[3].height == chart.base  # bars stand on the axis
    assert (chart.total, chart.peak, chart.first, chart.last) == (10, 6, "2023-01", "2023-12")
    assert chart.summary == "10 quotes from 2023-01 to 2023-12; at most 6 in one month."


def test_a_long_career_is_drawn_by_year():
    per_month = [(f"{y}-06", 1) for y in range(1990, 2025)] + [("1990-01", 2)]
    chart = build(per_month)
    assert len(chart.bars) == 2024 - 1990 + 1 <= MAX_BARS
    assert chart.bars[0].label == "1990: 3 quotes"
    assert chart.first == "1990" and chart.last == "2024"


def test_year_labels_do_not_overlap():
    chart = build([("2000-01", 1), ("2019-12", 1)])
    xs = [t.x for t in chart.ticks]
    assert xs == sorted(xs) and all(b - a >= 50 for a, b in itertools.pairwise(xs))
    assert chart.ticks[0].label == "2000"


def test_nothing_dated_gives_an_empty_chart():
    assert build([]).bars == []
    assert build([("undated", 4), ("2024-13", 1)]).bars == []
    assert build([]).summary == "No dated quotes."


def test_a_short_career_still_gets_a_year_long_axis():
    chart = build([("2023-07", 1)])
    assert len(chart.bars) == 12 and chart.bars[0].label == "2022-08: 0 quotes"
    assert chart.bars[-1].label == "2023-07: 1 quote" and chart.bars[-1].width < 50
    assert chart.summary == "1 quote in 2023-07; at most 1 in one month."
