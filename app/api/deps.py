"""Request-scoped dependencies: the read database, list parameters and their limits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, Query, Request

from app.queries.common import InvalidParameter
from app.queries.database import ReadDatabase
from app.settings import Settings

MAX_PARAMS = 16
COMMON_PARAMS = {"limit", "cursor", "source_id", "format"}


async def get_db(request: Request) -> ReadDatabase:
    return request.app.state.db


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


@dataclass
class ListParams:
    limit: int
    cursor: str | None
    source_id: int | None
    format: str | None


async def list_params(
    limit: Annotated[int, Query(ge=1, le=200, description="page size")] = 50,
    cursor: Annotated[
        str | None, Query(max_length=200, description="next_cursor from the previous page")
    ] = None,
    source_id: Annotated[
        int | None, Query(ge=1, le=2**62, description="only facts found in this source")
    ] = None,
    format: Annotated[
        Literal["json", "csv"] | None,
        Query(description="csv: every matching row as CSV (also via Accept: text/csv)"),
    ] = None,
) -> ListParams:
    return ListParams(limit, cursor, source_id, format)


def known_params(*names: str):
    """A dependency rejecting unknown, repeated-too-often or NUL-carrying query parameters (422).

    Every dependency here is ``async def``: FastAPI runs a plain ``def`` one in a thread pool,
    and that hop alone cost a quarter of a small request's time in the profile.
    """
    allowed = COMMON_PARAMS | set(names)

    async def check(request: Request) -> None:
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

    return Depends(check)


DB = Annotated[ReadDatabase, Depends(get_db)]
Params = Annotated[ListParams, Depends(list_params)]
