"""GET /topics, GET /healthz and GET /problems/{slug} (what an error's type URI means)."""

from __future__ import annotations

from dataclasses import asdict
from html import escape
from typing import Annotated

from fastapi import APIRouter, Path, Request
from starlette.responses import HTMLResponse, Response

from app.api.deps import database
from app.api.negotiation import preferred
from app.api.problems import PROBLEM_TYPES, problem
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


SLUG = "^(" + "|".join(PROBLEM_TYPES) + ")$"


@router.get(
    "/problems/{slug}",
    operation_id="problems-get",
    summary="What a problem type means",
    tags=["problems"],
    response_class=HTMLResponse,
    responses={200: {"content": {"application/json": {}}}},
)
async def problem_type(
    request: Request, slug: Annotated[str, Path(pattern=SLUG, description="the type's slug")]
) -> Response:
    """The explanation behind an error body's ``type`` URI: a short HTML page, or JSON when the
    request prefers ``application/json``."""
    known = PROBLEM_TYPES[slug]
    if preferred(request.headers.get("accept"), ("text/html", "application/json")) == "application/json":
        return json_response(request, {"type": f"/problems/{slug}", **asdict(known)})
    return HTMLResponse(
        "<!doctype html><html lang=en><meta charset=utf-8>"
        f"<title>{escape(known.title)}</title><h1>{escape(known.title)}</h1>"
        f"<p>HTTP status {known.status}. {escape(known.explanation)}</p>"
        '<p><a href="/docs">API documentation</a></p></html>'
    )
