from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Evidence, ListPage


class QuoteKind(StrEnum):
    direct = "direct"
    partial = "partial"
    indirect = "indirect"


class SpeakerType(StrEnum):
    person = "person"
    organization = "organization"
    anonymous = "anonymous"


class Speaker(BaseModel):
    id: int | None = Field(description="person id when the speaker is a known person, else null")
    name: str
    type: SpeakerType


class Quote(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": 12,
                "text": "We will keep the plant open through the winter",
                "kind": "direct",
                "speaker": {"id": 4, "name": "Maria Lopez", "type": "person"},
                "topics": ["energy"],
                "evidence": [
                    {
                        "source_id": 3,
                        "start": 1204,
                        "end": 1251,
                        "text": "We will keep the plant open through the winter",
                        "sentence": "“We will keep the plant open through the winter,” Lopez said.",
                    }
                ],
            }
        }
    )

    id: int
    text: str = Field(description="the quoted words (indirect: the reported clause as written)")
    kind: QuoteKind
    speaker: Speaker | None = Field(description="null when no speaker could be found")
    topics: list[str] = Field(description="topic slugs (GET /topics)")
    evidence: list[Evidence] = Field(description="one entry per source the quote appears in")


class QuoteList(ListPage):
    items: list[Quote]
