"""CSV exports: every matching row, streamed without holding up any other request.

Why a thread and a connection of its own: the API runs its queries on the event loop over one
connection per process (a page's queries take well under a millisecond). An export reads the
whole match, chunk after chunk; run the same way it held the loop for the whole export
(``/healthz`` waited 6 s behind a 200,000-quote export). Here each 64 KB of CSV is made in a
worker thread on a forked reader (:meth:`ReadDatabase.fork`): the loop only waits on the thread,
and serves every other request in between.

Why a budget: an export is a query like any other, so it has an overall time limit
(``KB_EXPORT_TIMEOUT_S``) as each page query has ``KB_QUERY_TIMEOUT_MS``.

Why the ending: a stream that fails after the headers were sent cannot change its status. It ends
with a last row ``#error,<reason>`` and without the chunked transfer's terminating chunk, so both a
person reading the file and an HTTP client (an "incomplete chunked read") can tell the file is
cut short; the failure is logged once, naming the export.

CSV injection (OWASP): a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is written with a leading apostrophe, so a spreadsheet shows it as text instead of
running it as a formula. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator, Mapping
from typing import Any

import anyio
from fastapi import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from app.api.middleware import is_head
from app.queries import paging
from app.queries.database import DatabaseError, ReadDatabase
from app.queries.paging import Sort
from app.queries.resource import Resource

CSV_CHUNK = 64 * 1024
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ERROR_MARK = "#error"
log = logging.getLogger("app.api")


def neutralise(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula (OWASP CSV injection rule)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell(value: object) -> object:
    """One CSV cell: lists joined with "; ", booleans as true/false, text neutralised."""
    if isinstance(value, list):
        value = "; ".join("" if v is None else str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return neutralise(value) if isinstance(value, str) else value


def csv_headers(filename: str) -> dict[str, Any]:
    return {
        "media_type": "text/csv; charset=utf-8",
        "headers": {"Content-Disposition": f'attachment; filename="{filename}.csv"'},
    }


class Chunks:
    """The export's CSV, 64 KB at a time; each call to :meth:`next` runs in a worker thread."""

    def __init__(self, db: ReadDatabase, resource: Resource, rows: Iterator[list[object]]) -> None:
        self.db = db
        self.rows = rows
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer)
        self.writer.writerow([c.name for c in resource.csv])
        self.done = False
        self.count = 0

    def next(self) -> bytes | None:
        """The next chunk, or None once everything was sent; raises what reading raised."""
        if self.done:
            return None
        for row in self.rows:
            self.writer.writerow([cell(v) for v in row])
            self.count += 1
            if self.buffer.tell() >= CSV_CHUNK:
                return self._take()
        self.done = True
        return self._take()

    def error_row(self, reason: str) -> bytes:
        self.writer.writerow([ERROR_MARK, f"export cut short after {self.count} rows: {reason}"])
        return self._take()

    def _take(self) -> bytes:
        data = self.buffer.getvalue().encode()
        self.buffer.seek(0)
        self.buffer.truncate()
        return data

    def close(self) -> None:
        self.db.close()


class CsvExport(Response):
    """A streamed export whose failure aborts the transfer (see the module docstring)."""

    def __init__(self, chunks: Chunks, first: bytes, name: str) -> None:
        self.chunks, self.first, self.name = chunks, first, name
        settings = csv_headers(name)
        self.status_code = 200
        self.media_type = settings["media_type"]
        self.background = None
        self.init_headers(settings["headers"])  # no body attribute: no Content-Length, chunked

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        completed = False
        try:
            await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
            async with anyio.create_task_group() as group:

                async def stream() -> None:
                    nonlocal completed
                    completed = await self._stream(send)
                    group.cancel_scope.cancel()

                group.start_soon(stream)
                await _wait_for_disconnect(receive)
                group.cancel_scope.cancel()  # the client left: stop reading
        finally:
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(self.chunks.close)
        if completed:
            return
        # failed: leave without the final empty body message; the server closes the connection
        # without the terminating chunk, and the client sees an incomplete transfer

    async def _stream(self, send: Send) -> bool:
        """Send every chunk; True when the export completed, False when it was cut short."""
        chunk: bytes | None = self.first
        while chunk is not None:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
            try:
                chunk = await anyio.to_thread.run_sync(self.chunks.next)
            except DatabaseError as exc:
                log.error(
                    "CSV export of %s cut short after %d rows: %s", self.name, self.chunks.count, exc.detail
                )
                await self._send_error(send, exc.detail)
                return False
            except Exception:
                log.exception("CSV export of %s failed after %d rows", self.name, self.chunks.count)
                await self._send_error(send, "the server failed; it has been logged")
                return False
        await send({"type": "http.response.body", "body": b"", "more_body": False})
        return True

    async def _send_error(self, send: Send, reason: str) -> None:
        await send({"type": "http.response.body", "body": self.chunks.error_row(reason), "more_body": True})


async def _wait_for_disconnect(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


async def csv_export(request: Request, resource: Resource, values: Mapping[str, Any], sort: Sort) -> Response:
    """Every matching row as CSV. The filters are checked and the first chunk read before the
    response starts, so a bad filter is still a 422 and an unreachable database a 503."""
    db: ReadDatabase = request.app.state.db
    filters = resource.build(db, values)  # a bad filter is a 422 even for HEAD
    if is_head(request.scope):
        return Response(**csv_headers(resource.name))  # HEAD: no export to run
    paging.check_sort(resource, sort)
    reader = db.fork(request.app.state.settings.export_timeout_s)
    chunks = Chunks(reader, resource, resource.csv_rows(reader, paging.walk(reader, resource, filters, sort)))
    try:
        first = await anyio.to_thread.run_sync(chunks.next)
    except BaseException:
        await anyio.to_thread.run_sync(chunks.close)
        raise
    return CsvExport(chunks, first or b"", resource.name)
