"""GET /people and /people/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from app.api.deps import check_params, database, item_id
from app.api.problems import not_found
from app.api.responses import json_response, page_response
from app.api.routers import ERRORS, add_list_route
from app.queries import people
from app.queries.paging import Page
from app.schemas.people import PersonDetail, PersonList, PersonSourceList

router = APIRouter(prefix="/people", tags=["people"])
add_list_route(
    router,
    people.RESOURCE,
    summary="List people",
    description="People the sources mention, with aliases, title, affiliation and counts.",
    response_model=PersonList,
)


@router.get(
    "/{id}",
    operation_id="people-get",
    summary="Get one person",
    response_model=PersonDetail,
    responses=ERRORS,
)
async def get_person(request: Request, id: Annotated[int, item_id("person")]) -> Response:
    """A person with quote and mention counts, the sources they appear in and their first mentions."""
    item = people.get(database(request), id, request.app.state.settings.total_cap)
    return json_response(request, item) if item else not_found("person", id, request)


@router.get(
    "/{id}/sources",
    operation_id="people-sources",
    summary="The sources one person appears in",
    response_model=PersonSourceList,
    responses=ERRORS,
)
async def person_sources(
    request: Request,
    id: Annotated[int, item_id("person")],
    limit: Annotated[int, Query(ge=1, le=200, description="page size")] = 50,
    cursor: Annotated[
        str | None, Query(max_length=200, description="next_cursor of the previous page")
    ] = None,
) -> Response:
    """Every source the person is mentioned in, by source id, a page at a time (the person's own
    page lists the first 100 and links here for the rest)."""
    check_params(request, frozenset({"limit", "cursor"}))
    db = database(request)
    if not people.exists(db, id):
        return not_found("person", id, request)
    cap = request.app.state.settings.total_cap
    items, total, exact, next_cursor = people.sources_page(db, id, cursor, limit, cap)
    return page_response(request, items, Page([], total, exact, next_cursor))
