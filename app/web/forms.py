"""The query string of each explorer page, validated (pydantic) into a typed form.

The same names as the JSON endpoints' parameters, so a page's URL, its JSON link and its CSV
link differ only in their path. An HTML form sends every field, filled or not, so an empty value
means "no filter". Unknown parameters are refused, like the API does, so a typo in a shared link
is an error page rather than a silently wider result.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any, Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from starlette.datastructures import QueryParams

from app.taxonomy import BY_SLUG

# How a quote's speaker was found (SPEC: speaker.basis). Filtered on only once the quotes carry it.
Basis = Literal["explicit", "pronoun", "descriptor", "inherited", "organisation", "none"]
BASES: tuple[str, ...] = get_args(Basis)
MAX_PARAMS = 16


class FormError(ValueError):
    """Bad query parameters, one readable line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class Form(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _blank_is_absent(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if not (isinstance(v, str) and not v.strip())}
        return data

    @classmethod
    def parse(cls, params: QueryParams) -> Self:
        items = params.multi_items()
        if len(items) > MAX_PARAMS:
            raise FormError([f"too many parameters ({len(items)}; at most {MAX_PARAMS})"])
        repeated = sorted({k for k, _ in items if len(params.getlist(k)) > 1})
        if repeated:
            raise FormError([f"{k}: given more than once" for k in repeated])
        if any("\x00" in v for _, v in items):
            raise FormError(["parameters must not contain NUL characters"])
        try:
            return cls.model_validate(dict(items))
        except ValidationError as exc:
            raise FormError([_problem(e) for e in exc.errors()]) from None

    def query(self) -> dict[str, str]:
        """The filled fields as query parameters (what links to this page or its JSON/CSV use)."""
        out = {}
        for name, value in self.model_dump(exclude_none=True).items():
            if isinstance(value, bool):
                out[name] = "true" if value else "false"
            elif isinstance(value, float) and value.is_integer():
                out[name] = str(int(value))
            else:
                out[name] = str(value)
        return out


def _problem(error: Any) -> str:
    where = ".".join(str(p) for p in error.get("loc", ())) or "query"
    if error.get("type") == "extra_forbidden":
        return f"{where}: unknown parameter"
    return f"{where}: {error.get('msg', 'invalid')}"


Text = Field(None, min_length=1, max_length=200)
Cursor = Field(None, max_length=200)


def _topic(value: str | None) -> str | None:
    if value is not None and value not in BY_SLUG:
        raise ValueError(f"unknown topic {value!r}; the topics are listed on /topics")
    return value


def _date_order(first: date | None, last: date | None, names: str) -> None:
    if first and last and first > last:
        raise ValueError(f"{names}: the first date is after the last")


class QuoteForm(Form):
    q: str | None = Text
    speaker: str | None = Text
    topic: str | None = None
    kind: Literal["direct", "partial", "indirect"] | None = None
    basis: Basis | None = None
    published_from: date | None = None
    published_to: date | None = None
    cursor: str | None = Cursor

    _check_topic = field_validator("topic")(_topic)

    @model_validator(mode="after")
    def _dates(self) -> Self:
        _date_order(self.published_from, self.published_to, "published_from, published_to")
        return self


class PeopleForm(Form):
    name: str | None = Text
    q: str | None = Text
    cursor: str | None = Cursor


class FigureForm(Form):
    topic: str | None = None
    unit: str | None = Field(None, min_length=1, max_length=40)
    min_value: float | None = None
    max_value: float | None = None
    q: str | None = Text
    conflicting: bool | None = None
    cursor: str | None = Cursor

    _check_topic = field_validator("topic")(_topic)

    @field_validator("min_value", "max_value")
    @classmethod
    def _finite(cls, value: float | None) -> float | None:
        if value is not None and not math.isfinite(value):
            raise ValueError("must be a finite number")
        return value

    @model_validator(mode="after")
    def _range(self) -> Self:
        if self.min_value is not None and self.max_value is not None and self.min_value > self.max_value:
            raise ValueError("min_value is above max_value")
        return self


class EventForm(Form):
    date_from: date | None = None
    date_to: date | None = None
    participant: str | None = Text
    q: str | None = Text
    order: Literal["newest", "oldest"] = "newest"
    cursor: str | None = Cursor

    @model_validator(mode="after")
    def _dates(self) -> Self:
        _date_order(self.date_from, self.date_to, "date_from, date_to")
        return self


class SourceForm(Form):
    publisher: str | None = Text
    date_from: date | None = None
    date_to: date | None = None
    cursor: str | None = Cursor

    @model_validator(mode="after")
    def _dates(self) -> Self:
        _date_order(self.date_from, self.date_to, "date_from, date_to")
        return self


class PersonForm(Form):
    before: int | None = Field(None, ge=1, le=2**62)


class NoParams(Form):
    """A detail page takes no query parameters."""
