"""POST /articles (queue an article for ingest) and GET /jobs/{job_id} (what became of it).

The body is read here rather than by FastAPI so the checks come in the order a client needs them:
the key (401) before the size (413) before the content (422), and an oversized body is refused
from its Content-Length, or as soon as it passes the limit, without being read whole.
"""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from app.api.problems import problem
from app.api.routers import ERRORS
from app.api.writes import RateLimited, writes
from app.schemas.common import Problem
from app.schemas.jobs import ArticleIn, JobAccepted, JobOut

router = APIRouter(tags=["ingest"])
bearer = HTTPBearer(
    auto_error=False,
    scheme_name="ApiKey",
    description="An API key made with `kb keys create NAME`, sent as `Authorization: Bearer <key>`.",
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def _problem_doc(description: str) -> dict[str, Any]:
    return {"model": Problem, "description": description, "content": {"application/problem+json": {}}}


MALFORMED: dict[int | str, dict[str, Any]] = {
    400: {
        "description": "Malformed HTTP request (e.g. a header with invalid characters), refused by the "
        "HTTP server before the application",
        "content": {"text/plain": {"schema": {"type": "string"}}},
    }
}
WRITE_ERRORS: dict[int | str, dict] = {
    **MALFORMED,
    401: _problem_doc("Missing, unknown or revoked API key"),
    413: _problem_doc("Body larger than KB_MAX_ARTICLE_BYTES"),
    422: _problem_doc("Invalid body"),
    429: _problem_doc("This key sent too many requests; see Retry-After"),
    503: ERRORS[503],
}


async def api_key_id(request: Request, credentials: HTTPAuthorizationCredentials | None) -> int | None:
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        return None
    return await run_in_threadpool(writes(request).authenticate, credentials.credentials)


def unauthorized(request: Request, detail: str) -> Response:
    return problem(
        401,
        detail,
        slug="unauthorized",
        title="Unauthorized",
        instance=request.url.path,
        headers={"WWW-Authenticate": 'Bearer realm="kb"'},
    )


@router.post(
    "/articles",
    operation_id="articles-create",
    summary="Queue an article for ingest",
    status_code=202,
    response_model=JobAccepted,
    responses={
        202: {"description": "Queued; poll the Location (GET /jobs/{job_id})"},
        **WRITE_ERRORS,
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ArticleIn.model_json_schema()}},
        }
    },
)
async def create_article(request: Request, credentials: Credentials) -> Response:
    """`{"text": ...}` plus sidecar keys, `{"url": ...}` (the server fetches it; public addresses
    only), or `{"html": ..., "url": ...}`. Answers at once; a worker ingests the article."""
    try:
        key = await api_key_id(request, credentials)
        if key is None:
            return unauthorized(request, "a valid API key is required (Authorization: Bearer <key>)")
        body = await _read_body(request)
        if isinstance(body, Response):
            return body
        article = _parse(request, body)
        if isinstance(article, Response):
            return article
        if article.kind == "url" and (reason := writes(request).refuse_address(article.url or "")):
            return _invalid(request, "url", reason)
        payload = article.model_dump(exclude_none=True)
        outcome = await run_in_threadpool(writes(request).submit, key, article.kind, payload)
    except DBAPIError as exc:
        return _unavailable(request, exc)
    if isinstance(outcome, RateLimited):
        wait = max(1, round(outcome.retry_after + 0.5))
        return problem(
            429,
            f"this key sent too many requests; try again in {wait} s",
            slug="rate-limited",
            title="Too many requests",
            instance=request.url.path,
            headers={"Retry-After": str(wait)},
        )
    location = f"/jobs/{outcome.job_id}"
    return Response(
        orjson.dumps({"job_id": outcome.job_id, "status": "queued"}),
        status_code=202,
        media_type="application/json",
        headers={"Location": location},
    )


@router.get(
    "/jobs/{job_id}",
    operation_id="jobs-get",
    summary="What became of a queued article",
    response_model=JobOut,
    responses={**MALFORMED, 401: WRITE_ERRORS[401], 404: ERRORS[404], 503: ERRORS[503]},
)
async def get_job(
    request: Request,
    credentials: Credentials,
    job_id: Annotated[str, Path(max_length=64, description="job_id from POST /articles")],
) -> Response:
    """`queued`, `running`, `done` (with `source_id`) or `failed` (with `error`)."""
    try:
        if await api_key_id(request, credentials) is None:
            return unauthorized(request, "a valid API key is required (Authorization: Bearer <key>)")
        job = await run_in_threadpool(writes(request).job, job_id)
    except DBAPIError as exc:
        return _unavailable(request, exc)
    if job is None:
        detail = f"no job with id {job_id}"
        return problem(404, detail, slug="not-found", title="Not found", instance=request.url.path)
    return Response(orjson.dumps(job), media_type="application/json", headers={"Cache-Control": "no-store"})


async def _read_body(request: Request) -> bytes | Response:
    limit = request.app.state.settings.max_article_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return _too_large(request, limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return _too_large(request, limit)
    return bytes(body)


def _parse(request: Request, body: bytes) -> ArticleIn | Response:
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        return _invalid(request, "body", f"not valid JSON ({exc})")
    if not isinstance(data, dict):
        return _invalid(request, "body", "expected a JSON object")
    try:
        return ArticleIn.model_validate(data)
    except ValidationError as exc:
        errors = [
            {
                "parameter": ".".join(str(p) for p in e["loc"]) or "body",
                "in": "body",
                "message": e["msg"].removeprefix("Value error, "),
            }
            for e in exc.errors(include_url=False)
        ]
        detail = "; ".join(f"{e['parameter']}: {e['message']}" for e in errors)
        return problem(
            422, detail, slug="invalid-body", title="Invalid body", instance=request.url.path, errors=errors
        )


def _invalid(request: Request, where: str, message: str) -> Response:
    return problem(
        422,
        f"{where}: {message}",
        slug="invalid-body",
        title="Invalid body",
        instance=request.url.path,
        errors=[{"parameter": where, "in": "body", "message": message}],
    )


def _too_large(request: Request, limit: int) -> Response:
    return problem(
        413,
        f"the body is larger than {limit:,} bytes (KB_MAX_ARTICLE_BYTES)",
        slug="too-large",
        title="Content too large",
        instance=request.url.path,
    )


def _unavailable(request: Request, exc: DBAPIError) -> Response:
    reason = str(exc.orig).strip().splitlines()[0][:200] if exc.orig else "database error"
    return problem(
        503,
        f"the database cannot take the request: {reason}",
        slug="database-unavailable",
        title="Database unavailable",
        instance=request.url.path,
        headers={"Retry-After": "1"},
    )
