"""GET /events and /events/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.api.deps import database, item_id
from app.api.problems import not_found
from app.api.responses import json_response
from app.api.routers import ERRORS, add_list_route
from app.queries import events
from app.schemas.events import Event, EventList

router = APIRouter(prefix="/events", tags=["events"])
add_list_route(
    router,
    events.RESOURCE,
    summary="List events",
    description="Dated happenings (visits, meetings, rulings, strikes, ...) with participants and evidence.",
    response_model=EventList,
)


@router.get(
    "/{id}", operation_id="events-get", summary="Get one event", response_model=Event, responses=ERRORS
)
async def get_event(request: Request, id: Annotated[int, item_id("event")]) -> Response:
    item = events.get(database(request), id)
    return json_response(request, item) if item else not_found("event", id, request)
