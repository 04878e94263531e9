"""A length of time named as the term it is: a prison sentence, time held, a ban, a deadline, time
spent, a moment after an event; never "length of <pronoun> <verb>"."""

from __future__ import annotations

import pytest


def test_a_jail_term_is_a_prison_sentence_for_the_one_jailed(measure_of):
    text = "A court in Wexford has jailed a ferry mechanic for eight months after he admitted theft."
    assert measure_of(text, "eight months") == "prison sentence for ferry mechanic"


def test_a_sentence_with_suspension_and_community_service(measure_of):
    text = (
        "Judge Ilona Brandt sentenced Tomas Kiel to four months imprisonment, suspended for two years "
        "and ordered to carry out 120 hours of community service."
    )
    assert measure_of(text, "four months") == "suspended prison sentence for Tomas Kiel"
    assert measure_of(text, "two years") == "suspended sentence for Tomas Kiel"
    assert measure_of(text, "120 hours") == "community service for Tomas Kiel"


def test_confinement_by_someone_not_a_court_is_time_held_with_the_pronoun_resolved(measure_of):
    text = "Orla Quinn has claimed that the sect imprisoned her for nine years aboard a fishing trawler."
    assert measure_of(text, "nine years") == "time Orla Quinn was held aboard fishing trawler"


def test_a_within_duration_is_a_deadline(measure_of):
    text = "The harbour board said the salvage firm must remove the wreck within 72 hours."
    assert measure_of(text, "72 hours") == "deadline for salvage firm to remove wreck"


def test_time_spent_names_who_spent_it(measure_of):
    text = "Mirela Hoss says she was sent to the island for a week but ended up spending eleven years there."
    assert measure_of(text, "eleven years") == "time Mirela Hoss spent there"


def test_a_duration_after_an_event_is_a_moment(measure_of):
    text = "The weather balloon Aurora was lost when it burst 40 seconds after launch."
    assert measure_of(text, "40 seconds").startswith("time after launch when")


def test_a_ban_names_who_was_banned_never_a_pronoun(measure_of):
    text = "Striker Ruben Ostrander was fined heavily. He was banned for three months by the league."
    measure = measure_of(text, "three months")
    assert measure.startswith("ban")
    assert "He" not in measure.split()


def test_lengths_in_a_list_are_lengths_of_what_the_last_is_of(measure_of):
    text = "Each gift pays for 2 months, 4 months, or 9 months of clean water for a village."
    assert measure_of(text, "4 months").startswith("length of clean water")


def test_years_of_service_are_not_a_penalty(measure_of):
    text = "Officer Dana Kress resigned from the force after fifteen years of loyal service."
    assert measure_of(text, "fifteen years") != "loyal service"


def test_a_moment_keeps_the_verb_the_infinitive_completes(measure_of):
    text = "Ivo Maren bought the van in 2019. Maren tried to sell it three years after the purchase."
    measure = measure_of(text, "three years")
    assert "when Maren tried to sell" in measure


def test_years_of_something_are_its_length(measure_of):
    text = "The accord ends nearly three decades of border conflict between the two valleys."
    assert measure_of(text, "three decades").startswith("length of border conflict")


def test_a_for_duration_on_an_object_is_the_time_it_was_done_to_it(measure_of):
    text = "Tomas Vell was taken to an office where an auditor questioned him for three hours."
    assert measure_of(text, "three hours") == "time Tomas Vell was questioned"


def test_a_for_duration_of_a_subject_is_the_time_it_did_so(measure_of):
    text = "The strike is part of a dispute that the dockers have waged for almost six years."
    assert measure_of(text, "six years").startswith("time dockers have waged")


def test_a_term_the_parser_hung_on_another_preposition(measure_of):
    text = "Police said the skipper was held for 36 hours before being released on $8,000 bail."
    assert measure_of(text, "36 hours") == "time skipper was held"
    assert measure_of(text, "$8,000") == "bail on which skipper was released"


def test_time_given_to_do_something_is_a_deadline(measure_of):
    text = "Officials gave villagers 36 hours to leave the valley."
    assert measure_of(text, "36 hours") == "deadline for villagers to leave valley"


@pytest.mark.parametrize(
    "text",
    [
        "Detective Paul Brennan questioned Mark Doyle on Monday. He was jailed for seven months for fraud.",
        "Mark Doyle, 41, appeared in court with his brother Paul. Judge Anne Price jailed him for seven months.",
    ],
)
def test_a_pronoun_with_several_people_named_before_it_names_no_one(measure_of, text):
    """With two or more people named before "he"/"him" a guess can name the wrong one (the judge as the
    one jailed): a measure without the person beats a measure with the wrong person."""
    assert measure_of(text, "seven months") == "prison sentence"


def test_a_pronoun_with_one_person_named_before_it_is_that_person(measure_of):
    text = "Mark Doyle appeared at Leeds Crown Court on Monday. He was jailed for seven months for fraud."
    assert measure_of(text, "seven months") == "prison sentence for Mark Doyle"
