"""Two small ASGI layers around the whole application (plain ASGI: no per-request task or body copy).

- :class:`HeadAsGet`: ``HEAD`` answers on every ``GET`` route with the headers ``GET`` would give
  and no body (FastAPI routes list GET only, so HEAD was a 405 while CORS advertised it).
- :class:`Unexpected`: an exception nothing else handled is a bug: logged once with its traceback
  and answered with a generic 500 problem+json (Starlette's own last-resort handler would log it a
  second time and re-raise it into the server).
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.problems import problem

HEAD_FLAG = "kb.head"  # set in the scope of a HEAD request answered as a GET
log = logging.getLogger("app.api")


def is_head(scope: Scope) -> bool:
    return bool(scope.get(HEAD_FLAG))


class HeadAsGet:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        finished = False

        async def headers_only(message: Message) -> None:
            nonlocal finished
            if message["type"] == "http.response.body":
                if finished:
                    return
                finished = True
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET", HEAD_FLAG: True}, receive, headers_only)


class Unexpected:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:
            log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            if not started:  # once a response has begun, the connection can only be cut short
                await _internal_error(scope)(scope, receive, send)


def _internal_error(scope: Scope) -> Any:
    return problem(
        500,
        "the server failed to answer this request; it has been logged",
        slug="internal-error",
        instance=scope["path"],
    )
