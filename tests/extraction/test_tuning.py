"""Thresholds live in one frozen object that an evaluation run can vary for a block."""

from __future__ import annotations

import dataclasses

import pytest

from app.extraction.text import dates
from app.tuning import Tuning, parse_overrides, tuned, tuning


def test_thresholds_are_frozen_and_varied_only_inside_a_block():
    before = tuning()
    with pytest.raises(dataclasses.FrozenInstanceError):
        before.pronoun_window = 9  # type: ignore[misc]
    with tuned(pronoun_window=9) as inside:
        assert tuning() is inside and inside.pronoun_window == 9
    assert tuning() is before and before.pronoun_window == Tuning().pronoun_window


def test_overrides_are_typed_like_their_field_and_unknown_names_refused():
    assert parse_overrides(["pronoun_window=6", "quote_near_ratio=0.9"]) == {
        "pronoun_window": 6,
        "quote_near_ratio": 0.9,
    }
    with pytest.raises(ValueError, match="unknown threshold"):
        parse_overrides(["no_such_knob=1"])


def test_a_shorter_pronoun_window_changes_attribution(quotes_of):
    text = (
        "Mayor Dana Whitfield opened the bridge on Monday. The span cost $40 million. "
        'Traffic was light.\n\n"It is a great day," she said.'
    )
    assert quotes_of(text)[0][2] == "Dana Whitfield"
    with tuned(pronoun_window=1):
        assert quotes_of(text)[0][2] != "Dana Whitfield"


def test_date_kinds_are_declared_once_with_what_they_date():
    by_name = {k.name: k for k in dates.DATE_KINDS}
    assert len(by_name) == len(dates.DATE_KINDS)
    assert by_name["weekday"].dates_events and not by_name["weekday"].dates_periods
    assert by_name["quarter"].dates_periods and not by_name["quarter"].dates_events
    assert {k.name for k in dates.DATE_KINDS if k.dates_events} == dates.EVENT_DATE_KINDS
