"""GET /quotes and /quotes/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.api.deps import database, item_id
from app.api.problems import not_found
from app.api.responses import json_response
from app.api.routers import ERRORS, add_list_route
from app.queries import quotes
from app.schemas.quotes import Quote, QuoteList

router = APIRouter(prefix="/quotes", tags=["quotes"])
add_list_route(
    router,
    quotes.RESOURCE,
    summary="List quotes",
    description="Quotes with their speaker, topics and evidence; filters combine with AND.",
    response_model=QuoteList,
)


@router.get(
    "/{id}", operation_id="quotes-get", summary="Get one quote", response_model=Quote, responses=ERRORS
)
async def get_quote(request: Request, id: Annotated[int, item_id("quote")]) -> Response:
    item = quotes.get(database(request), id)
    return json_response(request, item) if item else not_found("quote", id, request)
