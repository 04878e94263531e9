"""A "(subject verb)" bracket after a measure is said as a participle phrase when the figure is the
verb's object ("laps led by Ortega"), dropped when the verb has no object or the bracket holds another
amount or a copula; a count of pages is the length of a document."""

from __future__ import annotations


def test_an_object_bracket_becomes_a_participle_phrase(measure_of):
    text = "Last year Norland imported 12 million tons of Chilean copper ore."
    measure = measure_of(text, "12 million tons")
    assert "(" not in measure and "imported by Norland" in measure


def test_a_for_amount_of_a_verb_without_object_reads_as_its_object(measure_of):
    text = "After passing Drummond, Hallett would lead for 31 consecutive laps."
    assert measure_of(text, "31 consecutive laps") == "consecutive laps led by Hallett"


def test_pages_are_the_length_of_the_document(measure_of):
    text = "The new audit report runs to roughly 740 pages. Officials found a 212-page memo in a car park."
    assert measure_of(text, "740 pages").startswith("length of new audit report")
    assert measure_of(text, "212-page").startswith("length of memo")


def test_the_doer_of_a_relative_clause_is_the_noun_it_describes(measure_of):
    text = "Relief agencies warned about a drought that has killed tens of thousands of cattle and goats."
    assert measure_of(text, "tens of thousands") == "cattle killed by drought"
