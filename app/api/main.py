"""The FastAPI application: settings, the read database, error handling, CORS and routers.

This module (and everything it imports) stays clear of spaCy: the API only reads.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline
from starlette.routing import Route

from app import __version__, web
from app.api import openapi, problems
from app.api.middleware import HeadAsGet, SlashRedirect, Unexpected
from app.api.routers import DIRECT, articles, events, figures, meta, people, quotes, sources
from app.queries.database import ReadDatabase
from app.settings import Settings, get_settings

DESCRIPTION = """
A source-attributed knowledge base built from news articles: **people**, **quotes**, **figures**
and **events**, each with **evidence** pointing into the **sources** they came from
(`source.text[start:end] == evidence.text`).

Every list endpoint takes `limit` (1-200), `cursor` (from `next_cursor`) and `source_id`, answers
`{"items", "total", "total_exact", "next_cursor"}` with a `Link: rel="next"` header, and returns
every matching row as CSV with `?format=csv` or `Accept: text/csv`. Errors are RFC 9457
`application/problem+json`.
"""

TAGS = [
    {"name": "quotes", "description": "Who said what, with the sentence it came from."},
    {"name": "people", "description": "People mentioned in the sources, with aliases and roles."},
    {"name": "figures", "description": "Numbers with what they measure, period and topics."},
    {"name": "events", "description": "Dated happenings with participants and places."},
    {"name": "sources", "description": "The ingested articles and their stored text."},
    {"name": "topics", "description": "The IPTC-aligned topic taxonomy."},
    {"name": "health", "description": "Service and database status."},
    {"name": "ingest", "description": "Send articles (API key required) and follow their ingest jobs."},
]


def telemetry_config() -> dict:
    """FastAPI's built-in OpenTelemetry hooks cost ~10% of a request even with no exporter; they are
    on only when the deployment configures OpenTelemetry (any ``OTEL_*`` variable)."""
    if any(k.startswith("OTEL_") for k in os.environ) or os.environ.get("FASTAPI_OTEL_AUTO_CONFIGURE"):
        return {}
    return {"tracing": False, "metrics": False, "logs": False, "operation_spans": False}


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.db = ReadDatabase(
            settings.database_url,
            query_timeout_ms=settings.query_timeout_ms,
            sqlite_cache_mb=settings.sqlite_cache_mb,
            sqlite_mmap_mb=settings.sqlite_mmap_mb,
        )
        try:
            yield
        finally:
            app.state.db.close()
            if getattr(app.state, "writes", None) is not None:
                app.state.writes.close()

    app = FastAPIOffline(  # /docs and /redoc with Swagger UI and ReDoc served from the package
        title="Newsroom Knowledge Base",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
        redirect_slashes=False,  # SlashRedirect redirects without trusting the Host header
        telemetry=telemetry_config(),
    )
    app.state.settings = settings
    problems.install(app)
    openapi.install(app)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "HEAD", "POST"],
        allow_headers=["*"],
        expose_headers=["ETag", "Link", "Location", "Retry-After"],
    )
    if settings.read_requires_key:
        from app.api.keyguard import ReadKeyMiddleware

        app.add_middleware(ReadKeyMiddleware)
    app.add_middleware(SlashRedirect, router=app.router)
    app.add_middleware(HeadAsGet)
    app.add_middleware(Unexpected)
    # first in the router, before the documented routes and the docs pages: a list request is
    # matched by the first route tried, not the sixth to ninth (each miss is a regex match)
    app.router.routes[0:0] = [
        Route(path, endpoint, methods=["GET"], include_in_schema=False) for path, endpoint in DIRECT.items()
    ]
    for module in (quotes, people, figures, events, sources, meta, articles):
        app.include_router(module.router)
    web.mount(app)  # the explorer: / and /explore/... (HTML pages, not in the OpenAPI document)
    return app
