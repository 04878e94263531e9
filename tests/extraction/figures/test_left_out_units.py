"""Numbers whose unit is written elsewhere: a part of a named group, and "N each" after a figure."""

from __future__ import annotations

import pytest

from app.extraction.figures.extract import extract_figures
from app.extraction.types import ArticleMeta


@pytest.fixture(scope="module")
def figures_of(nlp):
    def run(text: str):
        facts = extract_figures(nlp(text), ArticleMeta(published_at="2025-06-02"))
        for f in facts:
            assert f.span.text == text[f.span.start : f.span.end] == f.text
        return {f.text: f for f in facts}

    return run


def test_a_part_of_a_named_group_is_a_count_of_its_members(figures_of):
    facts = figures_of("The climbers reached the hut at dusk, five of them exhausted, after the long storm.")
    assert "five of them" in facts
    fact = facts["five of them"]
    assert fact.value == 5
    assert fact.measure == "exhausted climbers"


def test_n_each_repeats_the_unit_of_the_figure_before(figures_of):
    text = "Harbour Bank and Tern Credit have 6 complaints each. Dune Bank and Opal Trust have 4 each."
    facts = figures_of(text)
    assert "4" in facts
    assert facts["4"].unit == facts["6 complaints"].unit


def test_one_of_a_noun_the_article_already_counts_is_a_figure(figures_of):
    text = "The rebels fired 40 rockets at the depot. The army said it fired one rocket in reply."
    facts = figures_of(text)
    assert "one rocket" in facts
    assert facts["one rocket"].value == 1


def test_one_with_a_noun_not_counted_elsewhere_stays_an_idiom(figures_of):
    assert "one day" not in figures_of("The rebels fired 40 rockets. One day the army will reply.")


def test_a_year_like_number_after_of_counts_people(figures_of):
    facts = figures_of("A poll of 1900 voters found the tram plan popular.")
    assert facts["1900 voters"].unit == "people"


def test_a_listed_name_and_number_hold_the_unit_written_once(figures_of):
    facts = figures_of("In the standings Okafor has 212 points; Lindqvist, 198; Moreau, 187.")
    assert facts["198"].unit == "points"
    assert facts["198"].measure == "Lindqvist's points"


def test_the_same_count_for_two_holders_stays_two_figures(nlp):
    text = "League table\nOkafor has 212 points; Lindqvist, 198; Moreau, 198."
    facts = extract_figures(nlp(text), ArticleMeta(published_at="2025-06-02"))
    measures = sorted(f.measure or "" for f in facts if f.value == 198)
    assert measures == ["Lindqvist's points", "Moreau's points"]


def test_a_count_each_is_the_noun_each_named_holder_has(figures_of):
    """ "have 4 each": the noun counted "each" in the sentence before, held by every listed name."""
    text = (
        "Harbour Bank, Tern Credit and Opal Trust have 6 complaints each. "
        "Dune Bank and Marrow Savings have 4 each."
    )
    facts = figures_of(text)
    assert facts["6 complaints"].measure == "complaints each (Harbour Bank, Tern Credit and Opal Trust)"
    assert facts["4"].measure == "complaints each (Dune Bank and Marrow Savings)"


def test_each_of_an_amount_is_not_a_count_each(figures_of):
    facts = figures_of("The thieves took seven copper bells each of $300 in value.")
    assert "each (" not in (facts["seven copper bells"].measure or "")


def test_a_part_named_by_a_plural_noun_is_that_kind_of_member(figures_of):
    text = "The bus carried 14 passengers, three of them students from Vilnius."
    assert figures_of(text)["three of them"].measure == "student passengers from Vilnius"


def test_an_amount_each_of_several_things_is_the_value_of_each(figures_of):
    facts = figures_of("The thieves took seven copper bells each of $300 in value.")
    assert facts["$300"].measure == "value of each copper bell"


def test_a_bare_number_after_with_counts_the_noun_before_it_for_the_named_subject(figures_of):
    text = "Dune Savings tops all lenders by disputes lodged this week with 112."
    assert figures_of(text)["112"].measure == "disputes (Dune Savings)"


def test_a_bare_number_with_a_name_right_before_with_is_that_names(figures_of):
    text = "Lisbon reported the largest number of cases, 4,210, followed by Porto with 3,877."
    assert figures_of(text)["3,877"].measure == "cases (Porto)"


def test_a_he_or_she_holding_a_tally_is_the_last_named_subject(figures_of):
    text = "Dana Voss won two heats; she closed the meet holding the most titles with 9."
    assert figures_of(text)["9"].measure == "titles (Dana Voss)"


def test_an_amount_of_money_each_is_a_price_not_a_count_each(figures_of):
    facts = figures_of("The fair sold 300 tickets. Tickets cost $5 each.")
    assert "each (" not in (facts["$5"].measure or "")


def test_a_part_of_a_group_of_people_is_named_by_its_own_noun(figures_of):
    facts = figures_of("Officials said 300 people were evacuated, 40 of them children.")
    assert facts["40 of them"].measure == "children"
