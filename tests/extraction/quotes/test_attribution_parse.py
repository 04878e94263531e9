"""Attribution on hand-built parses: misreadings of the small parser that real text produces but
short invented sentences do not reproduce."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from app.extraction.quotes.attribution import cue_subject, is_cue


def test_a_cue_misread_as_a_noun_with_the_name_as_its_nominal_modifier():
    # "The Coastal Bureau notes, ..." with "notes" read as the head noun and "Bureau" as nmod
    words = ["The", "Coastal", "Bureau", "notes", ",", "tides", "rise"]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[2, 2, 3, 3, 3, 6, 3],
        deps=["det", "compound", "nmod", "ROOT", "punct", "nsubj", "ccomp"],
        pos=["DET", "PROPN", "PROPN", "NOUN", "PUNCT", "NOUN", "VERB"],
        lemmas=["the", "Coastal", "Bureau", "note", ",", "tide", "rise"],
    )
    assert is_cue(doc[3])
    subject = cue_subject(doc[3])
    assert subject is not None and subject.text == "Bureau"
