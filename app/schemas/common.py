"""Response shapes shared by every endpoint. They document the API (OpenAPI, typed clients);
the hot path serialises plain dicts of the same shape with orjson rather than re-validating rows.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

PUBLISHED_DATE = (
    "publication date (ISO) of the earliest source reporting it: what published_from, published_to "
    "and sort=-published_at use; null when none of its sources is dated"
)


class Evidence(BaseModel):
    """Where a fact was found: ``source.text[start:end] == text``."""

    source_id: int = Field(description="id of the source (GET /sources/{id})")
    start: int = Field(description="character offset of the first character in the source text")
    end: int = Field(description="character offset just past the last character")
    text: str = Field(description="the source text between start and end, exactly")
    sentence: str | None = Field(None, description="the sentence(s) around the evidence")
    title: str | None = Field(None, description="the source's headline, to cite it")
    publisher: str | None = Field(None, description="the source's publisher")
    published_at: str | None = Field(None, description="the source's publication date or datetime (ISO)")
    url: str | None = Field(None, description="the source's URL")


class ListPage(BaseModel):
    total: int = Field(description="matching rows; exact unless total_exact is false (then a lower bound)")
    total_exact: bool = Field(True, description="false when counting stopped at the configured cap")
    next_cursor: str | None = Field(description="pass as ?cursor= for the next page; null on the last page")


class Problem(BaseModel):
    """An RFC 9457 problem detail."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "type": "https://kb.example/problems/invalid-parameter",
                "title": "Invalid parameter",
                "status": 422,
                "detail": "limit: Input should be less than or equal to 200",
            }
        }
    )

    type: str = Field(description="URI identifying the problem type")
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[dict] | None = Field(None, description="each invalid parameter, for 422")
