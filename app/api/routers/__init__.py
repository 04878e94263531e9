"""API routers, one per kind of object; the responses every route documents live here."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app.api.listing import list_endpoint
from app.queries.resource import Resource
from app.schemas.common import Problem

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "Not found", "content": {"application/problem+json": {}}},
    422: {"model": Problem, "description": "Invalid parameter", "content": {"application/problem+json": {}}},
    503: {
        "model": Problem,
        "description": "Database unavailable or query timed out",
        "content": {"application/problem+json": {}},
    },
}

LIST_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A page of items (JSON), or every matching row with format=csv or Accept: text/csv",
        "content": {"text/csv": {"schema": {"type": "string"}}},
    },
    **ERRORS,
}


def add_list_route(
    router: APIRouter, resource: Resource, *, summary: str, description: str, response_model: type
) -> None:
    """``GET /<kind>``, built from the resource's declaration (see :mod:`app.api.listing`)."""
    endpoint, openapi_extra = list_endpoint(resource)
    router.add_api_route(
        "",
        endpoint,
        openapi_extra=openapi_extra,
        methods=["GET"],
        operation_id=f"{resource.name}-list",
        summary=summary,
        description=description,
        response_model=response_model,
        responses=LIST_RESPONSES,
    )
