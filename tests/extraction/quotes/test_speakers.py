"""Speakers resolved to the right entity: pronouns, role descriptors, organisations, unnamed
sources, and no speaker at all when none can be found."""

from __future__ import annotations


def speakers(quotes_of, text: str) -> dict[str, tuple[str | None, str | None]]:
    return {q[0]: (q[2], q[3]) for q in quotes_of(text)}


def test_he_and_she_follow_gender_and_the_previous_speaker(quotes_of):
    text = (
        "Finance minister Carla Mendes met the banker Robert Hale on Monday. "
        "Mendes said the talks had been useful. “We found common ground on deposit insurance,” she said. "
        "Hale was more cautious. “There is a lot left to agree,” he said."
    )
    found = speakers(quotes_of, text)
    assert found["We found common ground on deposit insurance"] == ("Carla Mendes", "person")
    assert found["There is a lot left to agree"] == ("Robert Hale", "person")


def test_pronoun_skips_people_named_inside_quotes(quotes_of):
    text = (
        "Striker Lena Vogel scored twice. “Anna Berg gave me the perfect pass,” she said. "
        "“I just had to finish it,” she added."
    )
    found = speakers(quotes_of, text)
    assert found["I just had to finish it"] == ("Lena Vogel", "person")


def test_role_descriptor_resolves_through_titles(quotes_of):
    text = (
        "Chinese President Zhou Ming hosted Brazilian President Ana Ribeiro in Beijing on Friday. "
        "“Our partnership is a model for the global south,” the Chinese president said. "
        "“Trade must be balanced,” the Brazilian leader told reporters."
    )
    found = speakers(quotes_of, text)
    assert found["Our partnership is a model for the global south"] == ("Zhou Ming", "person")
    assert found["Trade must be balanced"] == ("Ana Ribeiro", "person")


def test_the_judge_is_the_titled_judge(quotes_of):
    text = (
        "U.S. District Judge Alan Foster denied the motion on Thursday. "
        "“The defendant had every opportunity to comply,” the judge wrote."
    )
    assert speakers(quotes_of, text)["The defendant had every opportunity to comply"] == (
        "Alan Foster",
        "person",
    )


def test_the_minister_after_an_apposition(quotes_of):
    text = (
        "The plan was presented by Kofi Mensah, Ghana’s energy minister, in Accra. "
        "“Power cuts will end by December,” the minister said."
    )
    assert speakers(quotes_of, text)["Power cuts will end by December"] == ("Kofi Mensah", "person")


def test_organisations_as_speakers(quotes_of):
    text = (
        "Ridgeline Mining Corp said on Tuesday it would close the mine. "
        "“Safety comes before production,” the company said in a statement. "
        "The Ministry of Labour said the closure was “regrettable but necessary.” "
        "The Daily Courier reported that 400 jobs were at risk."
    )
    found = speakers(quotes_of, text)
    assert found["Safety comes before production"] == ("Ridgeline Mining Corp", "organization")
    assert found["regrettable but necessary"][1] == "organization"
    assert "Labour" in (found["regrettable but necessary"][0] or "")


def test_unnamed_sources_are_anonymous_with_their_description(quotes_of):
    text = (
        "“The deal is all but done,” a senior European diplomat said on condition of anonymity. "
        "“Nobody wants another round of tariffs,” said two people familiar with the talks."
    )
    found = speakers(quotes_of, text)
    assert found["The deal is all but done"] == ("a senior European diplomat", "anonymous")
    assert found["Nobody wants another round of tariffs"] == (
        "two people familiar with the talks",
        "anonymous",
    )


def test_it_and_they_refer_back_to_organisations_and_groups(quotes_of):
    text = (
        "The Transport Workers Union said members had voted to strike. "
        "It added that the walkout would begin on Monday. "
        "Economists said the strike would hurt exports. They warned that “the timing could not be worse.”"
    )
    found = quotes_of(text)
    by_text = {q[0]: (q[2], q[3]) for q in found}
    assert by_text["the walkout would begin on Monday"][1] == "organization"
    assert "Union" in by_text["the walkout would begin on Monday"][0]
    assert by_text["the timing could not be worse"] == ("economists", "anonymous")


def test_quote_with_no_findable_speaker_is_kept_unattributed(quotes_of):
    text = (
        "The banner above the stage read “Workers build this city, workers can stop it”.\n\n"
        "Thousands marched through the centre."
    )
    found = quotes_of(text)
    assert found == [("Workers build this city, workers can stop it", "partial", None, None)]


def test_relayed_quote_goes_to_the_person_who_said_it_first_level(quotes_of):
    text = "“She told me she would never sell,” said Tom Reilly, the landlord’s neighbour."
    assert speakers(quotes_of, text)["She told me she would never sell"] == ("Tom Reilly", "person")


def test_next_sentence_pointing_back_names_the_speaker(quotes_of):
    text = "“I’ve never seen a fire move that fast.” That was how fire chief Dan Moore described the blaze."
    assert speakers(quotes_of, text)["I’ve never seen a fire move that fast"] == ("Dan Moore", "person")


def test_described_not_named_the_spaniard_and_the_29_year_old(quotes_of):
    text = (
        "“He is a special talent,” said manager Luis Ortiz.\n\n"
        "Ortiz also confirmed that defender Paulo Reis will miss six weeks. “It is a big loss,” the Spaniard said.\n\n"
        "Kenya’s Mary Wanjiku won the women’s race. “I felt strong at the end,” the 29-year-old said."
    )
    found = speakers(quotes_of, text)
    assert found["It is a big loss"] == ("Luis Ortiz", "person")
    assert found["I felt strong at the end"] == ("Mary Wanjiku", "person")


def test_hyphenated_names_and_datelines_do_not_leak_into_speakers(quotes_of):
    text = (
        "LONDON (Reuters) - British Airways owner IAG said on Friday it expected strong summer demand. "
        "“It is a solid set of numbers,” said Hargreaves Lansdown analyst Sophie Lund-Yates."
    )
    found = quotes_of(text)
    assert (
        "it expected strong summer demand",
        "indirect",
        "British Airways owner IAG",
        "organization",
    ) in found
    assert ("It is a solid set of numbers", "direct", "Sophie Lund-Yates", "person") in found


def test_plural_sources_and_one_of_them(quotes_of):
    text = (
        "Strategists at Northway Bank wrote in a note that they now expect two cuts this year. "
        "Investors are “finally listening to the Fed,” they wrote.\n\n"
        "Nurses told the paper they were treating patients in car parks. "
        "One, who asked not to be named, said: “We are doing our best, but it is not safe.”"
    )
    found = speakers(quotes_of, text)
    assert found["finally listening to the Fed"] == ("strategists at Northway Bank", "anonymous")
    assert found["We are doing our best, but it is not safe"] == ("one nurse", "anonymous")


def test_named_speaker_beside_a_role_phrase(quotes_of):
    text = (
        "Speaking at a press event, Norland's Finance Minister, Eskil Brandvold said, "
        "“We will not raise the fuel duty this year.” "
        "Local historian and author Maren Solheim commented, “The old harbour deserves better care.”"
    )
    found = speakers(quotes_of, text)
    assert found["We will not raise the fuel duty this year"] == ("Eskil Brandvold", "person")
    assert found["The old harbour deserves better care"] == ("Maren Solheim", "person")


def test_pronoun_goes_to_the_main_clause_subject(quotes_of):
    text = (
        "“The budget is fair,” said Governor Hal Brenner. "
        "Deputy governor Tomas Wick pointed out that Brenner is known for plain speaking. "
        "“I think voters like a governor who speaks his mind,” he said."
    )
    found = speakers(quotes_of, text)
    assert found["I think voters like a governor who speaks his mind"] == ("Tomas Wick", "person")


def test_a_quote_standing_alone_goes_to_the_person_just_introduced(quotes_of):
    text = (
        "“We chose the sites with care,” said agency head Lars Okonkwo.\n\n"
        "Not everyone agreed. Senator Priya Halvorsen, a Democrat from Ohio, issued a statement on the choice. "
        "“Like many Ohioans, I am disappointed with the agency's decision.”"
    )
    found = speakers(quotes_of, text)
    assert found["Like many Ohioans, I am disappointed with the agency's decision"] == (
        "Priya Halvorsen",
        "person",
    )


def test_pointed_out_after_a_report_about_someone_else(quotes_of):
    text = (
        "Mark Fenwick was defended by Owen Strand. Strand said Fenwick had quit the force and lost his pension. "
        "“It is not a case of abuse of office,” he pointed out. “His career is over.”"
    )
    found = speakers(quotes_of, text)
    assert found["It is not a case of abuse of office"] == ("Owen Strand", "person")
    assert found["His career is over"] == ("Owen Strand", "person")


def test_documents_misread_cues_and_in_the_words_of(quotes_of):
    text = (
        "The Harbour Authority notes, “Silt in the channel grows faster than all other hazards combined.”\n\n"
        "The Ministry of Fisheries letter reads “we may extend the quota review to every coastal district this year”.\n\n"
        "In the words of the chief inspector, Ruth Okafor, “The nets were left in the water for three whole weeks.”"
    )
    found = speakers(quotes_of, text)
    assert found["Silt in the channel grows faster than all other hazards combined"][1] == "organization"
    assert found["we may extend the quota review to every coastal district this year"][1] == "organization"
    assert found["The nets were left in the water for three whole weeks"] == ("Ruth Okafor", "person")


def test_a_gerund_opening_is_not_the_speaker(quotes_of):
    text = (
        "Some sites said they would keep the clip online.\n\n"
        "Writing in a blog post, Nadia Osei of The Harbour Ledger dubbed the dispute: “Ferries vs. the Tide, round nine”. "
        "She described the row as “another small skirmish in a long war over the old timetable”."
    )
    found = speakers(quotes_of, text)
    assert found["Ferries vs. the Tide, round nine"] == ("Nadia Osei", "person")
    assert found["another small skirmish in a long war over the old timetable"] == ("Nadia Osei", "person")


def test_a_cue_after_whilst_climbs_to_the_clause_subject(quotes_of):
    text = (
        "Premier Lotte Hanssen met the press on Monday. Hanssen defended the budget whilst promising a "
        "“full review” of rail fares: “We will publish the review before the summer recess and act on it.”"
    )
    found = speakers(quotes_of, text)
    assert found["We will publish the review before the summer recess and act on it"] == (
        "Lotte Hanssen",
        "person",
    )


def test_a_comment_or_statement_speaks_for_whoever_made_it(quotes_of):
    text = (
        "In response to the claims, Marta Quill, who is the owner of Tern Air, made a comment saying: "
        "“We reject any suggestion that our pilots fly tired or that our planes are unsafe.”"
    )
    found = speakers(quotes_of, text)
    assert found["We reject any suggestion that our pilots fly tired or that our planes are unsafe"] == (
        "Marta Quill",
        "person",
    )


def test_a_response_given_by_someone_reads_as_their_words(quotes_of):
    text = (
        "The official response from the rest of the city council, given to the press by council spokesman "
        "Idris Vale, reads as follows: “The river has always flooded and always will flood in the spring.”"
    )
    found = speakers(quotes_of, text)
    assert found["The river has always flooded and always will flood in the spring"] == (
        "Idris Vale",
        "person",
    )


def test_a_day_is_never_a_speaker(quotes_of):
    text = (
        "Messages on the forum of the Harbour Watch group from Tuesday wrote that as of Tuesday "
        "the ferry timetable was either not loading at all or loading very slowly."
    )
    for _, _, name, _ in [q[:4] for q in quotes_of(text)]:
        assert name not in ("Tuesday", "as of Tuesday")


def test_an_unnamed_spokesperson_speaks_for_the_organisation(quotes_of):
    text = (
        "The Northmere Water Authority has confirmed the leak, with a spokesperson for them saying: "
        "“We are aware of a fault in the main pipe near the harbour.” "
        "A spokesman for Castlegate Rail said: “Trains will run on a reduced timetable until Monday.”"
    )
    found = speakers(quotes_of, text)
    assert found["We are aware of a fault in the main pipe near the harbour"][1] == "organization"
    assert (
        "Northmere Water Authority" in found["We are aware of a fault in the main pipe near the harbour"][0]
    )
    assert found["Trains will run on a reduced timetable until Monday"] == ("Castlegate Rail", "organization")


def test_the_city_speaks_through_the_local_government_named_before(quotes_of):
    text = (
        "The claim for unpaid parking fees was brought by the Municipality of Varenna in 2019. "
        "The city argued, “the car parks are run as a business, so the fees are owed”. "
        "A court will rule next month."
    )
    found = speakers(quotes_of, text)
    assert found["the car parks are run as a business, so the fees are owed"] == (
        "Municipality of Varenna",
        "organization",
    )


def test_an_analysis_with_a_named_owner_is_the_owner_s_statement(quotes_of):
    text = (
        "Sales of paper maps keep falling. The Tidewater Gazette's recent analysis of its own reader "
        "surveys concluded, “Most readers now plan trips on their phones.” Printers disagree."
    )
    found = speakers(quotes_of, text)
    assert found["Most readers now plan trips on their phones"] == ("Tidewater Gazette", "organization")


def test_according_to_a_relaying_outlet_the_view_is_the_named_subject_s(quotes_of):
    text = (
        "The ferry Morvane sank off the coast on Sunday. Harbour master Tomas Hallam said the crew "
        "had been rescued. According to the Daily Courier, Hallam also believes the ferry may have "
        "left port early to avoid the storm."
    )
    found = speakers(quotes_of, text)
    clause = next(t for t in found if "the ferry may have left port early" in t)
    assert found[clause] == ("Tomas Hallam", "person")


def test_according_to_an_agency_quoting_another_the_words_are_the_quoted_source_s(quotes_of):
    text = (
        "According to Radio Fjord, quoting the Norland Coastguard Service, "
        "the fishing fleet has been placed on alert and has been told to "
        "\u201cprepare for a storm that could last for several days\u201d."
    )
    found = speakers(quotes_of, text)
    name, kind = found["prepare for a storm that could last for several days"]
    assert (name.removeprefix("the "), kind) == ("Norland Coastguard Service", "organization")


def test_the_subject_of_a_passive_told_is_the_hearer_not_the_speaker(quotes_of):
    text = (
        "Harbour pilot Ines Quarry spoke to the crews on Monday. "
        "The crews were told to \u201cstay in port until the wind drops\u201d."
    )
    found = speakers(quotes_of, text)
    assert found["stay in port until the wind drops"][0] != "the crews"


def test_a_participle_after_a_relative_clause_speaks_for_its_antecedent(quotes_of):
    text = (
        "The complaint was lodged on Monday with the Harbour Licensing Board, which refused to suspend "
        "the permit, stating \u201cthe evidence does not justify an immediate suspension of the permit.\u201d"
    )
    found = speakers(quotes_of, text)
    name, kind = found["the evidence does not justify an immediate suspension of the permit"]
    assert (name.removeprefix("the "), kind) == ("Harbour Licensing Board", "organization")


def test_joint_speakers_each_get_the_quote(quotes_of):
    text = 'Ana Ruiz and Tom Osei said the bridge was "unsafe for any traffic".'
    assert [(q[0], q[2]) for q in quotes_of(text)] == [
        ("unsafe for any traffic", "Ana Ruiz"),
        ("unsafe for any traffic", "Tom Osei"),
    ]


def test_report_inside_a_later_she_said_is_her_account(quotes_of):
    text = (
        "Ruth Okafor told the inquiry about the loan. "
        "Shortly afterwards Tom Marsh suggested they should meet again, she said."
    )
    found = {q[0]: q[2] for q in quotes_of(text)}
    assert found["they should meet again"] == "Ruth Okafor"
