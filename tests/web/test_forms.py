"""Explorer query strings: the API's parameter names, blanks as "no filter", readable refusals."""

from __future__ import annotations

from datetime import date

import pytest
from starlette.datastructures import QueryParams

from app.web.forms import EventForm, FigureForm, FormError, PersonForm, QuoteForm


def test_blank_form_fields_mean_no_filter():
    form = QuoteForm.parse(QueryParams("q=&speaker=Lopez&topic=&kind=&published_from="))
    assert form.speaker == "Lopez" and form.q is None and form.topic is None
    assert form.query() == {"speaker": "Lopez"}


def test_values_are_typed_and_given_back_as_the_api_spells_them():
    form = FigureForm.parse(QueryParams("min_value=1e9&conflicting=true&unit=USD"))
    assert form.min_value == 1e9 and form.conflicting is True
    assert form.query() == {"unit": "USD", "min_value": "1000000000", "conflicting": "true"}
    quotes = QuoteForm.parse(QueryParams("published_from=2024-01-01"))
    assert quotes.published_from == date(2024, 1, 1)


@pytest.mark.parametrize(
    ("form", "query", "problem"),
    [
        (QuoteForm, "published_from=2024-13-01", "published_from"),
        (QuoteForm, "published_from=2024-05-01&published_to=2024-01-01", "first date is after the last"),
        (QuoteForm, "topic=astrology", "unknown topic"),
        (QuoteForm, "kind=shouted", "kind"),
        (QuoteForm, "limit=5", "limit: unknown parameter"),
        (QuoteForm, "speaker=a&speaker=b", "speaker: given more than once"),
        (QuoteForm, "q=" + "x" * 201, "q: String should have at most 200 characters"),
        (QuoteForm, "q=a%00b", "NUL"),
        (FigureForm, "min_value=inf", "min_value"),
        (FigureForm, "min_value=5&max_value=1", "min_value is above max_value"),
        (FigureForm, "conflicting=perhaps", "conflicting"),
        (EventForm, "order=sideways", "order"),
        (PersonForm, "before=0", "before"),
    ],
)
def test_bad_parameters_are_refused_with_a_reason(form, query, problem):
    with pytest.raises(FormError) as caught:
        form.parse(QueryParams(query))
    assert any(problem in p for p in caught.value.problems), caught.value.problems


def test_too_many_parameters():
    with pytest.raises(FormError, match="too many"):
        QuoteForm.parse(QueryParams("&".join(f"p{i}=1" for i in range(20))))
