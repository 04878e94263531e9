"""GET /quotes and /quotes/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from app.api.deps import Cursor, Format, Limit, SourceId, check_params, database
from app.api.problems import not_found
from app.api.responses import json_response, list_response
from app.api.routers import ERRORS, LIST_RESPONSES, TopicParam, q_param
from app.queries import quotes
from app.schemas.quotes import Quote, QuoteKind, QuoteList

router = APIRouter(prefix="/quotes", tags=["quotes"])
CSV_COLUMNS = ["id", "text", "kind", "speaker_id", "speaker_name", "speaker_type", "topics", "evidence"]


@router.get(
    "",
    operation_id="quotes-list",
    summary="List quotes",
    response_model=QuoteList,
    responses=LIST_RESPONSES,
)
async def list_quotes(
    request: Request,
    speaker: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            description="any name or alias of the speaker, any case; "
            "the surname alone works; organisations by name",
        ),
    ] = None,
    kind: Annotated[QuoteKind | None, Query(description="direct, partial or indirect")] = None,
    topic: TopicParam = None,
    q: Annotated[str | None, q_param("every word must occur in the quote (whole words, any case)")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    source_id: SourceId = None,
    format: Format = None,
) -> Response:
    """Quotes with their speaker, topics and evidence, newest ids last; filters combine with AND."""
    check_params(request, "speaker", "kind", "topic", "q")
    filters = quotes.QuoteFilters(
        speaker=speaker, kind=kind.value if kind else None, topic=topic, q=q, source_id=source_id
    )
    return list_response(
        request,
        quotes,
        filters,
        limit=limit,
        cursor=cursor,
        fmt=format,
        csv_columns=CSV_COLUMNS,
        name="quotes",
    )


@router.get(
    "/{quote_id}", operation_id="quotes-get", summary="Get one quote", response_model=Quote, responses=ERRORS
)
async def get_quote(request: Request, quote_id: Annotated[int, Path(ge=1, le=2**62)]) -> Response:
    item = quotes.get(database(request), quote_id)
    return json_response(request, item) if item else not_found("quote", quote_id, request)
