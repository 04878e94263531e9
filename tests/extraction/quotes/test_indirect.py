"""Indirect quotes: reported speech without quote marks, taken as written."""

from __future__ import annotations

import pytest


def indirect(quotes_of, text: str) -> list[tuple[str, str | None]]:
    return [(q[0], q[2]) for q in quotes_of(text) if q[1] == "indirect"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Coach Maria Santos said the team would rest three starters on Sunday.",
            [("the team would rest three starters on Sunday", "Maria Santos")],
            id="verb first",
        ),
        pytest.param(
            "Health Minister Ravi Patel said that the hospital would reopen in June.",
            [("the hospital would reopen in June", "Ravi Patel")],
            id="that dropped",
        ),
        pytest.param(
            "The refinery will restart next week, said Anton Weber, a spokesman for the operator.",
            [("The refinery will restart next week", "Anton Weber")],
            id="verb last, inverted",
        ),
        pytest.param(
            "But the appeal is unlikely to succeed, lawyer Joan Pike told reporters.",
            [("the appeal is unlikely to succeed", "Joan Pike")],
            id="verb last, leading But dropped",
        ),
        pytest.param(
            "The strike, union leader Omar Haddad said, would go ahead on Monday.",
            [("The strike, union leader Omar Haddad said, would go ahead on Monday", "Omar Haddad")],
            id="verb in the middle: whole sentence",
        ),
        pytest.param(
            "According to the Ministry of Health, 300 beds were added in March.",
            [("300 beds were added in March", "the Ministry of Health")],
            id="according to, first",
        ),
        pytest.param(
            "Interest rates will stay on hold until autumn, according to two officials at the central bank.",
            [("Interest rates will stay on hold until autumn", "two officials at the central bank")],
            id="according to, last",
        ),
        pytest.param(
            "Judge Amy Ross said the evidence was weak and that the charges should be dropped.",
            [("the evidence was weak", "Amy Ross"), ("the charges should be dropped", "Amy Ross")],
            id="two that-clauses",
        ),
        pytest.param(
            "Goalkeeper Tim Berg said he was fit, adding that he expected to start against Leeds.",
            [("he was fit", "Tim Berg"), ("he expected to start against Leeds", "Tim Berg")],
            id="adding that",
        ),
    ],
)
def test_indirect_forms(quotes_of, text, expected):
    assert indirect(quotes_of, text) == expected


def test_what_studies_and_data_show_is_not_speech(quotes_of):
    text = (
        "The study found that heat deaths doubled. Data from the agency show that sales fell. "
        "Prices rose 4%, according to figures from the statistics office."
    )
    assert indirect(quotes_of, text) == []


def test_cognition_and_infinitives_are_not_speech(quotes_of):
    text = (
        "Investors believe that rates will fall. The company declined to say whether it would sell. "
        "Analysts expect the merger to close in June."
    )
    assert indirect(quotes_of, text) == []


def test_reported_clause_holding_a_partial_quote_is_left_to_the_quote(quotes_of):
    text = "The regulator said the bank had been “reckless with customers’ money.”"
    found = quotes_of(text)
    assert [(q[0], q[1]) for q in found] == [("reckless with customers’ money", "partial")]


def test_indirect_speakers_through_pronouns_and_groups(quotes_of):
    text = (
        "Some economists say the slowdown is temporary. Demand will recover by spring, they say.\n\n"
        "Farmer Jack Quinn said prices were too low. He warned that many farms would close."
    )
    found = dict((t, s) for t, s in indirect(quotes_of, text))
    assert found["Demand will recover by spring"] == "some economists"
    assert found["many farms would close"] == "Jack Quinn"


def test_negated_speech_is_not_reported_speech(quotes_of):
    assert indirect(quotes_of, "The club did not say that the coach had been fired.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Mayor Ilse Vandermeer asked the regional water board to reopen the northern canal.",
            [("the regional water board to reopen the northern canal", "Ilse Vandermeer")],
            id="a request",
        ),
        pytest.param(
            "As Tobias Grell told a local radio station, the bridge has been closed since March.",
            [("the bridge has been closed since March", "Tobias Grell")],
            id="as X told",
        ),
        pytest.param(
            "Councillor Rosa Alvik pointed out the library has lost half of its budget.",
            [("the library has lost half of its budget", "Rosa Alvik")],
            id="phrasal cue",
        ),
    ],
)
def test_requests_as_clauses_and_phrasal_cues(quotes_of, text, expected):
    assert indirect(quotes_of, text) == expected


def test_a_with_x_saying_adjunct_is_not_part_of_the_reported_clause(quotes_of):
    text = (
        "The Harbour Authority has now confirmed that the skipper died on Monday, with officials "
        "saying the search would go on."
    )
    found = dict(indirect(quotes_of, text))
    assert "the skipper died on Monday" in found
    assert "the search would go on" in found


def test_second_verb_of_a_comma_pair_shares_the_subject(quotes_of):
    text = (
        "The driver Ivo Brandt, 52, arranged for a friend to dispose of his van, "
        "then claimed it had been stolen."
    )
    assert ("it had been stolen", "Ivo Brandt") in indirect(quotes_of, text)


def test_a_conjoined_second_reporting_verb_ends_the_first_clause(quotes_of):
    text = (
        "The orchestra's board also claimed Ferrante was a paid consultant and claim he has "
        "a grudge against the conductor."
    )
    found = dict(indirect(quotes_of, text))
    assert "Ferrante was a paid consultant" in found
    assert not any("and claim" in t for t in found)


def test_reported_text_never_runs_over_an_unpaired_quote_mark(quotes_of):
    text = (
        'Professor Hana Ilves said lesson plans would be ready for every school," For instance, '
        "classes can hold their own mock elections before the vote."
    )
    found = [t for t, _ in indirect(quotes_of, text)]
    assert found == ["lesson plans would be ready for every school"]


def test_according_to_inside_a_relative_clause_is_not_the_sentence_source(quotes_of):
    text = (
        "Norway and Chile have kept a rule of closing the ports to trawlers, which, according to "
        "Reuters, fishing groups in both countries have opposed."
    )
    assert indirect(quotes_of, text) == []


def test_a_cut_at_an_unpaired_mark_never_leaves_only_the_attribution(quotes_of):
    text = 'Of the new timetable, she said, "Nobody asked the drivers before it was printed.'
    assert indirect(quotes_of, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Councillor Dana Whitfield expressed concern the new depot could flood the valley roads.",
            [("the new depot could flood the valley roads", "Dana Whitfield")],
            id="expressed concern",
        ),
        pytest.param(
            "The union voiced confidence that the strike would end before the holidays.",
            [("the strike would end before the holidays", "the union")],
            id="voiced confidence that",
        ),
        pytest.param(
            "The mayor expressed concerns which residents had raised at the meeting.",
            [],
            id="relative clause is not speech",
        ),
    ],
)
def test_voiced_stance_nouns_report_speech(quotes_of, text, expected):
    assert indirect(quotes_of, text) == expected


def test_lawsuits_and_the_media_speak(quotes_of):
    found = dict(indirect(quotes_of, "The lawsuit claimed that the quarry had poisoned the creek."))
    assert "the quarry had poisoned the creek" in found
    found = dict(
        indirect(quotes_of, "But media have said the ferry tickets attract criticism from islanders.")
    )
    assert "the ferry tickets attract criticism from islanders" in found


def test_according_to_without_a_comma_ends_at_the_source():
    """The parser may read "According to Marek the crane ..." as Marek taking "crane" as object."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from app.extraction.quotes.indirect import _source_end

    words = ["According", "to", "Marek", "the", "crane", "was", "fixed", "."]
    heads = [6, 0, 1, 4, 2, 6, 6, 6]
    deps = ["prep", "prep", "pcomp", "det", "dobj", "auxpass", "ROOT", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert _source_end(doc[2]) == 2


def test_according_to_before_a_quotation_keeps_the_clause_before_it(quotes_of):
    text = (
        'According to Ines Varga the bakery gave its takings to the food bank after, "our regulars '
        'asked us to do something good with the money."'
    )
    found = [t for t, _ in indirect(quotes_of, text)]
    assert found == ["the bakery gave its takings to the food bank"]


def test_a_group_named_by_examples_speaks(quotes_of):
    text = (
        "Though the forum is complying with the council's requests to remove the clip, other sites "
        "such as Harbourline.net have stated that they will keep hosting the clip."
    )
    found = [t for t, _ in indirect(quotes_of, text)]
    assert found == ["they will keep hosting the clip"]


def test_according_to_around_a_reporting_verb_leaves_it_to_that_verb(quotes_of):
    text = (
        "According to the Valley Courier, Dr Anton Lisk, head of the review panel, said the old "
        "bridge was never inspected."
    )
    assert indirect(quotes_of, text) == [("the old bridge was never inspected", "Anton Lisk")]


def test_a_clause_before_a_semicolon_is_not_a_later_verbs_complement(quotes_of):
    text = (
        "The victory was her first since 2011 and came on the tenth anniversary of her debut; "
        'Harbourton mayor Ilse Moreau declared the day "Moreau Day".'
    )
    assert indirect(quotes_of, text) == []


def test_object_verbs_take_a_finite_clause_without_that(quotes_of):
    text = "Harbour officials estimated the new pier would be finished by spring."
    assert indirect(quotes_of, text) == [("the new pier would be finished by spring", "Harbour officials")]


def test_object_verbs_still_take_noun_objects_as_objects(quotes_of):
    assert indirect(quotes_of, "Brightwell Foods reported revenue of $2 million for the quarter.") == []


def test_a_reporting_verb_misread_as_a_modifier_still_reports(quotes_of, nlp):
    """The parser can read "Tidewatch noted airspace was closed" as "noted" modifying "airspace"."""
    from app.extraction.quotes.indirect import _misread_modifier

    doc = nlp("Tidewatch noted airspace was closed.")
    heads, deps = [t.head.i for t in doc], [t.dep_ for t in doc]
    heads[1], deps[1] = 2, "amod"
    heads[0], deps[0] = 1, "nsubj"
    heads[2], deps[2], heads[4], deps[4] = 4, "nsubjpass", 4, "ROOT"
    from spacy.tokens import Doc

    built = Doc(doc.vocab, words=[t.text for t in doc], heads=heads, deps=deps, tags=[t.tag_ for t in doc])
    assert _misread_modifier(built[1])
    assert not _misread_modifier(built[2])


def test_according_to_closing_a_relative_clause_sources_the_sentence(quotes_of):
    text = (
        "The drone is thought to be a Kestrel 2 model which are believed to be in the hands of "
        "smugglers according to reports from the border."
    )
    assert len(indirect(quotes_of, text)) == 1


def test_according_to_inside_a_relative_clause_is_not_a_sentence_report(quotes_of):
    text = "Both towns kept a curfew which, according to Reuters, the regional council has opposed."
    assert indirect(quotes_of, text) == []


def test_a_complement_without_its_own_subject_is_a_misparse_not_speech(quotes_of):
    text = "Riders added into the budget bill included $5 million in tax rebates for the cheese industry."
    assert indirect(quotes_of, text) == []


def test_they_after_an_organisation_denial_is_the_organisation(quotes_of):
    """No group has spoken, so "they" is the organisation the sentence before is about."""
    text = (
        "Tom Reyes, a fisherman, says the pier is cracked. In a statement to the Coastal Gazette, "
        "Corvane Shipping denied the report. They also claimed Reyes was a former employee."
    )
    assert ("Reyes was a former employee", "Corvane Shipping") in indirect(quotes_of, text)


def test_they_after_a_person_stays_unresolved(quotes_of):
    text = (
        "Tom Reyes, a fisherman, says the pier is cracked. Ana Lutz, the harbour master, denied "
        "the report. They also claimed the pier was safe."
    )
    assert ("the pier was safe", None) in indirect(quotes_of, text)


def test_a_second_report_hung_on_the_first_clause_shares_the_reporter(quotes_of):
    """ "claimed X and claim Y": the parser hangs "claim" on X's verb; Y is still the firm's."""
    text = (
        "Tom Reyes, a fisherman, says the pier is cracked. Corvane Shipping said Reyes was a "
        "former employee and claim he has a grudge against the firm."
    )
    assert ("he has a grudge against the firm", "Corvane Shipping") in indirect(quotes_of, text)


def test_a_group_illustrated_by_named_members_is_each_of_them(quotes_of):
    """ "Other councillors, such as A and B, expressed concern ...": the named members spoke."""
    text = (
        "Mayor Ruth Okoye defended the plan. Other councillors, such as Democrats Paul Ibsen and "
        "Nora Vance, expressed concern the plan could raise rents in the old town."
    )
    said = indirect(quotes_of, text)
    assert ("the plan could raise rents in the old town", "Paul Ibsen") in said
    assert ("the plan could raise rents in the old town", "Nora Vance") in said


def test_a_named_board_is_an_organisation_not_a_described_person(quotes_of):
    """ "Board" ends like "Spaniard", but "the Harbour Board" is a name, not a person described."""
    text = (
        "Tom Reyes, a fisherman, says the pier is cracked. In a letter, the Harbour Board said "
        "the pier was inspected in May."
    )
    assert ("the pier was inspected in May", "the Harbour Board") in indirect(quotes_of, text)
