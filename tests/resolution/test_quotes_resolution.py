"""Near-verbatim quotes from different sources are one quote; paraphrases are not."""

from __future__ import annotations

from app.resolution.quotes import quote_key, same_quote


def test_typography_case_and_brackets_do_not_matter():
    a = "“This [visit] demonstrates that the mutual trust has reached a new pinnacle,” he said"
    b = '"This demonstrates that the mutual trust has reached a new pinnacle"'
    assert quote_key(a.split("”")[0]) == quote_key(b)
    assert same_quote(a.split("”")[0], b)


def test_curly_and_straight_apostrophes():
    assert quote_key("We don’t sell") == quote_key("We don't sell")


def test_british_and_american_spellings():
    assert same_quote("We will defend the organisation", "We will defend the organization")


def test_a_word_changed_is_still_the_same_quote():
    a = "The very act of receiving Putin is already a form of support to Russia since China is the sole major country left"
    b = "The very act of receiving Putin is already a form of support for Russia since China is the sole major country left"
    assert same_quote(a, b)


def test_a_clean_excerpt_of_a_longer_quote_is_the_same_quote():
    full = "We are acting now so that the company remains competitive for the decade ahead, and we will not waver"
    excerpt = "We are acting now so that the company remains competitive for the decade ahead"
    assert same_quote(full, excerpt)


def test_paraphrases_are_different_quotes():
    a = "The very act of Beijing receiving Putin is already supportive, as China is the only major power"
    b = "The very act of receiving Putin by Beijing on its own is already a form of support to Russia"
    assert not same_quote(a, b)


def test_short_fragments_need_to_match_exactly():
    assert same_quote("old friend", "Old friend")
    assert not same_quote("old friend", "old friends and allies")
    assert not same_quote("", "anything")


def test_quotes_that_differ_in_a_number_are_different_statements():
    from app.resolution.quotes import same_quote

    a = "The new terminal will help about 1,037 shippers move goods faster"
    b = "The new terminal will help about 1,777 shippers move goods faster"
    assert not same_quote(a, b)
    assert same_quote(a, a.replace("faster", "more quickly"))  # a word changed, the same number: same quote
