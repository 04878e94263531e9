"""Jinja2 templates to HTML responses: the environment, its filters, headers, the error page.

Every page is rendered on the server and complete without JavaScript. The Content-Security-Policy
lets a page load only what this server serves (its one stylesheet and script), so nothing leaves
the newsroom's network when a journalist opens it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from app.taxonomy import TOPICS

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
STATIC_URL = "/explore/static"

HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-cache",
}

TITLES = {
    400: "Bad request",
    404: "Not found",
    422: "Invalid parameter",
    503: "Database unavailable",
}


def url(path: str, query: dict[str, Any] | None = None, **changes: Any) -> str:
    """``path`` with ``query`` (updated by ``changes``) as its query string; empty values dropped."""
    merged = {**(query or {}), **changes}
    pairs = [(k, _param(v)) for k, v in merged.items() if v is not None and v != ""]
    return f"{path}?{urlencode(pairs)}" if pairs else path


def _param(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def number(value: Any) -> str:
    """12345 -> "12,345"; 2.5e9 -> "2,500,000,000"; None -> ""."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def day(value: Any) -> str:
    """A stored date or datetime as its ISO day ("2024-05-03"), or "undated"."""
    return str(value)[:10] if value else "undated"


def choices(values: Any, any_label: str) -> list[tuple[str, str]]:
    """Options of a <select>: "no filter" first, then each value as itself."""
    return [("", any_label), *((str(v), str(v)) for v in values)]


TOPIC_CHOICES = [("", "Any topic"), *((t.slug, t.label) for t in TOPICS)]


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(number=number, day=day)
    env.globals.update(
        url=url, static=STATIC_URL, topics=TOPICS, topic_choices=TOPIC_CHOICES, choices=choices
    )
    return env


ENV = _environment()


def preload() -> None:
    """Compile every template now, so no reader's first request pays for it (~10 ms each)."""
    for name in ENV.list_templates(extensions=["html", "svg"]):
        ENV.get_template(name)


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    body = ENV.get_template(template).render(request_path=request.url.path, **context)
    return HTMLResponse(body, status_code=status, headers=HEADERS)


def svg(request: Request, template: str, **context: Any) -> Response:
    """An SVG image; the server keeps its data a few minutes, so may the browser."""
    body = ENV.get_template(template).render(request_path=request.url.path, **context)
    headers = {**HEADERS, "Cache-Control": "max-age=300"}
    return Response(body, media_type="image/svg+xml", headers=headers)


def error(request: Request, status: int, problems: list[str], title: str | None = None) -> HTMLResponse:
    """A readable error page: what was wrong, and a way back (never a traceback)."""
    headers = {"Retry-After": "1"} if status == 503 else {}
    response = page(
        request, "error.html", status, title=title or TITLES.get(status, "Error"), problems=problems,
        code=status,
    )  # fmt: skip
    response.headers.update(headers)
    return response
