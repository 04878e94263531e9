"""A list endpoint built from its :class:`~app.queries.resource.Resource`.

The endpoint's query parameters (what FastAPI validates and OpenAPI lists), the names the
parameter check accepts, the SQL and the CSV columns all come from the one declaration. The
endpoint is a plain async function with a generated signature: no FastAPI dependencies, whose
per-request resolution cost more than a small page's queries.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Literal

from fastapi import Query, Request
from starlette.responses import Response

from app.api.deps import Cursor, Format, Limit, check_params
from app.api.responses import list_response
from app.queries.resource import Filter, Resource

Endpoint = Callable[..., Awaitable[Response]]
KEYWORD = inspect.Parameter.KEYWORD_ONLY
SORT_DOC = (
    "id: oldest stored first (the default); -published_at: newest first by the publication date of "
    "the earliest source reporting each item, items with no dated source last"
)
Sort = Annotated[Literal["id", "-published_at"], Query(description=SORT_DOC)]


def list_endpoint(resource: Resource) -> Endpoint:
    """``GET /<resource.name>``: one JSON page, or every matching row as CSV."""
    paging = ["limit", "cursor", "format", *(["sort"] if resource.dated else [])]
    allowed = resource.filter_names | frozenset(paging)

    async def endpoint(request: Request, **values: Any) -> Response:
        check_params(request, allowed)
        limit, cursor, fmt = values.pop("limit"), values.pop("cursor"), values.pop("format")
        sort = values.pop("sort", "id")
        return list_response(request, resource, values, limit=limit, cursor=cursor, fmt=fmt, sort=sort)

    parameters = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)]
    parameters += [_parameter(spec) for spec in resource.filters]
    parameters += [
        inspect.Parameter("limit", KEYWORD, annotation=Limit, default=50),
        inspect.Parameter("cursor", KEYWORD, annotation=Cursor, default=None),
    ]
    if resource.dated:
        parameters.append(inspect.Parameter("sort", KEYWORD, annotation=Sort, default="id"))
    parameters.append(inspect.Parameter("format", KEYWORD, annotation=Format, default=None))
    endpoint.__signature__ = inspect.Signature(parameters, return_annotation=Response)  # type: ignore[attr-defined]
    endpoint.__name__ = f"list_{resource.name}"
    return endpoint


def _parameter(spec: Filter) -> inspect.Parameter:
    """``name: Annotated[type | None, Query(...)] = None``, made at run time from the declaration."""
    query = Query(description=spec.doc, **spec.limits)
    annotation = Annotated.__class_getitem__((spec.type | None, query))  # type: ignore[attr-defined]
    return inspect.Parameter(spec.name, KEYWORD, annotation=annotation, default=None)
