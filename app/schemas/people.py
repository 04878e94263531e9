from __future__ import annotations

from pydantic import BaseModel, Field

from app.schemas.common import Evidence, ListPage


class Person(BaseModel):
    id: int
    name: str = Field(description="canonical (fullest) name", examples=["Maria Lopez"])
    aliases: list[str] = Field(description="other names the person goes by", examples=[["Lopez"]])
    title: str | None = Field(description="role or title as reported", examples=["energy minister"])
    affiliation: str | None = Field(description="organisation as reported")
    quote_count: int = Field(description="quotes attributed to this person")
    mention_count: int = Field(description="mentions across all sources")


class PersonSource(BaseModel):
    id: int
    title: str | None
    publisher: str | None
    published_at: str | None
    mentions: int


class PersonDetail(Person):
    sources: list[PersonSource] = Field(description="sources the person appears in")
    mentions: list[Evidence] = Field(description="the first mentions (up to 100), each with evidence")


class PersonList(ListPage):
    items: list[Person]
