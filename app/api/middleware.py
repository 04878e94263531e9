"""Two small ASGI layers around the whole application (plain ASGI: no per-request task or body copy).

- :class:`HeadAsGet`: ``HEAD`` answers on every ``GET`` route with the headers ``GET`` would give
  and no body (FastAPI routes list GET only, so HEAD was a 405 while CORS advertised it).
- :class:`SlashRedirect`: ``/quotes/`` is redirected to ``/quotes`` with a *relative*
  ``Location`` (Starlette's own redirect built an absolute URL from the ``Host`` header, so a
  forged Host sent a client, or a cache, to another site).
- :class:`Unexpected`: an exception nothing else handled is a bug: logged once with its traceback
  and answered with a generic 500 problem+json (Starlette's own last-resort handler would log it a
  second time and re-raise it into the server).
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from starlette.routing import Match, Router
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


class SlashRedirect:
    def __init__(self, app: ASGIApp, router: Router) -> None:
        self.app = app
        self.router = router

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        target = self._target(scope) if scope["type"] == "http" else None
        if target is None:
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        location = target + ("?" + query if query else "")
        headers = [(b"location", location.encode("latin-1")), (b"content-length", b"0")]
        await send({"type": "http.response.start", "status": 307, "headers": headers})
        await send({"type": "http.response.body", "body": b""})

    def _target(self, scope: Scope) -> str | None:
        """The path without its trailing slashes, when only that form names a route; never a
        path a browser would read as another host (``//host``, ``/\\host``)."""
        path: str = scope["path"]
        if len(path) < 2 or not path.endswith("/") or self._routed(scope):
            return None
        stripped = path.rstrip("/")
        if (
            not stripped
            or stripped.startswith(("//", "/\\"))
            or not self._routed({**scope, "path": stripped})
        ):
            return None
        return quote(stripped, safe="/:@!$&'()*+,;=~")

    def _routed(self, scope: Scope) -> bool:
        return any(route.matches(scope)[0] is Match.FULL for route in self.router.routes)


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
