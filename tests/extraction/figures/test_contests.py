"""Tallies of a contest read the way results are said: votes are "for" a candidate, points are the
holder's, a "by" amount between a winner and a loser is the winner's margin over the loser, and a
results list written as names and numbers carries the unit of its first item."""

from __future__ import annotations

import pytest

from app.extraction.figures.extract import extract_figures
from app.extraction.types import ArticleMeta


@pytest.fixture(scope="module")
def figures_of(nlp):
    def run(text: str) -> dict:
        return {f.text: f for f in extract_figures(nlp(text), ArticleMeta(published_at="2025-05-12"))}

    return run


def test_votes_a_named_candidate_received_are_votes_for_the_candidate(figures_of):
    facts = figures_of("In the Tarrow ward, the Harbour Party's Selma Okonjo received 6,214 votes.")
    assert facts["6,214 votes"].measure == "votes for Selma Okonjo"


def test_points_a_named_player_scored_are_the_players(figures_of):
    facts = figures_of("Against the Gulls, Teodor Vance scored 31 points in the second half.")
    assert facts["31 points"].measure == "Teodor Vance's points"


def test_a_by_amount_between_winner_and_loser_is_the_winners_margin(figures_of):
    facts = figures_of(
        "In the river district, Selma Okonjo defeated the sitting mayor, Piet Larue, by 812 votes."
    )
    assert facts["812 votes"].measure == "Selma Okonjo's margin over Piet Larue"


def test_in_the_passive_the_agent_is_the_winner(figures_of):
    text = "The veteran councillor Piet Larue was defeated by 1,090 votes by Marta Quill-Osei."
    assert figures_of(text)["1,090 votes"].measure == "Marta Quill-Osei's margin over Piet Larue"


def test_a_results_list_across_a_sentence_break_keeps_its_unit_and_names(figures_of):
    text = (
        "The riders' standings after the stage showed Anouk Brandt on top with 402 points. "
        "Lior Haas with 388; Mateus Coelho, Jr., 371; Ivo Stan, 350; and Pim Vlaar, 342, made up the top five."
    )
    facts = figures_of(text)
    assert facts["402 points"].measure == "Anouk Brandt's points"
    assert facts["388"].measure == "Lior Haas's points" and facts["388"].unit == "points"
    assert facts["371"].measure == "Mateus Coelho, Jr.'s points"
    assert facts["342"].measure == "Pim Vlaar's points"


def test_a_win_by_an_amount_is_the_winners_margin(figures_of):
    facts = figures_of("In the harbour ward, Oda Venn won the seat by 312 votes.")
    assert facts["312 votes"].measure == "Oda Venn's margin"


def test_a_results_list_led_in_by_ahead_of_keeps_each_name(figures_of):
    text = "Brandt leads the series with 125 points, ahead of Haas with 118 and Coelho with 97."
    facts = figures_of(text)
    assert facts["118"].measure == "Haas's points"
    assert facts["97"].measure == "Coelho's points"


def test_a_tally_reads_without_what_follows_its_noun(figures_of):
    facts = figures_of("Okonjo received 5,210 votes; Larue, 4,870; and Quill, 2,010.")
    assert facts["5,210 votes"].measure == "votes for Okonjo"
    assert facts["4,870"].measure == "votes for Larue"
