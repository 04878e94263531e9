"""GET /sources and /sources/{id}."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from app.api.deps import Cursor, Format, Limit, SourceId, check_params, database
from app.api.problems import not_found
from app.api.responses import json_response, list_response
from app.api.routers import ERRORS, LIST_RESPONSES
from app.queries import sources
from app.queries.common import InvalidParameter
from app.schemas.sources import SourceDetail, SourceList

router = APIRouter(prefix="/sources", tags=["sources"])
CSV_COLUMNS = [
    "id",
    "title",
    "publisher",
    "authors",
    "published_at",
    "url",
    "dateline",
    "language",
    "word_count",
    "credits",
    "ingested_at",
]


@router.get(
    "",
    operation_id="sources-list",
    summary="List sources",
    response_model=SourceList,
    responses=LIST_RESPONSES,
)
async def list_sources(
    request: Request,
    publisher: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="publisher name, any case", examples=["Reuters"]),
    ] = None,
    date_from: Annotated[date | None, Query(description="published on or after (ISO date)")] = None,
    date_to: Annotated[date | None, Query(description="published on or before (ISO date)")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    source_id: SourceId = None,
    format: Format = None,
) -> Response:
    """Ingested articles and their metadata (the text is in GET /sources/{id})."""
    check_params(request, "publisher", "date_from", "date_to")
    if date_from and date_to and date_from > date_to:
        raise InvalidParameter("date_from", "date_from is after date_to")
    filters = sources.SourceFilters(
        publisher=publisher, date_from=date_from, date_to=date_to, source_id=source_id
    )
    return list_response(
        request,
        sources,
        filters,
        limit=limit,
        cursor=cursor,
        fmt=format,
        csv_columns=CSV_COLUMNS,
        name="sources",
    )


@router.get(
    "/{source_id}",
    operation_id="sources-get",
    summary="Get one source with its text",
    response_model=SourceDetail,
    responses=ERRORS,
)
async def get_source(request: Request, source_id: Annotated[int, Path(ge=1, le=2**62)]) -> Response:
    """The source's metadata, its stored text (what evidence offsets index) and fact counts."""
    item = sources.get(database(request), source_id)
    return json_response(request, item) if item else not_found("source", source_id, request)
