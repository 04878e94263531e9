"""GET /figures and /figures/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.api.deps import database, item_id
from app.api.problems import not_found
from app.api.responses import json_response
from app.api.routers import ERRORS, add_list_route
from app.queries import figures
from app.schemas.figures import Figure, FigureList

router = APIRouter(prefix="/figures", tags=["figures"])
add_list_route(
    router,
    figures.RESOURCE,
    summary="List figures",
    description="Numbers with what they measure, their period, topics and evidence.",
    response_model=FigureList,
)


@router.get(
    "/{id}", operation_id="figures-get", summary="Get one figure", response_model=Figure, responses=ERRORS
)
async def get_figure(request: Request, id: Annotated[int, item_id("figure")]) -> Response:
    item = figures.get(database(request), id)
    return json_response(request, item) if item else not_found("figure", id, request)
