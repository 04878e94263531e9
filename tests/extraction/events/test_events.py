"""Events from handwritten sentences across beats: kind, date, place and participants."""

from __future__ import annotations

from datetime import date


def test_visit_with_place_and_person(events_of):
    (ev,) = events_of("Chancellor Olaf Brandt visited Warsaw on Tuesday to discuss defence spending.")
    assert (ev.kind, ev.date_start, ev.date_precision, ev.location) == (
        "visit",
        date(2025, 3, 4),
        "day",
        "Warsaw",
    )
    assert "Olaf Brandt" in ev.participants


def test_future_meeting_looks_forward(events_of):
    (ev,) = events_of("The finance ministers will meet in Brussels on Thursday.")
    assert (ev.kind, ev.date_start, ev.location) == ("meeting", date(2025, 3, 6), "Brussels")


def test_statement_dated_last_month(events_of):
    (ev,) = events_of("European officials said last month that they had no plans to lift the ban.")
    assert (ev.kind, ev.date_start, ev.date_precision) == ("statement", date(2025, 2, 1), "month")
    assert ev.participants == ["European officials"]


def test_absolute_year_needs_no_anchor(events_of):
    (ev,) = events_of("Obama last visited Havana in 2016, when he met Raul Castro.", published=None)
    assert (ev.kind, ev.date_start, ev.date_precision, ev.location) == (
        "visit",
        date(2016, 1, 1),
        "year",
        "Havana",
    )
    assert {"Obama", "Raul Castro"} <= set(ev.participants)


def test_court_ruling_and_sentencing(events_of):
    events = events_of("A federal jury convicted the former mayor in January. He was sentenced on Monday.")
    assert [(e.kind, e.date_start) for e in events] == [
        ("ruling", date(2025, 1, 1)),
        ("ruling", date(2025, 3, 3)),
    ]


def test_strike_and_walkout(events_of):
    (ev,) = events_of("Thousands of dock workers walked off the job on Monday, halting exports.")
    assert (ev.kind, ev.date_start) == ("strike", date(2025, 3, 3))


def test_noun_event_with_year_modifier_borrows_its_arguments(events_of):
    events = events_of(
        "Markets fell after Iraq's invasion of Kuwait. Oil has been volatile since the 1990 invasion."
    )
    (ev,) = events
    assert (ev.kind, ev.date_start, ev.location) == ("attack", date(1990, 1, 1), "Kuwait")
    assert "Iraq" in ev.participants


def test_race_result_and_upcoming_race(events_of):
    events = events_of(
        "Kiprop won the Boston Marathon on Monday. The Chicago Marathon will be held on October 12."
    )
    assert [(e.kind, e.date_start) for e in events] == [
        ("race", date(2025, 3, 3)),
        ("race", date(2025, 10, 12)),
    ]


def test_talks_carried_by_a_light_verb(events_of):
    (ev,) = events_of("Talks with the union will resume on March 12 in Lisbon.")
    assert (ev.kind, ev.date_start, ev.location) == ("meeting", date(2025, 3, 12), "Lisbon")


def test_event_dated_days_before_a_dated_event(events_of):
    text = "The pact was signed by both presidents just days before the outbreak of the war in March 2003."
    events = events_of(text, published=None)
    assert ("signing", date(2003, 3, 1), "month") in [
        (e.kind, e.date_start, e.date_precision) for e in events
    ]


def test_relative_dates_without_anchor_are_not_guessed(events_of):
    text = "The president will travel to Tokyo on Thursday."
    assert events_of(text, published=None) == []
    (ev,) = events_of(text, published=None, include_undated=True)
    assert (ev.date_start, ev.date_text, ev.location) == (None, "Thursday", "Tokyo")


def test_no_event_in_quoted_wishes_or_from_date_lines(events_of):
    text = "March 3, 2025\n\nThe union leader said: “We want a deal this week.”"
    assert events_of(text) == []


def test_same_event_mentioned_twice_is_merged(events_of):
    text = "The summit in Nairobi opened on Monday. Leaders at the Nairobi summit on Monday backed the plan."
    events = events_of(text)
    assert len(events) == 1 and events[0].location == "Nairobi"


def test_term_claims_are_kept_for_conflict_checks(events_of):
    (ev,) = events_of(
        "Prime Minister Anna Lind, re-elected for a third term in office, spoke.", published=None
    )
    assert ev.kind == "election" and "third term" in ev.summary and ev.participants == ["Anna Lind"]


def test_evidence_covers_the_clause(events_of):
    (ev,) = events_of("Regulators fined the bank $20 million on Friday over money laundering failures.")
    assert ev.kind == "ruling" and "fined the bank" in ev.span.text and ev.date_start == date(2025, 2, 28)


def test_dates_inside_what_was_said_do_not_date_the_saying(events_of):
    text = "Analysts have warned that Ukraine today could be Taiwan tomorrow."
    assert events_of(text) == []


def test_council_vote_is_a_vote_not_an_election(events_of):
    (ev,) = events_of("The Harbourtown council voted on Monday to close the old ferry pier.")
    assert (ev.kind, ev.date_start) == ("vote", date(2025, 3, 3))


def test_hearing_and_match_kinds(events_of):
    events = events_of(
        "The harbour master testified before the committee on Monday. "
        "The Lakeside Otters drew the match against the Hill Foxes on Sunday."
    )
    assert [(e.kind, e.date_start) for e in events] == [
        ("hearing", date(2025, 3, 3)),
        ("match", date(2025, 3, 2)),
    ]


def test_the_month_march_in_a_date_is_no_protest_march(nlp):
    from app.extraction.events.words import kind_of

    doc = nlp("The Corvel lantern show runs through March 11 this year, after a march on the harbour.")
    kinds = {t.text: kind_of(t) for t in doc if t.lower_ == "march"}
    assert kinds == {"March": None, "march": "strike"}


def test_bare_event_noun_takes_a_name_the_parser_found_no_entity_in(events_of):
    """ "the VELA Open regatta": capitalised words with no entity still name the regatta."""
    events = events_of(
        "The VELA Open regatta drew crews from nine harbours. The regatta ended on Sunday.\n\n"
        "The Danish fleet arrived late. The fleet left on Monday."
    )
    ended = [e for e in events if "ended" in e.summary]
    assert len(ended) == 1 and "VELA Open" in ended[0].participants
    left = [e for e in events if "left" in e.summary]
    assert all(not e.participants for e in left)


def test_bare_event_noun_takes_the_actor_of_the_verb_just_before(events_of):
    """ "Orla Radio started to broadcast ... The broadcasts began": the station broadcast them."""
    events = events_of(
        "Orla Radio had quietly started to broadcast adverts from its rooftop. "
        "The broadcasts began on February 10."
    )
    began = [e for e in events if "began" in e.summary]
    assert len(began) == 1 and "Orla Radio" in began[0].participants


def test_joined_present_verb_does_not_take_the_past_date(events_of):
    events = events_of("Tastings opened on February 10 and Norland Wines says they will run all spring.")
    assert not [e for e in events if "says" in e.summary]


def test_year_before_the_event_noun_stays_in_the_summary(events_of):
    (ev,) = events_of("The new levee in Marrowfield was built after the 1998 floods.")
    assert (ev.kind, ev.date_start, ev.date_precision) == ("disaster", date(1998, 1, 1), "year")
    assert "1998 floods" in ev.summary


def test_long_place_phrase_keeps_its_object(events_of):
    """A long phrase after "to" keeps its place, not a bare preposition the summary then drops."""
    (ev,) = events_of(
        "On March 2, Tarrow union officials went to the North Emberly county court's records office, "
        "where they said the ballots were kept."
    )
    assert ev.date_start == date(2025, 3, 2)
    assert "went to" in ev.summary and "records office" in ev.summary


def test_first_since_a_date_tells_the_previous_one(events_of):
    """ "their first victory since 1994": the previous victory took place in 1994."""
    events = events_of(
        "Norvik beat Castelmare 2-0 on Sunday. It was Norvik's first victory in a cup final since 1994.",
        published="2025-03-05",
    )
    (old,) = [e for e in events if e.date_start == date(1994, 1, 1)]
    assert old.date_precision == "year"
    assert old.summary.startswith("Norvik's previous victory")
    assert "Norvik" in old.participants


def test_first_since_an_event_is_no_previous_one(events_of):
    """ "the first trip since the 2019 summit" names what came before; no second trip is implied."""
    events = events_of("Minister Ilse Varga made her first trip abroad since the 2019 summit on Monday.")
    assert not [e for e in events if e.summary.startswith("previous") or "previous" in e.summary]


def test_summary_drops_attribution_and_keeps_a_second_predicate(events_of):
    """ "quoting the news agency" tells who reports it; "and has been told to ..." is more of what
    happened to the same subject."""
    text = (
        "Ostland puts navy on alert\n\n"
        "Wednesday, March 5, 2025\n\n"
        "According to the Veskar news agency, quoting the state news agency Ostland Press Agency (OPA), the "
        "country's navy has been placed on high alert and has been told to prepare for a blockade.\n"
    )
    (ev,) = events_of(text)
    assert ev.summary.startswith("the country's navy has been placed on high alert")
    assert "told to prepare for a blockade" in ev.summary
    assert "quoting" not in ev.summary


def test_a_win_or_vote_on_the_same_thing_is_that_happening(events_of):
    """ "X won the competition" this year and "the competition ended on Tuesday"; "Lee voted against
    the bill on Monday" and "the bill rejected by the assembly on Monday": one happening each."""
    contest = events_of(
        "The robotics competition ended on Tuesday in Varna. This year, the Harland team won the competition."
    )
    assert [(e.date_start, e.date_precision) for e in contest] == [(date(2025, 3, 4), "day")]
    vote = events_of(
        "The Selvan assembly passed a revised budget, close to the bill rejected by the Selvan assembly on "
        'Monday. "It is better now," said deputy Ana Lee, who voted against the bill on Monday.'
    )
    monday = [e for e in vote if e.date_start == date(2025, 3, 3)]
    assert len(monday) == 1
    assert "Ana Lee" in monday[0].participants


def test_summary_leaves_no_empty_brackets_or_stray_commas(events_of):
    (ev,) = events_of("Senator Mira Holt (Varna-3), a former judge, voted against the levy on Monday.")
    assert "( )" not in ev.summary and ", ," not in ev.summary
    assert "voted against the levy" in ev.summary


def test_reference_dates_ages_and_averages_are_no_happenings(events_of):
    """ "up 24% compared with 2022" compares with a year; "turned 94 on Monday" is an age reached;
    "averaged 412 parts per million in 2023" is a level: none is a happening of its own."""
    text = (
        "Varnholm imported 12 million tons of grain in 2024, an increase of 9% compared with 2022. "
        "The founder of Tessaly Foods turned 94 on Monday. "
        "The concentration of ozone averaged 41 parts per billion in 2023."
    )
    events = events_of(text)
    assert [e.date_start for e in events if e.date_start in (date(2022, 1, 1), date(2023, 1, 1))] == []
    assert not [e for e in events if "turned" in e.summary]


def test_this_climb_takes_its_place_from_the_climb_told_before(events_of):
    """ "will trek across the Atacama Desert ... This 10-day trek will take place ...": the same trek."""
    text = (
        "The Orla charity team has eight members who will trek across the Atacama Desert for the "
        "hospital fund. This 10-day trek will take place on September 11."
    )
    (ev,) = events_of(text)
    assert (ev.date_start, ev.location) == (date(2025, 9, 11), "Atacama Desert")


def test_act_dated_by_the_writer_outside_a_partial_quote(events_of):
    """ "told reporters that on March 2 Arvel 'walked into the station'": the writer dates the act;
    a date inside the quotation itself stays the speaker's claim."""
    text = (
        'Lawyer Tom Reese told reporters that on March 2, Mark Arvel "walked into the Dunmore police '
        'station and handed over the keys". "We met the family on Tuesday," said Reese.'
    )
    events = events_of(text)
    walked = [e for e in events if "walked into" in e.summary]
    assert [(e.date_start, e.date_precision) for e in walked] == [(date(2025, 3, 2), "day")]
    assert not [e for e in events if "met" in e.summary]
    assert not [p for e in walked for p in e.participants if "Reese" in p]


def test_backstory_with_a_stated_year_inside_a_quote(events_of):
    """ "... since the forum, which leaked the plans in 2004": a past act with its own year is dated
    backstory even inside a quotation; a weekday inside a quote stays the speaker's."""
    text = (
        'Blogger Ana Lind called it "a fight the council has waged since the Harbour Forum, which '
        'leaked the plans in 2004." "We met them on Tuesday," she said.'
    )
    events = events_of(text)
    assert [(e.date_start, e.date_precision) for e in events if "leaked" in e.summary] == [
        (date(2004, 1, 1), "year")
    ]
    assert not [e for e in events if "met" in e.summary]


def test_an_office_named_after_its_organisation_keeps_its_whole_name(events_of):
    """ "the Nordic Council High Commissioner for Fisheries": the office acts, not the Council."""
    text = 'Lind said it was "overdue" after the Nordic Council High Commissioner for Fisheries "approved it in 2019."'
    (ev,) = [e for e in events_of(text) if "approved" in e.summary]
    assert "Nordic Council High Commissioner for Fisheries" in ev.participants
