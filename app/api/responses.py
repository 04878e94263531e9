"""Fast responses: orjson bodies with an ETag (304 on If-None-Match), Link headers, streamed CSV."""

from __future__ import annotations

import csv
import hashlib
import io
import logging
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any
from urllib.parse import urlencode

import orjson
from fastapi import Request
from starlette.responses import Response, StreamingResponse

from app.api.middleware import is_head
from app.queries import paging
from app.queries.database import DatabaseError
from app.queries.paging import Page, Sort
from app.queries.resource import Resource

CSV_CHUNK = 64 * 1024
log = logging.getLogger("app.api")


def json_response(request: Request, body: object, headers: dict | None = None) -> Response:
    content = orjson.dumps(body)
    etag = '"' + hashlib.blake2b(content, digest_size=12).hexdigest() + '"'
    out_headers = {"ETag": etag, "Cache-Control": "no-cache", **(headers or {})}
    if _matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=out_headers)
    return Response(content, media_type="application/json", headers=out_headers)


def _matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return "*" in tags or etag in tags


def page_response(request: Request, items: list[dict], page: Page) -> Response:
    body = {
        "items": items,
        "total": page.total,
        "total_exact": page.total_exact,
        "next_cursor": page.next_cursor,
    }
    headers: dict[str, str] = {}
    if page.next_cursor:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
        params.append(("cursor", page.next_cursor))
        headers["Link"] = f'<{request.url.path}?{urlencode(params)}>; rel="next"'
    return json_response(request, body, headers)


def wants_csv(request: Request, fmt: str | None) -> bool:
    if fmt is not None:
        return fmt == "csv"
    accept = request.headers.get("accept", "")
    return "text/csv" in accept and "application/json" not in accept


def csv_response(rows: Iterator[list[object]], columns: list[str], filename: str) -> StreamingResponse:
    """Every matching row, streamed; lists are joined with "; " (evidence as source ids).

    The first row is fetched before the response starts, so a database error still becomes a
    problem+json response; an error later can only end the stream early (and is logged).
    """
    first = next(rows, None)
    return StreamingResponse(_csv_chunks(first, rows, columns), **_csv_headers(filename))


def _csv_headers(filename: str) -> dict[str, Any]:
    return {
        "media_type": "text/csv; charset=utf-8",
        "headers": {"Content-Disposition": f'attachment; filename="{filename}.csv"'},
    }


async def _csv_chunks(
    first: list[object] | None, rows: Iterator[list[object]], columns: list[str]
) -> AsyncIterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    if first is None:
        yield buffer.getvalue().encode()
        return
    writer.writerow([_cell(v) for v in first])
    try:
        for row in rows:
            writer.writerow([_cell(v) for v in row])
            if buffer.tell() >= CSV_CHUNK:
                yield buffer.getvalue().encode()
                buffer.seek(0)
                buffer.truncate()
    except DatabaseError as exc:
        log.error("CSV stream cut short: %s", exc.detail)
    yield buffer.getvalue().encode()


def _cell(value: object) -> object:
    if isinstance(value, list):
        return "; ".join("" if v is None else str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def list_response(
    request: Request,
    resource: Resource,
    values: Mapping[str, Any],
    *,
    limit: int,
    cursor: str | None,
    fmt: str | None,
    sort: Sort = "id",
) -> Response:
    """What every list endpoint answers: every matching row as CSV, or one JSON page."""
    db = request.app.state.db
    if wants_csv(request, fmt):
        filters = resource.build(db, values)  # a bad filter is a 422 even for HEAD
        if is_head(request.scope):
            return Response(**_csv_headers(resource.name))  # HEAD: no export to run
        rows = paging.walk(db, resource, filters, sort)
        return csv_response(resource.csv_rows(db, rows), [c.name for c in resource.csv], resource.name)
    cap = request.app.state.settings.total_cap
    items, page = paging.list_page(db, resource, values, cursor, limit, cap, sort)
    return page_response(request, items, page)
