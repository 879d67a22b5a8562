"""Analysts' read-only Cypher queries."""

from __future__ import annotations

from fastapi import APIRouter

from gxgraph.api.deps import AnalystKey, StoreDep
from gxgraph.api.errors import ERROR_RESPONSES
from gxgraph.services.queries import QueryRequest, QueryResult, run_query

router = APIRouter(tags=["query"], responses=ERROR_RESPONSES)


@router.post("/query")
def query(body: QueryRequest, store: StoreDep, _: AnalystKey) -> QueryResult:
    """Run a Cypher read with parameters; the store refuses writes, and files and procedures are refused."""
    return run_query(store, body)
