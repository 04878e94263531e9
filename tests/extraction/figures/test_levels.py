"""A physical amount a verb of doing happens at is the level at which it happened ("altitude at which
Flight 9 was cruising"); a building's size in metres is its height."""

from __future__ import annotations


def test_a_height_something_flies_at_is_its_altitude(measure_of):
    text = "Flight 88 was cruising at 31,000 feet when the crew reported smoke."
    assert measure_of(text, "31,000 feet") == "altitude at which Flight 88 was cruising"


def test_a_speed_something_travels_at(measure_of):
    text = "The tram was travelling at 70 km/h when it left the rails."
    assert measure_of(text, "70 km/h").startswith("speed at which tram was travelling")


def test_a_verb_that_states_a_size_keeps_the_size_of_its_subject(measure_of):
    text = "The summit of Mount Orvel stands at 4,120 meters."
    assert not measure_of(text, "4,120 meters").startswith("height at which")


def test_a_building_in_metres_has_a_height(measure_of):
    text = "Visitors climbed the steps of the 45 meter clock tower on the square."
    assert measure_of(text, "45 meter").startswith("height of")


def test_a_dimension_adjective_is_not_repeated_in_the_measure(measure_of):
    text = "The highlight of the parade is a 12 meter high paper dragon fitted with lights."
    assert measure_of(text, "12 meter").startswith("height of paper dragon")
