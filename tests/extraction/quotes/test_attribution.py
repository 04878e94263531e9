"""Who said a quoted passage: each attribution form news copy uses, on handwritten sentences
from several beats (courts, sport, business, health, labour, politics)."""

from __future__ import annotations

import pytest

CASES = [
    pytest.param(
        '"Harbour crews were sent to the northern piers to secure the cranes before the storm", added KTV.',
        "Harbour crews were sent to the northern piers to secure the cranes before the storm",
        "KTV",
        id="quote, added X (speaker misread as the object)",
    ),
    pytest.param(
        "Maria Lopez, a lawyer for the family, spoke after the hearing. "
        '"We will appeal this ruling," Lopez said.',
        "We will appeal this ruling",
        "Maria Lopez",
        id="X said",
    ),
    pytest.param(
        "“The market has turned,” said Henrik Dahl, a senior fellow at the Nordic Energy Forum.",
        "The market has turned",
        "Henrik Dahl",
        id="said X, apposition",
    ),
    pytest.param(
        "Coach Tanya Brooks told Reuters: “We were not good enough in the second half.”",
        "We were not good enough in the second half",
        "Tanya Brooks",
        id="X told Reuters, colon",
    ),
    pytest.param(
        "The union said in a statement: “Our members will not accept a real-terms pay cut.”",
        "Our members will not accept a real-terms pay cut",
        "the union",
        id="org said in a statement, colon",
    ),
    pytest.param(
        "Senator Laura Kim wrote on X: “This bill protects patients, not insurers.”",
        "This bill protects patients, not insurers",
        "Laura Kim",
        id="wrote on X",
    ),
    pytest.param(
        "“Inflation is falling faster than we expected,” the central bank governor, Aiko Tanaka, added.",
        "Inflation is falling faster than we expected",
        "Aiko Tanaka",
        id="post-posed added",
    ),
    pytest.param(
        "Pedro Alvarez, who has coached the team since 2019, said: “This group never gives up.”",
        "This group never gives up",
        "Pedro Alvarez",
        id="X, who ..., said",
    ),
    pytest.param(
        "“The vaccine is safe and it works,” according to Dr. Hannah Weiss, the state epidemiologist.",
        "The vaccine is safe and it works",
        "Hannah Weiss",
        id="according to X",
    ),
    pytest.param(
        "Nurse practitioner Grace Obi warned that the ward was “one bad night away from disaster.”",
        "one bad night away from disaster",
        "Grace Obi",
        id="warned, partial",
    ),
    pytest.param(
        "Ivan Petrov stressed that the refinery was “operating normally and safely.”",
        "operating normally and safely",
        "Ivan Petrov",
        id="stressed",
    ),
    pytest.param(
        "The prosecutor, Dana Cole, argued that the defendant “knew exactly what he was doing.”",
        "knew exactly what he was doing",
        "Dana Cole",
        id="argued",
    ),
    pytest.param(
        "“It was a difficult decision,” the chairman, Rupert Vance, was quoted as saying.",
        "It was a difficult decision",
        "Rupert Vance",
        id="passive quoted as saying",
    ),
    pytest.param(
        "Shop steward Ellen Marsh agreed. “The warehouse is too hot to work in,” she said.",
        "The warehouse is too hot to work in",
        "Ellen Marsh",
        id="pronoun after named sentence",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), CASES)
def test_attribution_forms(quotes_of, text, quote, speaker):
    found = {q[0]: q for q in quotes_of(text)}
    assert quote in found, found
    assert found[quote][2] == speaker


def test_split_quote_gives_two_quotes_with_one_speaker(quotes_of):
    text = "“We trained hard all winter,” said the captain, Noor Haddad. “Today it paid off.”"
    found = quotes_of(text)
    assert [(q[0], q[2]) for q in found] == [
        ("We trained hard all winter", "Noor Haddad"),
        ("Today it paid off", "Noor Haddad"),
    ]


def test_floating_quote_in_next_paragraph_inherits_the_speaker(quotes_of):
    text = (
        "“We expect margins to recover in the second half,” said Chief Financial Officer Omar Siddiqui.\n\n"
        "“The cost cuts are already showing up in the numbers.”\n\n"
        "Shares rose 3%."
    )
    found = quotes_of(text)
    assert [q[2] for q in found] == ["Omar Siddiqui", "Omar Siddiqui"]


def test_multi_paragraph_quote_is_one_quote(quotes_of):
    text = (
        "Union organiser Kevin Doyle said the vote was clear. “We asked for a fair deal.\n\n"
        "“We were ignored, so now we strike.”"
    )
    found = quotes_of(text)
    assert (
        "We asked for a fair deal. We were ignored, so now we strike",
        "direct",
        "Kevin Doyle",
        "person",
    ) in found


def test_speech_verbs_beyond_said(quotes_of):
    text = (
        "Economist Rosa Klein noted that wages were “finally catching up with prices.” "
        "Her colleague Martin Yeo emphasized that the recovery was “fragile and uneven.”"
    )
    found = {q[0]: q[2] for q in quotes_of(text)}
    assert found == {
        "finally catching up with prices": "Rosa Klein",
        "fragile and uneven": "Martin Yeo",
    }


def test_quote_words_inside_the_quote_are_not_the_cue(quotes_of):
    text = "“My father said we should never sell the farm,” Amira Nasser told the hearing."
    found = quotes_of(text)
    assert found[0][2] == "Amira Nasser"


def test_direct_and_partial_kinds(quotes_of):
    text = (
        "Judge Peter Lang called the scheme “a textbook fraud.” "
        "“You stole from people who trusted you,” Lang told the defendant."
    )
    kinds = {q[0]: q[1] for q in quotes_of(text)}
    assert kinds == {"a textbook fraud": "partial", "You stole from people who trusted you": "direct"}


def test_colon_or_dash_after_a_clause_introduces_its_subjects_words(quotes_of):
    text = (
        "Coach Ana Silva had a simple message for her players: “Play without fear.” "
        "Labour leader Keir Holt was blunt — “This budget is a disaster for working families.”"
    )
    found = {q[0]: q[2] for q in quotes_of(text)}
    assert found == {
        "Play without fear": "Ana Silva",
        "This budget is a disaster for working families": "Keir Holt",
    }


def test_statement_released_by_an_organisation(quotes_of):
    text = "The merger will go ahead, according to a statement released by the Competition Authority."
    found = quotes_of(text)
    assert found == [("The merger will go ahead", "indirect", "the Competition Authority", "organization")]


def test_a_noun_inside_the_quote_never_speaks_it_and_a_judge_rules(quotes_of):
    """ "smugglers described in the decree": the cue's subject is the quote's own word, so the
    ruling judge is the speaker ("rule that" reports what a court wrote)."""
    text = (
        "Judge Ada Brill ruled against the ban on the grounds that there was no evidence it was "
        '"to shield the port from smugglers" described in the decree.'
    )
    found = [(q[0], q[2]) for q in quotes_of(text) if q[1] != "indirect"]
    assert found == [("to shield the port from smugglers", "Ada Brill")]


def test_passive_speech_verb_takes_the_named_source_it_is_written_in(quotes_of):
    """ "It is noted on the Tarvik Museum website that ...": an impersonal passive names no
    speaker, but the place the words appear in does - its named owner, or the named source."""
    text = (
        "The gallery closed for repairs in March. It is noted on the Tarvik Museum website that "
        '"the east wing reopens in May with a new lighting system." '
        "Visitors were also warned about parking. It was stated in the Lindholm Port Authority report that "
        '"the car park will stay shut until the summer."'
    )
    found = {q[0]: (q[2], q[3]) for q in quotes_of(text) if q[1] != "indirect"}
    assert found == {
        "the east wing reopens in May with a new lighting system": ("Tarvik Museum", "organization"),
        "the car park will stay shut until the summer": ("Lindholm Port Authority", "organization"),
    }


def test_the_report_refers_back_to_the_titled_publication(quotes_of):
    """ "The report says ..." after a titled publication was named: the publication speaks."""
    text = (
        "The findings of the Northern Estuary Water Quality Review, published by the river trust "
        "this week, alarmed anglers. The report says that nitrate levels doubled in a decade."
    )
    found = [(q[2], q[3]) for q in quotes_of(text) if q[1] == "indirect"]
    assert found == [("Northern Estuary Water Quality Review", "organization")]


def test_an_internal_document_speaks_for_the_organisation_named_before_it(quotes_of):
    text = (
        "The Vell Water Board plans to raise charges next year. A leaked internal memo says "
        '"bills will rise by a fifth for most households", but ministers said no decision was made.'
    )
    found = [(q[2], q[3]) for q in quotes_of(text) if q[1] != "indirect"]
    assert found == [("Vell Water Board", "organization")]
