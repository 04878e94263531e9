"""The OpenAPI document, completed with what FastAPI cannot infer from the routes.

FastAPI puts an error model under ``application/json`` and documents its own validation-error
shape for 422; this API answers every error as RFC 9457 ``application/problem+json``. It also
cannot know that JSON answers carry an ``ETag`` (and a ``304`` for a matching ``If-None-Match``)
and that list pages carry a ``Link: rel="next"`` header. A generated client reads all of this.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from app.api.problems import PROBLEM_JSON, PROBLEM_TYPES

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
ETAG = {
    "description": "entity tag of the body; send it back in If-None-Match to get a 304 when unchanged",
    "schema": {"type": "string"},
}
LINK = {
    "description": 'the next page, `<...?cursor=...>; rel="next"`; absent on the last page',
    "schema": {"type": "string"},
}
NOT_MODIFIED = {
    "description": "Not Modified: the If-None-Match ETag still matches",
    "headers": {"ETag": ETAG},
}
SERVER_ERROR = {"description": "A bug on the server (logged there); the body says no more"}
UNUSED = ("HTTPValidationError", "ValidationError")


def install(app: FastAPI) -> None:
    """Replace ``app.openapi`` with one that completes the generated document once."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            complete(generate())
        return app.openapi_schema  # type: ignore[return-value]

    app.openapi = openapi  # type: ignore[method-assign]


def complete(schema: dict[str, Any]) -> None:
    problem_types = ", ".join(f"`/problems/{slug}`" for slug in PROBLEM_TYPES)
    schema["components"]["schemas"]["Problem"]["properties"]["type"]["description"] = (
        f"URI of the problem type: {problem_types} (GET it for an explanation), or about:blank"
    )
    for operations in schema["paths"].values():
        for operation in operations.values():
            _errors_as_problems(operation)
            if _answers_json(operation):
                names = {p["name"] for p in operation.get("parameters", [])}
                _caching(operation, listing="cursor" in names)
    for name in UNUSED:
        schema["components"]["schemas"].pop(name, None)


def _errors_as_problems(operation: dict[str, Any]) -> None:
    responses = operation["responses"]
    responses.setdefault("500", SERVER_ERROR)
    for status, response in responses.items():
        if status[0] in "45" and "text/plain" not in response.get("content", {}):  # the HTTP server's own
            response["content"] = {PROBLEM_JSON: {"schema": PROBLEM_REF}}
            if status == "422":
                response["description"] = "Invalid parameter"
            if status == "503":
                response["headers"] = {
                    "Retry-After": {"description": "seconds", "schema": {"type": "integer"}}
                }


UNCACHED = frozenset({"jobs-get"})  # a job's state changes under the client: no-store, no ETag


def _answers_json(operation: dict[str, Any]) -> bool:
    """JSON answers of the read API (and only those) carry an ETag."""
    if operation.get("operationId") in UNCACHED:
        return False
    ok = operation["responses"].get("200")
    return ok is not None and set(ok.get("content", {})) <= {"application/json", "text/csv"}


def _caching(operation: dict[str, Any], *, listing: bool) -> None:
    ok = operation["responses"]["200"]
    ok["headers"] = {"ETag": ETAG, **({"Link": LINK} if listing else {})}
    operation["responses"]["304"] = NOT_MODIFIED  # If-None-Match is not listed as a parameter: a
    # fuzzer would send it unparsable values the HTTP server itself refuses (400) before the app
