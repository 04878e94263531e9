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
    sources: list[PersonSource] = Field(
        description="the first 100 sources the person appears in, by source id; the rest through sources_next"
    )
    source_count: int = Field(description="sources the person appears in, counted up to KB_TOTAL_CAP")
    source_count_exact: bool = Field(description="false when source_count is a lower bound (the cap)")
    sources_next: str | None = Field(
        description="GET this (/people/{id}/sources?cursor=...) for the sources after those listed; "
        "null when all are listed"
    )
    mentions: list[Evidence] = Field(description="the first mentions (up to 100), each with evidence")


class PersonList(ListPage):
    items: list[Person]


class PersonSourceList(ListPage):
    items: list[PersonSource]
