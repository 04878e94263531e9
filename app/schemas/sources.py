from __future__ import annotations

from pydantic import BaseModel, Field

from app.schemas.common import ListPage


class Source(BaseModel):
    id: int
    title: str | None
    publisher: str | None
    authors: list[str] = Field(description="bylines")
    published_at: str | None = Field(description="ISO date or datetime")
    url: str | None
    dateline: str | None
    language: str | None
    word_count: int
    credits: list[str] = Field(description="contributors, editors and photographers credited")
    ingested_at: str | None


class SourceCounts(BaseModel):
    people: int
    quotes: int
    figures: int
    events: int


class SourceDetail(Source):
    text: str = Field(description="the stored article text that evidence offsets index")
    counts: SourceCounts


class SourceList(ListPage):
    items: list[Source]
