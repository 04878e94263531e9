"""Undated follow-up acts in the body share the lede's day; dated paragraphs, quotes and an
election's winners and losers do not (invented articles)."""

from __future__ import annotations

from datetime import date

MATCH = (
    "Harbour City edge Millbrook in cup tie\n\n"
    "Wednesday, March 5, 2025\n\n"
    "Harbour City beat Millbrook Athletic 2-1 on Sunday at Quay Park.\n\n"
    "The Northern Football League fined Millbrook Athletic for crowd trouble.\n\n"
    "Millbrook Athletic last won the cup in 1998, when Tom Varga fined the club.\n"
)


def test_follow_up_takes_the_ledes_day(events_of):
    events = events_of(MATCH)
    fine = [e for e in events if "fined Millbrook Athletic for crowd" in e.summary]
    assert len(fine) == 1
    assert (fine[0].date_start, fine[0].date_precision) == (date(2025, 3, 2), "day")
    assert "Millbrook Athletic" in fine[0].participants


def test_dated_paragraph_is_no_follow_up(events_of):
    events = events_of(MATCH)
    assert all(e.date_start != date(2025, 3, 2) for e in events if "Varga" in e.summary)


ELECTION = (
    "Voters return Dunmore council to Greens\n\n"
    "Wednesday, March 5, 2025\n\n"
    "The Dunmore council election was held on Sunday with a record turnout.\n\n"
    "Councillor Ana Ruiz of the Civic Party lost her seat to a newcomer.\n\n"
    "The Harbour List's Teodor Blum earned a surprise victory.\n"
)


def test_election_result_is_no_happening_of_its_own(events_of):
    events = events_of(ELECTION)
    assert not [e for e in events if "Ruiz" in e.summary or "Blum" in e.summary]


RULING = (
    "Judge halts parking levy\n\n"
    "Wednesday, March 5, 2025\n\n"
    "Judge Mara Quill on Saturday blocked the Dunmore council's new parking levy.\n\n"
    "Her order follows a similar order issued three days earlier by another judge, Felix Orr.\n"
)


def test_days_earlier_count_back_from_the_ledes_day(events_of):
    events = events_of(RULING)
    earlier = [e for e in events if e.date_text == "three days earlier"]
    assert earlier
    assert (earlier[0].date_start, earlier[0].date_precision) == (date(2025, 2, 26), "day")


def test_agent_apposition_is_a_participant(events_of):
    text = (
        "Judge halts parking levy\n\n"
        "Wednesday, March 5, 2025\n\n"
        "Judge Mara Quill on Saturday blocked the Dunmore council's new parking levy.\n\n"
        "This follows the temporary suspension of the levy issued a week earlier by another county "
        "judge, Felix Orr, though while Orr's order covered only the harbour district, Quill's ruling "
        "covers the whole town.\n"
    )
    earlier = [e for e in events_of(text) if e.date_text == "a week earlier"]
    assert earlier
    assert earlier[0].date_start == date(2025, 2, 22)
    assert any("Orr" in p for p in earlier[0].participants)


def test_named_event_off_to_a_start_on_a_weekday_night(events_of):
    text = (
        "Festival opens in Port Ellery\n\n"
        "Wednesday, March 5, 2025\n\n"
        "The Port Ellery Harbour Festival was off to a windy start on Sunday Night as thousands of "
        "visitors lined the quay to watch the first boats leave.\n"
    )
    regatta = [e for e in events_of(text) if "Festival" in e.summary]
    assert len(regatta) == 1
    assert (regatta[0].date_start, regatta[0].summary) == (
        date(2025, 3, 2),
        "The Port Ellery Harbour Festival",
    )


def test_shooting_is_an_attack_named_with_its_place(events_of):
    text = (
        "Town remembers victims\n\n"
        "Wednesday, March 5, 2025\n\n"
        "Mourners gathered to remember those killed in the February 12 shooting at Larkspur Community "
        "College in Brennan, Ohio.\n"
    )
    shooting = [e for e in events_of(text) if e.kind == "attack"]
    assert len(shooting) == 1
    assert shooting[0].date_start == date(2025, 2, 12)
    assert "Larkspur Community College" in shooting[0].summary


CENTENARY = (
    "Orla museum turns one hundred\n\n"
    "Wednesday, March 5, 2025\n\n"
    "The Kessington Museum celebrated its centenary on Saturday in Varna Bay.\n\n"
    "The Kessington Museum held a ceremony for its founders.\n\n"
    "The Varna Bay Council fined the Kessington Museum for blocking the harbour road.\n"
)


def test_occasion_held_by_the_ledes_actor_is_the_lede_told_again(events_of):
    events = events_of(CENTENARY)
    assert not [e for e in events if "held a ceremony" in e.summary]
    fine = [e for e in events if "fined" in e.summary]
    assert len(fine) == 1 and fine[0].date_start == date(2025, 3, 1)


DAM_RULING = (
    "Judge halts Verla dam permit\n\n"
    "Wednesday, March 5, 2025\n\n"
    "Judge Mira Okonkwo on Monday halted the permit for the Verla dam.\n\n"
    "Judge Okonkwo acquired her post under governor Paul Aster. Tessaly Power acquired the "
    "Verla Hydro company.\n"
)


def test_acquiring_a_post_is_no_deal(events_of):
    """ "acquired her post" is biography; acquiring a company is a deal."""
    events = events_of(DAM_RULING)
    assert not [e for e in events if "post" in e.summary]
    assert [e.kind for e in events if "Verla Hydro" in e.summary] == ["deal"]


DERBY = (
    "Lindqvist wins the Harbour Derby\n\n"
    "Wednesday, March 5, 2025\n\n"
    "On Sunday, Anna Lindqvist of Corvel Racing recorded her 12th career win in the Harbour Derby.\n\n"
    "Lindqvist won her second race of the season. The win was her first Derby win since 2019, and "
    "came on the anniversary of her 2009 debut. Mayor Tomas Brenner declared the day "
    '"Lindqvist Day".\n'
)


def test_years_naming_things_leave_the_paragraph_on_the_ledes_day(events_of):
    """ "her first Derby win since 2019", "her 2009 debut" date no clause; a quoted name is no quote."""
    award = [e for e in events_of(DERBY) if "declared" in e.summary]
    assert [(e.date_start, e.date_precision) for e in award] == [(date(2025, 3, 2), "day")]


def test_the_ledes_kind_told_of_its_actor_is_the_lede_again(events_of):
    """ "Lindqvist won her second race" below "Lindqvist recorded her win on Sunday": the same race."""
    assert not [e for e in events_of(DERBY) if "second race" in e.summary]


EXPO = (
    "Comics fair fills Halden hall\n\n"
    "Wednesday, March 5, 2025\n\n"
    "The Halden Comics Fair took place at the Halden Exhibition Hall on Saturday, attracting "
    "thousands of visitors.\n\n"
    "Novelist Ilka Marven, a prize-winning author, was there to launch her first graphic novel "
    "with illustrator Tomas Reyn.\n"
)


def test_being_there_to_launch_tells_the_launch(events_of):
    """ "was there to launch her novel": the launch, on the lede's day, told by its subject; the
    comma around the left-out apposition goes with it."""
    (launch,) = [e for e in events_of(EXPO) if "launch" in e.summary]
    assert (launch.date_start, launch.kind) == (date(2025, 3, 1), "launch")
    assert "Ilka Marven to launch her first graphic novel" in launch.summary
    assert any("Ilka Marven" in p for p in launch.participants)


CUP = (
    "Norvik beat Castelmare\n\n"
    "Wednesday, March 5, 2025\n\n"
    "Norvik beat Castelmare 2-0 on Sunday at the Harbour Stadium.\n\n"
    "Norvik striker Emil Dahl scored twice. Dahl won the Player of the Match award.\n"
)


def test_a_prize_named_for_the_match_is_part_of_it(events_of):
    assert not [e for e in events_of(CUP) if "Player of the Match" in e.summary]


def test_the_next_day_counts_from_the_ledes_day(events_of):
    """ "the last ballot was cast the next day": the day after the election, not after publication."""
    text = (
        "Dunmore votes in record numbers\n\n"
        "Friday, March 7, 2025\n\n"
        "The Dunmore council election was held on Sunday with a record turnout.\n\n"
        "At a polling station in Orla, the last ballot was cast at 2:30 the next day.\n"
    )
    events = events_of(text, published="2025-03-07")
    cast = [e for e in events if "ballot was cast" in e.summary]
    assert [(e.date_start, e.date_precision) for e in cast] == [(date(2025, 3, 3), "day")]
