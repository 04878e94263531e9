from __future__ import annotations

from pydantic import BaseModel, Field


class Topic(BaseModel):
    slug: str = Field(examples=["energy"])
    label: str = Field(examples=["energy and resource"])
    iptc_code: str = Field(description="IPTC Media Topic code", examples=["medtop:20000256"])
    parent: str | None = Field(description="slug of the parent topic")


class TopicList(BaseModel):
    items: list[Topic]
    total: int


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    database: str = Field(examples=["sqlite"])
