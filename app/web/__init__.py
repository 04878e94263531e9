"""The newsroom explorer: server-rendered web pages over the same query layer as the JSON API.

:func:`mount` adds them to the API application: ``/`` (search) and ``/explore/...`` (quotes,
people, articles with their facts marked, figures and their conflicts, events, sources), plus
their stylesheet and script under ``/explore/static``.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from app.web.render import STATIC, STATIC_URL, preload
from app.web.routes import router


def mount(app: FastAPI) -> None:
    preload()
    # the static files first: the explorer's catch-all 404 page would otherwise answer for them
    app.mount(STATIC_URL, StaticFiles(directory=STATIC), name="explorer-static")
    app.include_router(router)
