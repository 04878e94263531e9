from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import PUBLISHED_DATE, Evidence, ListPage


class Figure(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": 7,
                "text": "$3.5bn",
                "value": 3500000000,
                "unit": "USD",
                "measure": "quarterly net profit",
                "period": "Q3 2025",
                "approximate": False,
                "qualifier": None,
                "is_change": False,
                "range_low": None,
                "range_high": None,
                "restates": None,
                "topics": ["economy"],
                "conflicts_with": [],
                "published_date": "2025-10-30",
                "evidence": [{"source_id": 2, "start": 88, "end": 94, "text": "$3.5bn", "sentence": "..."}],
            }
        }
    )

    id: int
    text: str = Field(description="the figure as written")
    value: float | None = Field(description="value in base units; null when it could not be normalised")
    unit: str | None = Field(
        description="unit code: USD and other ISO 4217 currencies, percent, percentage_points, "
        "barrels_per_day, cubic_meters, tonnes, miles, count, ..."
    )
    measure: str | None = Field(description="what the number measures")
    period: str | None = Field(description="the time the figure refers to")
    approximate: bool = Field(description="about, nearly, more than, hundreds of, ...")
    qualifier: str | None = Field(description="the approximating words, as written")
    is_change: bool = Field(description="a change (up 63%) rather than a level")
    range_low: float | None = Field(
        default=None, description="low end of a range stated as one figure (value is this end)"
    )
    range_high: float | None = Field(default=None, description="high end of a range stated as one figure")
    restates: int | None = Field(description="id of the figure this one converts or restates")
    topics: list[str]
    conflicts_with: list[int] = Field(
        description="figures for the same measure and period with another value"
    )
    published_date: str | None = Field(description=PUBLISHED_DATE)
    evidence: list[Evidence]


class FigureList(ListPage):
    items: list[Figure]
