"""A measure is never "<subject> <verb>": a standings list gives each name's tally, an object reads
as a participle phrase ("saved by the coastguard"), money a verb does has its noun ("Norland's
savings"), a suspension of a thing is "of" it."""

from __future__ import annotations

STANDINGS = (
    "The riders' standings after the rally featured Ostrander in the lead with 412 points. "
    "Pell with 398; Vance, 377; and Lusk, 351, completed the top four."
)


def test_a_standings_list_gives_each_name_its_tally(measure_of):
    assert measure_of(STANDINGS, "412 points") == "Ostrander's points"
    assert measure_of(STANDINGS, "398") == "Pell's points"
    assert measure_of(STANDINGS, "377") == "Vance's points"


def test_an_object_counted_by_a_subject_reads_as_a_participle_phrase(measure_of):
    text = "Fishermen rescued 300 sailors, and the coastguard reportedly saved 150 more after dark."
    assert measure_of(text, "150").startswith("saved by coastguard")


def test_money_a_verb_does_is_named_by_its_noun(measure_of):
    text = "Norland saved $2.1 billion last year by buying discounted grain."
    assert measure_of(text, "$2.1 billion") == "Norland's savings"


def test_a_suspension_of_a_thing_is_of_it(measure_of):
    text = "The ministry suspended imports of poultry for 90 days."
    assert measure_of(text, "90 days") == "suspension of imports of poultry"


def test_an_amount_a_bill_requires_is_a_requirement(measure_of):
    text = "Approval of the charter required only a 2/3 majority."
    assert measure_of(text, "2/3").startswith("majority required for Approval of the charter")


def test_a_share_of_these_is_a_share_of_what_these_stands_for(measure_of):
    text = 'An audit found the ferry has 140 defects; 22 percent of these are rated "severe".'
    assert measure_of(text, "22 percent") == "share of defects rated severe"


def test_an_amount_an_estimate_puts_on_an_object_measures_the_object(measure_of):
    text = "The study places the farming contribution to the rise in river nitrate at 61% since 1990."
    assert measure_of(text, "61%").startswith("farming contribution to the rise in river nitrate")


def test_a_relative_word_never_opens_a_measure(measure_of):
    text = "Officials named four regions whose approval rate is above 80% this year."
    assert not measure_of(text, "80%").lower().startswith("whose")


def test_a_bare_dimension_keeps_what_it_is_measured_from(measure_of):
    text = "At that moment the depth below the keel was roughly 40 feet."
    assert measure_of(text, "40 feet").startswith("depth below the keel")


def test_a_share_that_does_something_reads_with_a_gerund(measure_of):
    text = "A survey found only a third of tenants supported extending the tram line."
    assert measure_of(text, "a third").startswith("share of tenants supporting extending the tram line")


def test_a_share_with_a_copula_keeps_the_complement(measure_of):
    text = "Inspectors said almost half of the ferries are unfit for service at sea."
    assert measure_of(text, "half").startswith("share of ferries unfit for service at sea")


def test_a_bare_dimension_names_the_subject_of_its_verb(measure_of):
    text = (
        "The Vardo canal, once dug, will carry barges from the lakes to the coast, across a span of 240 km."
    )
    assert measure_of(text, "240 km").startswith("span of Vardo canal")


def test_a_change_noun_after_a_clause_is_the_change_in_its_object(measure_of):
    text = "Norland imported 9 million tons of Chilean copper ore in 2023, an increase of 14% compared with 2022."
    assert measure_of(text, "14%").startswith("increase in Chilean copper ore imported by Norland")


def test_up_or_down_names_the_change(measure_of):
    text = "Norland's trade with Vell hit a record $80 billion in 2023 - up 41 percent from 2021."
    assert measure_of(text, "41 percent").startswith("increase in Norland's trade with Vell")


def test_a_pronoun_is_never_the_doer(measure_of):
    named = "Ruben Ostrander joined Vell Rovers in May. He scored 17 goals last season."
    assert measure_of(named, "17 goals") == "goals scored by Ruben Ostrander"
    unnamed = "The new striker joined in May. He scored 17 goals last season."
    assert "He" not in measure_of(unnamed, "17 goals").split()


def test_a_change_of_a_clause_is_the_change_of_what_it_counted(measure_of):
    text = "The ferry line carried 2.5 million riders in June, up 6% from a year earlier."
    assert measure_of(text, "6%") == "increase in riders carried by ferry line"


def test_money_a_subject_moves_is_money_and_a_fine_is_its_fine(measure_of):
    text = "Savers pulled $1.2 billion from the bank in May. The bank was fined $40 million by regulators."
    assert measure_of(text, "$1.2 billion").startswith("money pulled by Savers")
    assert measure_of(text, "$40 million") == "bank's fine"


def test_a_share_that_said_something_keeps_what_it_said(measure_of):
    text = "About 40% of tenants said they would move out."
    assert measure_of(text, "40%").startswith("share of tenants saying they would move out")


def test_a_sentence_asked_for_is_not_the_askers(measure_of):
    text = "Prosecutors asked for a sentence of 20 years."
    assert "Prosecutors" not in measure_of(text, "20 years")


def test_it_was_n_percent_is_the_same_share_as_before(measure_of):
    text = (
        "A recent survey found only a fifth of anglers backed closing the river. "
        "That is down from the year before, when it was thirty percent."
    )
    assert measure_of(text, "thirty percent").startswith("share of anglers")


def test_an_amount_a_thing_is_valued_at_is_its_value(measure_of):
    text = "The ferry operator ordered 12 boats in a deal valued at $900 million."
    assert measure_of(text, "$900 million") == "value of deal"
