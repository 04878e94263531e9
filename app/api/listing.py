"""A list endpoint built from its :class:`~app.queries.resource.Resource`.

The endpoint's query parameters (what is validated and what OpenAPI lists), the names the
parameter check accepts, the SQL and the CSV columns all come from the one declaration.

Why the parameters are one pydantic model per resource, validated in one call, rather than one
FastAPI parameter each: FastAPI re-inspects every declared parameter's annotation on every request
(about 0.02 ms a parameter in the profile), which for a list endpoint with a dozen parameters cost
as much as its page's queries. The model checks the same types and limits in pydantic-core; its
JSON schema documents the same parameters in OpenAPI. No FastAPI dependencies either, for the same
reason.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Literal

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model
from starlette.responses import Response

from app.api.deps import check_params
from app.api.export import csv_export
from app.api.responses import list_response, wants_csv
from app.queries.paging import Sort
from app.queries.resource import Resource

Endpoint = Callable[[Request], Awaitable[Response]]
SORT_DOC = (
    "id: oldest stored first (the default); -published_at: newest first by the publication date of "
    "the earliest source reporting each item, items with no dated source last"
)


class Paging(BaseModel):
    """The parameters every list endpoint takes besides its filters."""

    model_config = ConfigDict(extra="ignore")

    limit: int = Field(50, ge=1, le=200, description="page size")
    cursor: str | None = Field(None, max_length=200, description="next_cursor from the previous page")
    format: Literal["json", "csv"] | None = Field(
        None, description="csv: every matching row as CSV (also via Accept: text/csv)"
    )


class DatedPaging(Paging):
    sort: Literal["id", "-published_at"] = Field("id", description=SORT_DOC)


def parameters_model(resource: Resource) -> type[Paging]:
    """``<Name>Parameters``: the resource's filters (all optional) and the paging parameters."""
    fields: dict[str, Any] = {
        spec.name: (spec.type | None, Field(None, description=spec.doc, **spec.limits))
        for spec in resource.filters
    }
    base = DatedPaging if resource.dated else Paging
    return create_model(f"{resource.name.title()}Parameters", __base__=base, **fields)


def openapi_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    """The model's fields as OpenAPI query parameters, filters first, in declaration order."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    filters = [n for n in model.model_fields if n not in DatedPaging.model_fields]
    order = filters + [n for n in DatedPaging.model_fields if n in model.model_fields]
    return [
        {
            "name": name,
            "in": "query",
            "required": False,
            "description": model.model_fields[name].description,
            "schema": schema["properties"][name],
        }
        for name in order
    ]


def list_endpoint(resource: Resource) -> tuple[Endpoint, dict[str, Any]]:
    """``GET /<resource.name>`` (one JSON page, or every matching row as CSV) and its OpenAPI
    parameters."""
    model = parameters_model(resource)
    allowed = frozenset(model.model_fields)
    names = tuple(spec.name for spec in resource.filters)

    async def endpoint(request: Request) -> Response:
        check_params(request, allowed)
        try:
            params = model.model_validate(dict(request.query_params))
        except ValidationError as exc:
            raise RequestValidationError(
                [{**e, "loc": ("query", *e["loc"])} for e in exc.errors(include_url=False)]
            ) from None
        values = {name: getattr(params, name) for name in names}  # the filters' values, None if not given
        sort: Sort = getattr(params, "sort", "id")
        if wants_csv(request, params.format):
            return await csv_export(request, resource, values, sort)
        return list_response(
            request,
            resource,
            values,
            limit=params.limit,
            cursor=params.cursor,
            sort=sort,
        )

    endpoint.__name__ = f"list_{resource.name}"
    return endpoint, {"parameters": openapi_parameters(model)}
