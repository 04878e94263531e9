"""Every fact's evidence sentence is built one way: the sentence around the evidence, cut at
paragraph breaks, trimmed, and containing the evidence text exactly where the offsets say."""

from __future__ import annotations

from app.extraction.pipeline import extract
from app.extraction.text.spans import evidence
from app.extraction.types import ArticleMeta

ARTICLE = """Harbour board approves expansion

Tuesday, March 4, 2025

The Larkport harbour board approved a $310 million expansion on Monday, its chair Mira Osei said.
Work on two new berths will start in June and employ 400 people.

"We have waited long enough," Osei told reporters after the vote. "Ships are queueing."

The port handled 12 million tonnes of cargo last year, up 8% on the year before, according to the board.
"""


def _all_spans(found):
    for person in found.people:
        yield from person.mentions
    for fact in (*found.quotes, *found.figures, *found.events):
        yield fact.span


def test_every_sentence_is_trimmed_within_its_paragraph_and_holds_its_evidence(nlp):
    found = extract(nlp(ARTICLE), ArticleMeta(published_at="2025-03-04"), include_undated_events=True)
    spans = list(_all_spans(found))
    assert found.figures and found.quotes and found.people
    for span in spans:
        assert ARTICLE[span.start : span.end] == span.text
        sentence = span.sentence or ""
        assert sentence == sentence.strip(), sentence
        assert ARTICLE[span.sentence_start : span.sentence_start + len(sentence)] == sentence
        assert span.sentence_start <= span.start and span.end <= span.sentence_start + len(sentence)
        if "\n\n" not in span.text:
            assert "\n\n" not in sentence, sentence


def test_a_figure_in_the_first_paragraph_does_not_take_the_headline_or_date_line(nlp):
    found = extract(nlp(ARTICLE), ArticleMeta(published_at="2025-03-04"))
    money = next(f for f in found.figures if f.text == "$310 million")
    assert money.span.sentence.startswith("The Larkport harbour board approved")


def test_evidence_widens_to_the_evidence_and_trims_only_whitespace():
    text = "  One.\n\nTwo words here.  \n"
    span = evidence(text, 8, 12, (6, len(text)))
    assert span.text == text[8:12] == "Two "
    assert span.sentence == "Two words here."
    wide = evidence(text, 2, 20, (8, 10))
    assert wide.sentence == text[2:20]
