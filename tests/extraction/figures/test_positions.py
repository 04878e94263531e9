"""A list of k numbers in a sentence that names "the first k <periods> of X" pairs them in order."""

from __future__ import annotations

from app.extraction.figures.extract import extract_figures
from app.extraction.types import ArticleMeta


def _measures(nlp, text: str) -> dict[str, str | None]:
    return {f.text: f.measure for f in extract_figures(nlp(text), ArticleMeta(published_at="2025-09-01"))}


def test_each_listed_number_gets_its_period_in_order(nlp):
    measures = _measures(
        nlp,
        "Police said the first three days of the dock strike brought daily counts of 41, 18, and 9 arrests.",
    )
    assert measures["41"] == "arrests on day one of the dock strike"
    assert measures["9 arrests"] == "arrests on day three of the dock strike"


def test_the_counted_noun_can_be_the_subject(nlp):
    text = "Last year the ferry crossings per week for the first two weeks of May were 310 and 295."
    measures = _measures(nlp, text)
    assert measures["310"] == "crossings in week one of May"
    assert measures["295"] == "crossings in week two of May"


def test_a_list_of_another_length_is_left_alone(nlp):
    measures = _measures(nlp, "The first two days of the fair drew 5,000, 4,200 and 3,900 visitors.")
    assert not any("day one" in (m or "") or "day two" in (m or "") for m in measures.values())


def test_a_count_with_or_when_after_a_named_day_is_the_count_on_that_day(nlp):
    text = (
        "Apart from June 9 with 12 arrests and June 8 with 19, it was the calmest week since "
        "April 2, 2024, when 40 arrests were made."
    )
    measures = _measures(nlp, text)
    assert measures["12 arrests"] == "arrests on June 9"
    assert measures["19"] == "arrests on June 8"
    assert measures["40 arrests"] == "arrests on April 2"


def test_an_amount_of_money_lends_no_noun_and_periods_other_than_days_read_in(nlp):
    text = "The first two quarters of the year brought profits of $4 million and $6 million."
    measures = _measures(nlp, text)
    assert measures["$4 million"] == "profits in quarter one of the year"
    assert measures["$6 million"] == "profits in quarter two of the year"
