"""GET /events and /events/{id}."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from app.api.deps import Cursor, Format, Limit, SourceId, check_params, database
from app.api.problems import not_found
from app.api.responses import json_response, list_response
from app.api.routers import ERRORS, LIST_RESPONSES, q_param
from app.queries import events
from app.queries.common import InvalidParameter
from app.schemas.events import Event, EventList

router = APIRouter(prefix="/events", tags=["events"])
CSV_COLUMNS = [
    "id",
    "summary",
    "kind",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "location",
    "participants",
    "conflicts_with",
    "evidence",
]


@router.get(
    "",
    operation_id="events-list",
    summary="List events",
    response_model=EventList,
    responses=LIST_RESPONSES,
)
async def list_events(
    request: Request,
    date_from: Annotated[
        date | None, Query(description="events overlapping this day or later (ISO date)")
    ] = None,
    date_to: Annotated[
        date | None, Query(description="events overlapping this day or earlier (ISO date)")
    ] = None,
    participant: Annotated[
        str | None, Query(min_length=1, max_length=200, description="a participant's name or alias, any case")
    ] = None,
    q: Annotated[str | None, q_param("part of the summary or location, any case")] = None,
    conflicting: Annotated[
        bool | None, Query(description="true: only events another source reports differently")
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    source_id: SourceId = None,
    format: Format = None,
) -> Response:
    """Dated happenings (visits, meetings, rulings, strikes, ...) with participants and evidence."""
    check_params(request, "date_from", "date_to", "participant", "q", "conflicting")
    if date_from and date_to and date_from > date_to:
        raise InvalidParameter("date_from", "date_from is after date_to")
    filters = events.EventFilters(
        date_from=date_from,
        date_to=date_to,
        participant=participant,
        q=q,
        conflicting=conflicting,
        source_id=source_id,
    )
    return list_response(
        request,
        events,
        filters,
        limit=limit,
        cursor=cursor,
        fmt=format,
        csv_columns=CSV_COLUMNS,
        name="events",
    )


@router.get(
    "/{event_id}", operation_id="events-get", summary="Get one event", response_model=Event, responses=ERRORS
)
async def get_event(request: Request, event_id: Annotated[int, Path(ge=1, le=2**62)]) -> Response:
    item = events.get(database(request), event_id)
    return json_response(request, item) if item else not_found("event", event_id, request)
