"""GET /people and /people/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.api.deps import database, item_id
from app.api.problems import not_found
from app.api.responses import json_response
from app.api.routers import ERRORS, add_list_route
from app.queries import people
from app.schemas.people import PersonDetail, PersonList

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
    item = people.get(database(request), id)
    return json_response(request, item) if item else not_found("person", id, request)
