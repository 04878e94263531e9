"""GET /people and /people/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from app.api.deps import Cursor, Format, Limit, SourceId, check_params, database
from app.api.problems import not_found
from app.api.responses import json_response, list_response
from app.api.routers import ERRORS, LIST_RESPONSES, q_param
from app.queries import people
from app.schemas.people import PersonDetail, PersonList

router = APIRouter(prefix="/people", tags=["people"])
CSV_COLUMNS = ["id", "name", "aliases", "title", "affiliation", "quote_count", "mention_count"]


@router.get(
    "",
    operation_id="people-list",
    summary="List people",
    response_model=PersonList,
    responses=LIST_RESPONSES,
)
async def list_people(
    request: Request,
    name: Annotated[
        str | None,
        Query(
            min_length=1, max_length=200, description="exact name or alias, any case (surname alone works)"
        ),
    ] = None,
    q: Annotated[str | None, q_param("part of any name or alias, any case")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    source_id: SourceId = None,
    format: Format = None,
) -> Response:
    """People the sources mention, with aliases, title, affiliation and counts."""
    check_params(request, "name", "q")
    filters = people.PeopleFilters(name=name, q=q, source_id=source_id)
    return list_response(
        request,
        people,
        filters,
        limit=limit,
        cursor=cursor,
        fmt=format,
        csv_columns=CSV_COLUMNS,
        name="people",
    )


@router.get(
    "/{person_id}",
    operation_id="people-get",
    summary="Get one person",
    response_model=PersonDetail,
    responses=ERRORS,
)
async def get_person(request: Request, person_id: Annotated[int, Path(ge=1, le=2**62)]) -> Response:
    """A person with quote and mention counts, the sources they appear in and their first mentions."""
    item = people.get(database(request), person_id)
    return json_response(request, item) if item else not_found("person", person_id, request)
