"""The explorer's pages: ``/`` and ``/explore/...``, one per JSON list or detail endpoint.

A page's path is its JSON endpoint's path under ``/explore`` and its query string is the same
filter, so ``/explore/quotes?speaker=Lopez`` shows what ``/quotes?speaker=Lopez`` returns (and
``&format=csv`` downloads). Handlers are thin: validate the query string (forms), read
(data), render (templates). Bad input gets an HTML error page with the reason, never a 500.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from app.queries.database import ReadDatabase
from app.web import article, chart, data, render
from app.web.forms import (
    BASES,
    EventForm,
    FigureForm,
    FormError,
    NoParams,
    PeopleForm,
    PersonForm,
    QuoteForm,
    SourceForm,
)

router = APIRouter(include_in_schema=False)
Handler = Callable[..., Awaitable[Response]]
MAX_ID = 2**62


class PageNotFound(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def html_errors(handler: Handler) -> Handler:
    """Bad parameters (422), unknown ids (404) and an unreachable database (503) as HTML pages."""

    @functools.wraps(handler)
    async def wrapper(request: Request, *args: Any, **kwargs: Any) -> Response:
        try:
            return await handler(request, *args, **kwargs)
        except FormError as exc:
            return render.error(request, 422, exc.problems)
        except data.InvalidParameter as exc:
            return render.error(request, 422, [f"{exc.name}: {exc.message}"])
        except PageNotFound as exc:
            return render.error(request, 404, [exc.message])
        except data.DatabaseError as exc:
            return render.error(request, 503, [exc.detail, "Try again in a moment."])

    return wrapper


def get(path: str) -> Callable[[Handler], Handler]:
    """A GET (and HEAD) page route whose errors are HTML."""

    def decorate(handler: Handler) -> Handler:
        return router.api_route(path, methods=["GET", "HEAD"], response_model=None)(html_errors(handler))

    return decorate


def parse_id(raw: str, kind: str) -> int:
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 19) or not 1 <= int(raw) <= MAX_ID:
        raise PageNotFound(f"no {kind} with id {raw!r}: ids are whole numbers from 1")
    return int(raw)


def api_query(form: Any, names: tuple[str, ...]) -> dict[str, str]:
    """The part of a page's query its JSON endpoint takes (for the JSON and CSV links)."""
    return {k: v for k, v in form.query().items() if k in names}


def database(request: Request) -> ReadDatabase:
    """The process's one read connection, opened by the API app's lifespan (app.api.main); read
    from app.state rather than through app.api.deps so app.web never imports app.api."""
    return request.app.state.db


def total_cap(request: Request) -> int:
    return request.app.state.settings.total_cap


@get("/")
async def home(request: Request) -> Response:
    """The search box; ``/?q=...`` (a search typed into the address bar) is the quote search."""
    if request.url.query:
        return RedirectResponse(f"/explore/quotes?{request.url.query}", status_code=303)
    return render.page(request, "home.html", **data.overview(database(request)))


@get("/explore")
async def explore(request: Request) -> Response:
    return RedirectResponse("/", status_code=308)


@get("/explore/quotes")
async def quote_search(request: Request) -> Response:
    form = QuoteForm.parse(request.query_params)
    db = database(request)
    found = data.search_quotes(db, form, total_cap(request))
    named = data.people_named(db, form.q) if form.q and not form.speaker and not form.cursor else []
    return render.page(
        request, "quotes.html", form=form, query=form.query(), listing=found, people_named=named,
        api=api_query(form, data.QUOTE_PARAMS), bases=BASES if data.BASIS_FILTER else (),
    )  # fmt: skip


@get("/explore/people")
async def people_list(request: Request) -> Response:
    form = PeopleForm.parse(request.query_params)
    found = data.list_people(database(request), form, total_cap(request))
    return render.page(
        request, "people.html", form=form, query=form.query(), listing=found,
        api=api_query(form, data.PEOPLE_PARAMS),
    )  # fmt: skip


@get("/explore/people/{ident}")
async def person_page(request: Request, ident: str) -> Response:
    form = PersonForm.parse(request.query_params)
    person_id = parse_id(ident, "person")
    found = data.person(database(request), person_id, form.before)
    if found is None:
        raise PageNotFound(f"no person with id {person_id}")
    return render.page(request, "person.html", person=found, form=form)


@get("/explore/people/{ident}/chart.svg")
async def person_chart(request: Request, ident: str) -> Response:
    """The quotes-over-time chart, an image of its own: it reads every quote of the person (10^5
    for the most quoted at a million), so the page does not wait for it; kept for a few minutes."""
    NoParams.parse(request.query_params)
    person_id = parse_id(ident, "person")
    per_month = data.quotes_per_month(database(request), person_id)
    if per_month is None:
        raise PageNotFound(f"no person with id {person_id}")
    return render.svg(request, "chart.svg", chart=chart.build(per_month))


@get("/explore/sources")
async def source_list(request: Request) -> Response:
    form = SourceForm.parse(request.query_params)
    db = database(request)
    found = data.list_sources(db, form)
    outlets = [(key, name) for key, name, _ in data.outlets(db)]
    if form.publisher and form.publisher.casefold() not in {key for key, _ in outlets}:
        outlets.append((form.publisher.casefold(), form.publisher))  # keep the filter visible
    return render.page(
        request, "sources.html", form=form, query=form.query(), listing=found, outlets_choices=outlets,
        api=api_query(form, data.SOURCE_PARAMS),
    )  # fmt: skip


@get("/explore/sources/{ident}")
async def article_page(request: Request, ident: str) -> Response:
    NoParams.parse(request.query_params)
    source_id = parse_id(ident, "article")
    found = data.article(database(request), source_id)
    if found is None:
        raise PageNotFound(f"no article with id {source_id}")
    facts = found["facts"]
    return render.page(
        request, "article.html", source=found, text=article.marked_text(found["text"], facts),
        groups=article.side_list(facts),
    )  # fmt: skip


@get("/explore/figures")
async def figure_list(request: Request) -> Response:
    form = FigureForm.parse(request.query_params)
    found = data.list_figures(database(request), form, total_cap(request))
    return render.page(
        request, "figures.html", form=form, query=form.query(), listing=found,
        api=api_query(form, data.FIGURE_PARAMS),
    )  # fmt: skip


@get("/explore/figures/{ident}")
async def figure_page(request: Request, ident: str) -> Response:
    NoParams.parse(request.query_params)
    figure_id = parse_id(ident, "figure")
    group = data.figure_with_conflicts(database(request), figure_id)
    if group is None:
        raise PageNotFound(f"no figure with id {figure_id}")
    return render.page(request, "figure.html", figure=group[0], group=group)


@get("/explore/events")
async def event_timeline(request: Request) -> Response:
    form = EventForm.parse(request.query_params)
    found = data.timeline(database(request), form)
    return render.page(
        request, "events.html", form=form, query=form.query(), listing=found,
        api=api_query(form, data.EVENT_PARAMS),
    )  # fmt: skip


@get("/explore/{rest:path}")
async def unknown_page(request: Request, rest: str) -> Response:
    raise PageNotFound(f"there is no explorer page at /explore/{rest}")
