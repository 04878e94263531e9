"""A sum of money named by what it is: a prize someone won, the value of each thing, the terms a
verb happened on ("bail on which ... was released"); never "<subject> won"."""

from __future__ import annotations


def test_a_sum_won_with_a_title_is_a_prize(measure_of):
    text = "After a tense final, the Norwegian crew won the regatta and $8,000."
    assert measure_of(text, "$8,000") == "prize won by Norwegian crew"


def test_a_sum_in_value_each_is_the_value_of_each_thing(measure_of):
    text = "Police said the burglary involved four oil paintings each of $900 in value."
    assert measure_of(text, "$900") == "value of each oil painting"


def test_bail_names_the_one_released_on_it(measure_of):
    text = "Orrin Baptiste, 31, appeared in court on Monday. He was released on $5,000 bail on Tuesday."
    assert measure_of(text, "$5,000") == "bail on which Orrin Baptiste was released"


def test_an_amount_in_a_material_keeps_its_beneficiary_and_companions(measure_of):
    text = (
        "The package included $85 million in fuel subsidies for the fishing fleet, and $12 million in grants."
    )
    assert measure_of(text, "$85 million") == "fuel subsidies for the fishing fleet"


def test_a_sum_something_is_worth_is_its_value(measure_of):
    text = (
        "Customs seized 300 kg of saffron worth $4 million. Officials said the contract is worth $7 billion."
    )
    assert measure_of(text, "$4 million") == "value of saffron"
    assert measure_of(text, "$7 billion") == "value of contract"
