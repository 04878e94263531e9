"""What every endpoint shares: the read database, the parameter check, the ``{id}`` path parameter."""

from __future__ import annotations

from fastapi import Path, Request

from app.queries.common import InvalidParameter
from app.queries.database import ReadDatabase

MAX_PARAMS = 16


def check_params(request: Request, allowed: frozenset[str]) -> None:
    """Refuse unknown, too many or NUL-carrying query parameters (422).

    A plain call rather than a FastAPI dependency: resolving dependencies is per-request type
    introspection, and it cost more than the queries of a small page in the profile.
    """
    items = request.query_params.multi_items()
    if len(items) > MAX_PARAMS:
        raise InvalidParameter("query", f"too many query parameters ({len(items)}; at most {MAX_PARAMS})")
    for key, value in items:
        if key not in allowed:
            raise InvalidParameter(
                key, f"unknown parameter; this endpoint accepts {', '.join(sorted(allowed))}"
            )
        if "\x00" in value:
            raise InvalidParameter(key, "must not contain NUL characters")


def database(request: Request) -> ReadDatabase:
    return request.app.state.db


def item_id(kind: str) -> object:
    """The ``{id}`` path parameter of ``GET /<kind>s/{id}``: named ``id`` in OpenAPI."""
    return Path(ge=1, le=2**62, description=f"the {kind}'s id", examples=[1])
