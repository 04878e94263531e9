from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import PUBLISHED_DATE, Evidence, ListPage


class QuoteKind(StrEnum):
    direct = "direct"
    partial = "partial"
    indirect = "indirect"


class SpeakerType(StrEnum):
    person = "person"
    organization = "organization"
    anonymous = "anonymous"


class SpeakerBasis(StrEnum):
    """How the speaker of a quote was found."""

    explicit = "explicit"  # named at the quote ("..., Lopez said")
    pronoun = "pronoun"  # a pronoun resolved to a person named earlier ("she said")
    descriptor = "descriptor"  # a role or description ("the minister said")
    inherited = "inherited"  # carried over from the previous quote in a run of quotes
    organisation = "organisation"  # an organisation speaks ("the company said")
    none = "none"  # no speaker could be found


class Speaker(BaseModel):
    id: int | None = Field(description="person id when the speaker is a known person, else null")
    name: str
    type: SpeakerType
    basis: SpeakerBasis | None = Field(
        None, description="how the speaker was found; null when the extractor did not record it"
    )


class Quote(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": 12,
                "text": "We will keep the plant open through the winter",
                "kind": "direct",
                "speaker": {"id": 4, "name": "Maria Lopez", "type": "person", "basis": "explicit"},
                "topics": ["energy"],
                "published_date": "2025-01-15",
                "evidence": [
                    {
                        "source_id": 3,
                        "start": 1204,
                        "end": 1251,
                        "text": "We will keep the plant open through the winter",
                        "sentence": "“We will keep the plant open through the winter,” Lopez said.",
                        "title": "Refinery to stay open through winter",
                        "publisher": "Reuters",
                        "published_at": "2025-01-15",
                        "url": "https://example.com/refinery",
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
    published_date: str | None = Field(description=PUBLISHED_DATE)
    evidence: list[Evidence] = Field(description="one entry per source the quote appears in")


class QuoteList(ListPage):
    items: list[Quote]
