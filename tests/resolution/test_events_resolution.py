"""The same event across sources, and sources that contradict each other about one."""

from __future__ import annotations

from datetime import date

from app.extraction.types import EventFact, Span
from app.resolution.events import conflicting, dates_compatible, ordinal_claims, same_event


def ev(summary, kind, start=None, precision="day", location=None, participants=(), end=None, date_text=None):
    return EventFact(
        summary=summary,
        span=Span(0, 1, "x"),
        kind=kind,
        date_start=start,
        date_end=end,
        date_precision=precision if start else None,
        location=location,
        participants=list(participants),
        date_text=date_text,
    )


def test_same_visit_reported_twice():
    a = ev(
        "Chancellor visits Warsaw", "visit", date(2025, 3, 4), location="Warsaw", participants=["Olaf Brandt"]
    )
    b = ev("Brandt's trip to Warsaw", "visit", date(2025, 3, 4), location="Warsaw", participants=["Brandt"])
    assert same_event(a, b)


def test_a_day_of_reporting_lag_is_allowed():
    a = ev("strike begins", "strike", date(2025, 3, 3), participants=["Transport Workers' Union"])
    b = ev("rail strike", "strike", date(2025, 3, 4), participants=["union"])
    c = ev("rail strike", "strike", date(2025, 3, 9), participants=["Transport Workers' Union"])
    assert same_event(a, b)  # reported a day apart, same union
    assert not same_event(a, c)  # too far apart


def test_month_precision_contains_a_day():
    a = ev("talks", "meeting", date(2025, 3, 1), "month", participants=["Li Qiang"])
    b = ev("talks", "meeting", date(2025, 3, 16), "day", participants=["Li Qiang"])
    assert dates_compatible(a, b) and same_event(a, b)


def test_different_places_are_different_events():
    a = ev("visit", "visit", date(2025, 3, 4), location="Paris", participants=["Xi Jinping"])
    b = ev("visit", "visit", date(2025, 3, 4), location="Belgrade", participants=["Xi Jinping"])
    assert not same_event(a, b)


def test_different_kinds_are_different_events():
    a = ev("meets", "meeting", date(2025, 3, 4), participants=["Xi Jinping"])
    b = ev("visits", "visit", date(2025, 3, 4), participants=["Xi Jinping"])
    assert not same_event(a, b)


def test_summit_and_meeting_are_one_family():
    a = ev("summit", "summit", date(2025, 3, 4), location="Nairobi")
    b = ev("leaders meet", "meeting", date(2025, 3, 4), location="Nairobi")
    assert same_event(a, b)


def test_fourth_against_fifth_term_conflicts():
    a = ev("Vladimir Putin re-elected for a fourth term", "election", participants=["Vladimir Putin"])
    b = ev("Vladimir Putin securing a fifth term", "election", participants=["Putin"])
    c = ev("Putin secures his fifth term", "election", participants=["Putin"])
    assert conflicting(a, b) and not conflicting(b, c)
    assert not same_event(a, b) and same_event(b, c)  # contradictions are kept apart, agreements merge


def test_ordinal_claims():
    assert ordinal_claims("won a third straight title and a 2nd term") == {"title": 3, "term": 2}
    assert ordinal_claims("no claims here") == {}


def test_undated_events_need_the_same_expression():
    a = ev("visit", "visit", location="Tokyo", date_text="Thursday", participants=["Kishida"])
    b = ev("visit", "visit", location="Tokyo", date_text="Thursday", participants=["Kishida"])
    c = ev("visit", "visit", location="Tokyo", date_text="next week", participants=["Kishida"])
    assert same_event(a, b) and not same_event(a, c)


def test_short_words_in_common_do_not_make_one_event():
    a = ev("he agreed to sell it", None, date(2008, 1, 1), "year")
    b = ev("the minister was forced to resign after he left it", None, date(2008, 5, 1), "month")
    assert not same_event(a, b)
    c = ev("Dunmore harbour reopened to ferries", None, date(2008, 5, 2))
    d = ev("the harbour at Dunmore reopened", None, date(2008, 5, 2))
    assert same_event(c, d)
