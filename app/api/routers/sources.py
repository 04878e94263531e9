"""GET /sources and /sources/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.api.deps import database, item_id
from app.api.problems import not_found
from app.api.responses import json_response
from app.api.routers import ERRORS, add_list_route
from app.queries import sources
from app.schemas.sources import SourceDetail, SourceList

router = APIRouter(prefix="/sources", tags=["sources"])
add_list_route(
    router,
    sources.RESOURCE,
    summary="List sources",
    description="Ingested articles and their metadata (the text is in GET /sources/{id}).",
    response_model=SourceList,
)


@router.get(
    "/{id}",
    operation_id="sources-get",
    summary="Get one source with its text",
    response_model=SourceDetail,
    responses=ERRORS,
)
async def get_source(request: Request, id: Annotated[int, item_id("source")]) -> Response:
    """The source's metadata, its stored text (what evidence offsets index) and fact counts."""
    item = sources.get(database(request), id)
    return json_response(request, item) if item else not_found("source", id, request)
