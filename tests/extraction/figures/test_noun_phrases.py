"""Noun phrases as a reader keeps them: the complement the parser hung on the amount, a cost of what
a clause does, a group's members, a study's sources, a part of a whole,
the subject a "with" phrase describes and listed measures missing their noun."""

from __future__ import annotations


def test_a_phrase_the_parser_hangs_on_the_amount_describes_its_material(measure_of):
    """ "$40 million in road repairs for the valley network": "for" goes with the repairs."""
    text = "Grants in the bill included $40 million in road repairs for the Tallow Valley county network."
    assert measure_of(text, "$40 million") == "road repairs for the Tallow Valley county network"


def test_a_cost_on_a_verb_is_the_cost_of_what_the_verb_acts_on(measure_of):
    text = "The council will stage three public hearings at an estimated cost of $1.2 million."
    assert measure_of(text, "$1.2 million") == "estimated cost of three public hearings"


def test_a_count_a_group_consists_of_counts_its_members(measure_of):
    text = "The rescue crew consists of 14 volunteers who will search the glacier."
    assert measure_of(text, "14 volunteers") == "members of rescue crew"


def test_a_count_a_firm_employs_counts_its_employees_even_when_misparsed(measure_of):
    """ "employs 35 people and Okafor praised": the parser makes the count the next clause's subject."""
    text = "Her bakery employs 35 people and Okafor praised its apprenticeship scheme."
    assert measure_of(text, "35 people") == "employees of bakery"


def test_a_compound_count_counts_the_members_of_its_noun(measure_of):
    assert measure_of("The nine-member jury returned a verdict.", "nine-member") == "members of jury"


def test_the_subject_of_a_relative_clause_is_the_noun_it_describes(measure_of):
    """ "Tallis Foods, which employs ...": "which" stands for Tallis Foods, not the previous sentence."""
    text = "Harvest volumes fell sharply. Tallis Foods, which employs about 900 people, opened a plant."
    assert measure_of(text, "900 people").startswith("employees of Tallis Foods")


def test_a_count_of_a_studys_sources_is_of_those_in_the_study(measure_of):
    text = "A survey of 2,300 patients from 41 hospitals was published on Monday."
    assert measure_of(text, "41 hospitals") == "hospitals in the survey"


def test_people_from_a_count_of_places_are_not_a_study(measure_of):
    text = "Delegates from nearly 190 countries will gather in Lima for the summit."
    assert "in the Delegates" not in measure_of(text, "190 countries")


def test_a_listed_measure_missing_its_noun_borrows_the_one_before(measure_of):
    text = "Of the 80 letters received, 31 were letters about mooring fees, 22 were about parking and 9 were about noise."
    assert measure_of(text, "22") == "letters about parking"
    assert measure_of(text, "9") == "letters about noise"


def test_held_events_are_not_possessions_and_keep_the_verb_they_depend_on(measure_of):
    text = "The port authority plans to hold three public hearings next month."
    assert measure_of(text, "three public hearings") == "public hearings port authority plans to hold"


def test_a_held_thing_that_is_no_event_is_still_possessed(measure_of):
    assert (
        measure_of("The rowing club holds 14 racing shells.", "14 racing shells")
        == "racing shells of rowing club"
    )


def test_a_cost_on_a_passive_verb_is_the_cost_of_its_subject(measure_of):
    assert (
        measure_of("The footbridge was built at a cost of $40 million.", "$40 million")
        == "cost of footbridge"
    )


def test_a_counted_noun_on_a_verb_is_not_read_as_terms(measure_of):
    assert "on which" not in measure_of("The mayor was arrested on 12 charges.", "12 charges")


def test_a_count_listed_after_named_guests_of_an_event_counts_those_present(measure_of):
    text = "The visit closed with a dinner with Moreno, Adeyemi and five senior Chilean ministers."
    measure = measure_of(text, "five senior Chilean ministers")
    assert measure == "senior Chilean ministers at dinner with Moreno and Adeyemi"


def test_a_count_listed_after_names_with_no_event_is_left_as_it_is(measure_of):
    text = "The coach named a squad with Moreno, Adeyemi and five young players."
    assert measure_of(text, "five young players") == "young players"


def test_a_count_introduced_by_including_is_a_part_of_the_whole(measure_of):
    text = "New sanctions targeted more than 90 companies, including 12 Chilean and Lima-based banks."
    assert (
        measure_of(text, "12 Chilean and Lima-based banks") == "Chilean and Lima-based banks among companies"
    )


def test_a_with_phrase_on_a_clause_describes_its_subject(measure_of):
    text = "The referendum took place in spring with a turnout of about 1.2 million voters and a turnout rate of 61%."
    assert measure_of(text, "61%") == "turnout rate in referendum"
    assert measure_of(text, "1.2 million voters").startswith("voters in referendum")


def test_a_with_phrase_on_a_firm_reads_of(measure_of):
    text = "The shipyard ended the year with revenue of $5 billion."
    assert measure_of(text, "$5 billion") == "revenue of shipyard"


def test_a_counted_subject_that_has_something_reads_with_it(measure_of):
    assert measure_of("About 40 homes have no power after the storm.", "40 homes").startswith(
        "homes with no power"
    )


def test_have_as_an_auxiliary_is_not_with(measure_of):
    assert "with" not in measure_of("Three firms have closed since May.", "Three firms")


def test_a_word_that_only_places_a_count_in_a_sequence_is_left_out(measure_of):
    measure = measure_of("Okafor led the following 14 laps before his engine failed.", "14 laps")
    assert measure.startswith("laps") and "following" not in measure


def test_an_including_phrase_on_a_verb_is_a_part_of_its_object(measure_of):
    text = "Rescuers pulled 12 people from the rubble, including three children."
    assert measure_of(text, "three children") == "children among people"
