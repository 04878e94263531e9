"""API routers, one per kind of object; shared parameter declarations live here."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from app.schemas.common import Problem
from app.taxonomy import BY_SLUG

ERRORS = {
    404: {"model": Problem, "description": "Not found", "content": {"application/problem+json": {}}},
    422: {"model": Problem, "description": "Invalid parameter", "content": {"application/problem+json": {}}},
    503: {
        "model": Problem,
        "description": "Database unavailable or query timed out",
        "content": {"application/problem+json": {}},
    },
}

LIST_RESPONSES = {
    200: {
        "description": "A page of items (JSON), or every matching row with format=csv or Accept: text/csv",
        "content": {"text/csv": {"schema": {"type": "string"}}},
    },
    **ERRORS,
}

TopicParam = Annotated[
    str | None,
    Query(
        description="topic slug (GET /topics); matches the topic and its descendants",
        pattern="^(" + "|".join(sorted(BY_SLUG)) + ")$",
        examples=["energy"],
    ),
]


def q_param(description: str):
    return Query(min_length=1, max_length=200, description=description)
