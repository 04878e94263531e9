"""Quote-mark pairing on raw text: every mark style news copy uses, and broken input."""

from __future__ import annotations

import time

from app.extraction.text.quote_marks import find_quotes


def texts(source: str) -> list[str]:
    return [q.text(source) for q in find_quotes(source)]


def test_curly_and_straight_marks():
    source = '“We will appeal,” the lawyer said. The mayor said "the budget is balanced."'
    assert texts(source) == ["We will appeal", "the budget is balanced"]


def test_trailing_comma_period_semicolon_are_dropped_but_question_marks_kept():
    source = "“Who pays for this?” she asked. “Nobody;” he said. “Enough.”"
    assert texts(source) == ["Who pays for this?", "Nobody", "Enough"]


def test_nested_single_quotes_stay_inside_the_double_quote():
    source = "“He told me ‘never again,’ and I believed him,” the striker said."
    assert texts(source) == ["He told me ‘never again,’ and I believed him"]


def test_british_single_quotes_with_nested_doubles_and_apostrophes():
    source = "‘We didn’t play well, and the fans called it “a shambles”,’ the manager said."
    assert texts(source) == ["We didn’t play well, and the fans called it “a shambles”"]


def test_apostrophes_are_not_quote_marks():
    source = "The players’ union said the club’s offer, unchanged since the ’90s, was late. ‘We won’t sign,’ its chair said."
    assert texts(source) == ["We won’t sign"]


def test_quote_split_by_its_attribution_gives_two_passages():
    source = "“The court has spoken,” the minister said. “We respect its decision.”"
    assert texts(source) == ["The court has spoken", "We respect its decision"]


def test_multi_paragraph_quote_without_closing_mark_on_first_paragraph():
    source = (
        "“We were patient for two years,” the union leader said. “We asked, we waited, we voted.\n\n"
        "“Now the waiting is over.”\n\nThe company did not respond."
    )
    quotes = find_quotes(source)
    assert [q.text(source) for q in quotes] == [
        "We were patient for two years",
        "We asked, we waited, we voted. Now the waiting is over",
    ]
    assert len(quotes[1].parts) == 2


def test_unbalanced_opening_mark_mid_paragraph_is_dropped():
    source = "The coach said “we will be back and then left.\n\nThe next game is on Sunday."
    assert texts(source) == []


def test_stray_closing_mark_is_ignored():
    source = "Prices rose” sharply. “Demand is strong,” an analyst said."
    assert texts(source) == ["Demand is strong"]


def test_paragraph_opening_quote_never_closed_runs_to_paragraph_end():
    source = "“We will not accept these terms\n\nThe talks resume on Monday."
    spans = find_quotes(source)
    assert [q.text(source) for q in spans] == ["We will not accept these terms"]
    assert spans[0].closed is False


def test_text_without_paragraph_breaks():
    source = (
        'Officials met on Friday. "Talks went well," one said. "We meet again soon," another said. It rained.'
    )
    assert texts(source) == ["Talks went well", "We meet again soon"]


def test_no_quotes_at_all():
    assert texts("The market closed higher on Tuesday.\n\nTrading was thin.") == []


def test_empty_text():
    assert find_quotes("") == []


def test_offsets_reproduce_the_text():
    source = "A judge said “the evidence was overwhelming.” Then: ‘No comment’."
    for q in find_quotes(source):
        for a, b in q.parts:
            assert source[a:b] in q.text(source)


def test_a_thousand_quotes_pair_in_linear_time():
    source = " ".join(f"“Line number {i} is here,” she said." for i in range(5000))
    t0 = time.monotonic()
    quotes = find_quotes(source)
    assert len(quotes) == 5000
    assert time.monotonic() - t0 < 2


def test_an_opening_mark_typed_at_the_close_closes_the_quote():
    text = 'Ruiz added, "There is no question the port should stay. It is an affront to us all.“ However, it shut.'
    assert [q.text(text) for q in find_quotes(text)] == [
        "There is no question the port should stay. It is an affront to us all"
    ]


def test_straight_double_mark_right_after_a_nested_single_quote_closes():
    source = "Officials were blunt. \"Voters will shrug and say, 'Fix the roads first'\". The vote is Monday."
    assert texts(source) == ["Voters will shrug and say, 'Fix the roads first'"]


def test_an_opening_mark_typed_against_the_word_before_still_opens():
    source = (
        'Coach Lena Hart said kits would be free for every club," For example, each club can run '
        'its own trials as part of the season".'
    )
    assert texts(source) == ["For example, each club can run its own trials as part of the season"]


def test_a_stray_closing_mark_before_a_new_quote_opens_nothing():
    source = 'We will win this," Hart said. She called the final "a fair test".'
    assert texts(source) == ["a fair test"]


def test_quote_glued_to_the_attribution_keeps_its_speaker(quotes_of):
    source = (
        'Coach Lena Hart said kits would be free for every club," For example, each club can run '
        'its own trials as part of the season".'
    )
    direct = [q for q in quotes_of(source) if q[1] != "indirect"]
    assert [(q[0], q[2]) for q in direct] == [
        ("For example, each club can run its own trials as part of the season", "Lena Hart")
    ]
