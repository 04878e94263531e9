"""What is stored and what is looked up go through the same keys."""

from __future__ import annotations

from app import keys
from app.resolution import people


def test_names_compare_without_case_accents_width_or_spacing():
    assert keys.name_key("José  ÁLVAREZ") == keys.name_key("jose alvarez") == "jose alvarez"
    assert keys.name_key("O’Neill") == keys.name_key("o'neill")


def test_speakers_compare_without_a_leading_the():
    assert keys.speaker_key("The Ministry of Health") == keys.speaker_key("ministry of health")


def test_the_write_path_stores_aliases_under_the_read_paths_key():
    assert people.name_key is keys.name_key
