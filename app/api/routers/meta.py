"""GET /topics and GET /healthz."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.api.deps import database
from app.api.problems import problem
from app.api.responses import json_response
from app.api.routers import ERRORS
from app.queries.database import DatabaseError
from app.schemas.topics import Health, TopicList

router = APIRouter()


@router.get(
    "/topics",
    operation_id="topics-list",
    summary="The topic taxonomy",
    tags=["topics"],
    response_model=TopicList,
    responses=ERRORS,
)
async def list_topics(request: Request) -> Response:
    """Every topic with its slug, label, IPTC Media Topic code and parent slug."""
    rows = database(request).all(
        "SELECT slug, label, iptc_code, parent_slug FROM topics ORDER BY iptc_code, slug"
    )
    items = [
        {"slug": s, "label": label, "iptc_code": code, "parent": parent} for s, label, code, parent in rows
    ]
    return json_response(request, {"items": items, "total": len(items)})


@router.get(
    "/healthz",
    operation_id="health-get",
    summary="Liveness and database check",
    tags=["health"],
    response_model=Health,
    responses={503: ERRORS[503]},
)
async def healthz(request: Request) -> Response:
    """200 when the database answers; 503 problem+json when it does not."""
    try:
        database(request).ping()
    except DatabaseError as exc:
        return problem(
            503,
            exc.detail,
            slug="database-unavailable",
            title="Database unavailable",
            headers={"Retry-After": "1"},
        )
    return json_response(request, {"status": "ok", "database": database(request).dialect})
