"""Topics from a fact's own words: a transparent lexicon, most specific first, at most `limit` slugs."""

from __future__ import annotations

import time

import pytest

from app.extraction.topics import classify, classify_figure, explain
from app.taxonomy import BY_SLUG


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Brent crude rose as OPEC+ kept output cuts and refiners bought more barrels.", "energy"),
        ("The EU imposed tariffs on imports of Chinese electric cars, widening the trade deficit.", "trade"),
        (
            "Washington added 30 firms to its entity list and froze their assets under new sanctions.",
            "sanctions",
        ),
        ("Quarterly revenue and net income beat forecasts, sending the shares higher.", "economy"),
        ("The judge sentenced him to prison after the jury convicted him of fraud.", "crime"),
        ("Hospitals reported more measles cases as vaccination rates fell.", "health"),
        ("Carbon emissions must fall to limit global warming, the climate report said.", "environment"),
        ("The chipmaker's new AI processors run on software built for data centres.", "technology"),
        ("Nurses began a strike over wages after the union rejected the pay offer.", "labour"),
        ("The striker scored twice as the league leaders won the championship.", "sport"),
        ("Voters head to the polls as the opposition party campaigns on housing.", "politics"),
        ("Troops and artillery were deployed as the army moved missiles to the border.", "military"),
        ("The invasion and weeks of shelling killed civilians on the front line.", "armed-conflict"),
        (
            "The foreign minister's state visit ended with a joint statement on bilateral relations.",
            "diplomacy",
        ),
        ("The earthquake and the floods that followed forced thousands to evacuate.", "disaster"),
        ("Pupils and teachers returned to school as universities raised tuition.", "education"),
    ],
)
def test_classify_finds_the_beat(text, slug):
    assert classify(text)[0] == slug


def test_classify_returns_at_most_limit_known_slugs():
    topics = classify("Oil exports and sanctions and the war and tariffs and the election", limit=2)
    assert len(topics) <= 2 and all(t in BY_SLUG for t in topics)
    assert classify("The cat sat on the mat.") == []


def test_figure_measure_outweighs_the_rest_of_the_sentence():
    sentence = "China's trade with Russia hit $240 billion in 2023, before the invasion."
    assert classify_figure("China's trade with Russia", sentence)[0] == "trade"


def test_unit_decides_energy():
    assert classify_figure(None, "Shipments reached 2 million a day.", "barrels_per_day")[0] == "energy"


def test_non_core_slug_brings_its_core_ancestor():
    topics = classify_figure("casualties of the invasion", "The invasion and shelling killed civilians.")
    assert topics[:2] == ["armed-conflict", "conflict"] and len(topics) <= 3


def test_european_union_is_not_a_labour_union():
    assert "labour" not in classify("The European Union imported more LNG.")


def test_explain_shows_the_words_behind_a_topic():
    assert ("tariffs", "trade", 2) in explain("New tariffs were announced.")


def test_classify_is_fast():
    text = "Oil prices rose as the central bank raised interest rates. " * 20
    start = time.monotonic()
    for _ in range(200):
        classify(text)
    assert time.monotonic() - start < 2


def test_a_figure_with_few_words_of_its_own_takes_the_article_beat(nlp):
    from app.extraction.figures.extract import extract_figures
    from app.extraction.types import ArticleMeta

    text = (
        "Airliner crashed in the mountains\n\n"
        "A passenger airliner crashed on Tuesday after losing an engine. Rescue teams reached the "
        "wreckage at dawn.\n\nThe aircraft was flying at 31,000 feet when the crew radioed for help."
    )
    facts = extract_figures(nlp(text), ArticleMeta(title="Airliner crashed in the mountains"))
    feet = next(f for f in facts if f.unit == "feet")
    assert feet.topics[0] == "disaster"


def test_visitors_are_not_a_state_visit():
    assert classify("Four million visitors came to see the festival lanterns.")[0] == "society"
