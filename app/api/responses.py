"""Fast responses: orjson bodies with an ETag (304 on If-None-Match), Link headers, streamed CSV."""

from __future__ import annotations

import csv
import hashlib
import io
import logging
from collections.abc import Iterator
from urllib.parse import urlencode

import orjson
from fastapi import Request
from starlette.responses import Response, StreamingResponse

from app.queries.database import DatabaseError

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


def page_response(request: Request, items: list[dict], page) -> Response:
    body = {
        "items": items,
        "total": page.total,
        "total_exact": page.total_exact,
        "next_cursor": page.next_cursor,
    }
    headers = {}
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


def csv_response(rows: Iterator[dict], columns: list[str], filename: str) -> StreamingResponse:
    """Every matching row, streamed; lists are joined with "; " (evidence as source ids).

    The first row is fetched before the response starts, so a database error still becomes a
    problem+json response; an error later can only end the stream early (and is logged).
    """
    first = next(rows, None)
    return StreamingResponse(
        _csv_chunks(first, rows, columns),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
    )


async def _csv_chunks(first: dict | None, rows: Iterator[dict], columns: list[str]):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    if first is None:
        yield buffer.getvalue().encode()
        return
    writer.writerow({k: _cell(v) for k, v in first.items()})
    try:
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
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
    request: Request, queries, filters, *, limit: int, cursor: str | None, fmt: str | None,
    csv_columns: list[str], name: str,
) -> Response:  # fmt: skip
    """What every list endpoint answers: every matching row as CSV, or one JSON page.

    ``queries`` is the entity's module in :mod:`app.queries` (``list_page`` and ``csv_rows``).
    """
    db = request.app.state.db
    if wants_csv(request, fmt):
        return csv_response(queries.csv_rows(db, filters), csv_columns, name)
    items, page = queries.list_page(db, filters, cursor, limit, request.app.state.settings.total_cap)
    return page_response(request, items, page)
