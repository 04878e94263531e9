"""RFC 9457 problem details for every error the API can give; never a traceback to the client."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from app.queries.common import InvalidParameter
from app.queries.database import DatabaseError

PROBLEM_JSON = "application/problem+json"


@dataclass(frozen=True)
class ProblemType:
    """A ``type`` URI this API uses (``/problems/<slug>``): what it means and what to do about it.
    ``GET /problems/<slug>`` serves this explanation, so the URI in an error body resolves."""

    slug: str
    status: int
    title: str
    explanation: str


PROBLEM_TYPES = {
    t.slug: t
    for t in (
        ProblemType(
            "invalid-parameter",
            422,
            "Invalid parameter",
            "A query or path parameter is unknown, malformed or out of range. `errors` lists each "
            "one with the reason; fix the request and send it again (it will fail the same way "
            "until then).",
        ),
        ProblemType(
            "not-found",
            404,
            "Not found",
            "No object of that kind has this id. Ids come from list responses; they are never reused.",
        ),
        ProblemType(
            "query-timeout",
            503,
            "Query timed out",
            "The query ran past the server's time limit (KB_QUERY_TIMEOUT_MS) and was cancelled. "
            "Narrow the filters, or retry after the Retry-After delay.",
        ),
        ProblemType(
            "database-unavailable",
            503,
            "Database unavailable",
            "The database could not be reached or could not serve. Nothing is wrong with the "
            "request: retry after the Retry-After delay. GET /healthz reports the database's state.",
        ),
        ProblemType(
            "internal-error",
            500,
            "Internal Server Error",
            "The server failed on a request it should have answered: a bug. It has been logged with "
            "its details on the server; retrying will probably fail the same way.",
        ),
    )
}


def problem(
    status: int,
    detail: str,
    *,
    slug: str | None = None,
    title: str | None = None,
    instance: str | None = None,
    headers: dict | None = None,
    **extra: object,
) -> Response:
    known = PROBLEM_TYPES.get(slug) if slug else None
    body = {
        "type": f"/problems/{slug}" if slug else "about:blank",
        "title": title or (known.title if known else HTTPStatus(status).phrase),
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    body.update({k: v for k, v in extra.items() if v is not None})
    return Response(orjson.dumps(body), status_code=status, media_type=PROBLEM_JSON, headers=headers)


def not_found(kind: str, item_id: int, request: Request) -> Response:
    return problem(
        404, f"no {kind} with id {item_id}", slug="not-found", title="Not found", instance=request.url.path
    )


def install(app: FastAPI) -> None:
    handlers: dict[type[Exception], Callable[[Request, Any], Awaitable[Response]]] = {
        RequestValidationError: _validation,
        InvalidParameter: _invalid_parameter,
        StarletteHTTPException: _http,
        DatabaseError: _database,
    }
    for kind, handler in handlers.items():
        app.add_exception_handler(kind, handler)


async def _validation(request: Request, exc: RequestValidationError) -> Response:
    errors = [
        {
            "parameter": ".".join(str(p) for p in e.get("loc", ())[1:]) or "request",
            "in": (e.get("loc") or ["query"])[0],
            "message": e.get("msg", "invalid"),
        }
        for e in exc.errors()
    ]
    detail = "; ".join(f"{e['parameter']}: {e['message']}" for e in errors) or "invalid request"
    return problem(
        422,
        detail,
        slug="invalid-parameter",
        title="Invalid parameter",
        instance=request.url.path,
        errors=errors,
    )


async def _invalid_parameter(request: Request, exc: InvalidParameter) -> Response:
    return problem(
        422,
        f"{exc.name}: {exc.message}",
        slug="invalid-parameter",
        title="Invalid parameter",
        instance=request.url.path,
        errors=[{"parameter": exc.name, "in": "query", "message": exc.message}],
    )


async def _http(request: Request, exc: StarletteHTTPException) -> Response:
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"no such endpoint: {request.url.path}"
    if exc.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}"
    return problem(exc.status_code, detail, instance=request.url.path, headers=getattr(exc, "headers", None))


async def _database(request: Request, exc: DatabaseError) -> Response:
    title = "Query timed out" if exc.timeout else "Database unavailable"
    return problem(
        503,
        exc.detail,
        slug="query-timeout" if exc.timeout else "database-unavailable",
        title=title,
        instance=request.url.path,
        headers={"Retry-After": "1"},
    )
