"""API routers, one per kind of object; the responses every route documents live here."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app.api.listing import Endpoint, list_endpoint
from app.queries.resource import Resource
from app.schemas.common import Problem

# path -> endpoint of every list route; see :func:`add_list_route`
DIRECT: dict[str, Endpoint] = {}

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
    """``GET /<kind>``, built from the resource's declaration (see :mod:`app.api.listing`).

    The route FastAPI builds documents the endpoint in OpenAPI; requests are answered by a plain
    Starlette route to the same function (:data:`DIRECT`, mounted first by
    :func:`app.api.main.create_app`). Why: the endpoint takes only the request and validates its
    parameters itself, and FastAPI's per-request dependency solving and response handling around
    it cost 0.03-0.05 ms a request, a third of a small page's time.
    """
    endpoint, openapi_extra = list_endpoint(resource)
    DIRECT[router.prefix] = endpoint
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
