from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from app.schemas.common import PUBLISHED_DATE, Evidence, ListPage


class DatePrecision(StrEnum):
    day = "day"
    month = "month"
    year = "year"


class Participant(BaseModel):
    id: int | None = Field(description="person id, or null for a country or organisation")
    name: str


class Event(BaseModel):
    id: int
    summary: str
    kind: str | None = Field(description="visit, meeting, summit, signing, election, ruling, strike, ...")
    date_start: str | None = Field(
        description="ISO date cut to its precision: 2024-05-16, 2024-05 or 2024", examples=["2024-05-16"]
    )
    date_end: str | None
    date_precision: DatePrecision | None
    date_text: str | None = Field(description="the date expression as written")
    location: str | None
    participants: list[Participant]
    conflicts_with: list[int] = Field(
        description="events another source reports differently (e.g. a 'second term' against a 'third term')"
    )
    published_date: str | None = Field(description=PUBLISHED_DATE)
    evidence: list[Evidence]


class EventList(ListPage):
    items: list[Event]
