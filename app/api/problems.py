"""RFC 9457 problem details for every error the API can give; never a traceback to the client."""

from __future__ import annotations

from http import HTTPStatus

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from app.queries.common import InvalidParameter
from app.queries.database import DatabaseError

PROBLEM_JSON = "application/problem+json"


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
    body = {
        "type": f"/problems/{slug}" if slug else "about:blank",
        "title": title or HTTPStatus(status).phrase,
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
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(InvalidParameter, _invalid_parameter)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(DatabaseError, _database)


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
