"""What is stored and what is looked up go through the same keys (app.keys), on tricky inputs.

The layers are tested too: tests/storage/test_stored_keys.py checks that the writer stores these
keys, tests/ingest/test_keys_end_to_end.py that a real ingest is found over HTTP by every spelling.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import keys
from testkit.tricky import SAME_NAME, SAME_ORGANISATION, variants


def test_names_compare_without_case_accents_width_or_spacing():
    assert keys.name_key("José  ÁLVAREZ") == keys.name_key("jose alvarez") == "jose alvarez"
    assert keys.name_key("O’Neill") == keys.name_key("o'neill")


@pytest.mark.parametrize(("stored", "typed"), SAME_NAME)
def test_tricky_spellings_of_a_name_share_a_key(stored, typed):
    assert keys.name_key(stored) == keys.name_key(typed)
    assert keys.speaker_key(stored) == keys.speaker_key(typed)


@pytest.mark.parametrize(("stored", "typed"), SAME_ORGANISATION)
def test_tricky_spellings_of_an_organisation_share_a_key(stored, typed):
    assert keys.speaker_key(stored) == keys.speaker_key(typed)
    assert keys.publisher_key(stored) == keys.publisher_key(typed)


@pytest.mark.parametrize("name", ["Jürgen Weiß", "Seán O’Neill", "The Straits Times", "Zoë Çelik"])
def test_every_way_of_typing_a_name_finds_it(name):
    for how, typed in variants(name).items():
        assert keys.name_key(typed) == keys.name_key(name), how
        assert keys.speaker_key(typed) == keys.speaker_key(name), how
        assert keys.publisher_key(typed) == keys.publisher_key(name), how


def test_publishers_fold_where_lower_does_not():
    """The bug this module fixed: "ß".lower() is "ß" but a client's "SS" folds to "ss"."""
    assert "Straße".lower() != "STRASSE".lower()
    assert keys.publisher_key("Straße") == keys.publisher_key("STRASSE") == "strasse"


def test_speakers_and_publishers_compare_without_a_leading_the():
    assert keys.speaker_key("The Ministry of Health") == keys.speaker_key("ministry of health")
    assert keys.publisher_key("The Guardian") == keys.publisher_key("guardian") == "guardian"
    assert keys.name_key("The Rock") == "the rock"  # a person's name keeps every word


def test_quotes_compare_without_typography_case_or_spelling():
    assert keys.quote_key("We don’t sell") == keys.quote_key("WE DON'T SELL")
    assert keys.quote_key("the organisation [of the party] grew") == keys.quote_key("The organization grew")
    assert keys.quote_text_key("“Ｗe don’t sell”") == keys.quote_text_key("we don't sell")


def test_figure_periods_and_measures_compare_without_wording():
    assert keys.period_key("The 2024 Fiscal\u00a0Year") == keys.period_key("2024 fiscal year")
    assert keys.period_key("Año 2024") == keys.period_key("ano 2024")
    assert keys.period_key("breathe 2024") == "breathe 2024"  # "the" only as a word
    assert keys.measure_key("Japan's imports") == keys.measure_key("Japanese import")


def test_event_summaries_compare_without_case_or_spacing():
    assert keys.summary_key("Leaders  MEET in\nParis") == keys.summary_key("leaders meet in paris")


@given(st.text(max_size=60))
def test_folding_a_key_gives_the_key(text):
    """A client may send a key back as a value (the key of a key is itself)."""
    assert keys.fold(keys.fold(text)) == keys.fold(text)
    assert keys.name_key(keys.name_key(text)) == keys.name_key(text)


@given(st.text(min_size=150, max_size=400))
def test_every_key_fits_its_column(text):
    """Cut inside the key function, so what is stored and what is looked up are cut alike."""
    assert len(keys.name_key(text)) <= keys.NAME_KEY_LENGTH
    assert len(keys.speaker_key(text)) <= keys.NAME_KEY_LENGTH
    assert len(keys.publisher_key(text)) <= keys.PUBLISHER_KEY_LENGTH
    assert len(keys.summary_key(text)) <= keys.SUMMARY_KEY_LENGTH
    assert len(keys.period_key(text)) <= keys.PERIOD_KEY_LENGTH
    assert len(keys.measure_key(text)) <= keys.MEASURE_KEY_LENGTH


def test_the_write_path_and_the_resolver_use_these_keys():
    from app.resolution import figures, people, quotes

    assert people.name_key is keys.name_key
    assert quotes.quote_key is keys.quote_key
    assert figures.measure_key is keys.measure_key and figures.period_key is keys.period_key
