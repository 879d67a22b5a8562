"""Analysts' read-only Cypher queries."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header
from fastapi.responses import StreamingResponse

from gxgraph.api.deps import AnalystKey, StoreDep
from gxgraph.api.errors import ERROR_RESPONSES
from gxgraph.services.queries import QueryRequest, QueryResult, run_query, stream_query

router = APIRouter(tags=["query"], responses=ERROR_RESPONSES)

JSON_LINES = "application/x-ndjson"


@router.post(
    "/query",
    response_model=QueryResult,
    responses={200: {"content": {JSON_LINES: {"schema": {"type": "string"}}}}},
)
def query(
    body: QueryRequest,
    store: StoreDep,
    _: AnalystKey,
    accept: Annotated[
        str | None, Header(description=f"`{JSON_LINES}` streams the rows as JSON Lines.")
    ] = None,
) -> Any:
    """Run a Cypher read with parameters; the store refuses writes, and files and procedures are refused."""
    if accept is not None and JSON_LINES in accept:
        return StreamingResponse(stream_query(store, body), media_type=JSON_LINES)
    return run_query(store, body)
