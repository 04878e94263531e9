"""GET /figures and /figures/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from app.api.deps import Cursor, Format, Limit, SourceId, check_params, database
from app.api.problems import not_found
from app.api.responses import json_response, list_response
from app.api.routers import ERRORS, LIST_RESPONSES, TopicParam, q_param
from app.queries import figures
from app.schemas.figures import Figure, FigureList

router = APIRouter(prefix="/figures", tags=["figures"])
CSV_COLUMNS = [
    "id",
    "text",
    "value",
    "unit",
    "measure",
    "period",
    "approximate",
    "qualifier",
    "is_change",
    "restates",
    "topics",
    "conflicts_with",
    "evidence",
]


@router.get(
    "",
    operation_id="figures-list",
    summary="List figures",
    response_model=FigureList,
    responses=LIST_RESPONSES,
)
async def list_figures(
    request: Request,
    topic: TopicParam = None,
    unit: Annotated[
        str | None,
        Query(min_length=1, max_length=40, description="unit code, e.g. USD, percent", examples=["USD"]),
    ] = None,
    min_value: Annotated[
        float | None, Query(allow_inf_nan=False, description="value >= this (base units)")
    ] = None,
    max_value: Annotated[
        float | None, Query(allow_inf_nan=False, description="value <= this (base units)")
    ] = None,
    q: Annotated[str | None, q_param("part of the measure or of the figure as written, any case")] = None,
    conflicting: Annotated[
        bool | None, Query(description="true: only figures another source contradicts")
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    source_id: SourceId = None,
    format: Format = None,
) -> Response:
    """Numbers with what they measure, their period, topics and evidence."""
    check_params(request, "topic", "unit", "min_value", "max_value", "q", "conflicting")
    filters = figures.FigureFilters(
        topic=topic,
        unit=unit,
        min_value=min_value,
        max_value=max_value,
        q=q,
        conflicting=conflicting,
        source_id=source_id,
    )
    return list_response(
        request,
        figures,
        filters,
        limit=limit,
        cursor=cursor,
        fmt=format,
        csv_columns=CSV_COLUMNS,
        name="figures",
    )


@router.get(
    "/{figure_id}",
    operation_id="figures-get",
    summary="Get one figure",
    response_model=Figure,
    responses=ERRORS,
)
async def get_figure(request: Request, figure_id: Annotated[int, Path(ge=1, le=2**62)]) -> Response:
    item = figures.get(database(request), figure_id)
    return json_response(request, item) if item else not_found("figure", figure_id, request)
