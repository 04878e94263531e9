"""``KB_READ_REQUIRES_KEY=true``: the read endpoints answer only requests carrying a valid key.

A plain ASGI middleware, installed only when the setting is on, so the open default costs the
read path nothing. The service's own status and description stay open (health checks, /docs).
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from app.api.problems import problem
from app.api.writes import writes

OPEN_PATHS = {"/healthz", "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}


class ReadKeyMiddleware:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        if scope["path"].startswith("/jobs/"):  # checks its key itself
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        scheme, _, key = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            ok = False
        else:
            ok = await run_in_threadpool(writes(request).authenticate, key.strip()) is not None
        if ok:
            await self.app(scope, receive, send)
            return
        response = problem(
            401,
            "this server requires an API key for reads (Authorization: Bearer <key>)",
            slug="unauthorized",
            title="Unauthorized",
            instance=scope["path"],
            headers={"WWW-Authenticate": 'Bearer realm="kb"'},
        )
        await response(scope, receive, send)
