"""Whole-graph reads: shortest paths, typeahead search, the schema and counts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool

from gxgraph.api.deps import FromNode, StoreDep, ToNode, ViewerKey
from gxgraph.api.errors import ERROR_RESPONSES
from gxgraph.domain.kinds import NodeKind
from gxgraph.domain.schema import REL_ENDPOINTS, field_filters
from gxgraph.services import graph

router = APIRouter(tags=["graph"], responses=ERROR_RESPONSES)


@router.get("/paths")
def get_paths(
    store: StoreDep,
    _: ViewerKey,
    from_id: FromNode,
    to_id: ToNode,
    max_hops: Annotated[int, Query(ge=1, le=6)] = 4,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> graph.PathsResult:
    """All shortest paths between two nodes, ignoring direction, with their nodes and relationships."""
    return graph.shortest_paths(store, from_id, to_id, max_hops=max_hops, limit=limit)


# A coroutine sending only the store call to the thread pool: one hop instead of two (FastAPI
# validates a sync handler's return value in the pool too).
@router.get("/search")
async def search(
    store: StoreDep,
    _: ViewerKey,
    q: Annotated[str, Query(min_length=1, max_length=200, description="English or Japanese text.")],
    kind: Annotated[list[NodeKind] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> list[graph.SearchHit]:
    """Typeahead over every kind: exact, prefix and substring matches on ids and both names."""
    return await run_in_threadpool(graph.search, store, q, kind, limit)


@router.get("/schema")
def get_schema(_: ViewerKey) -> dict[str, Any]:
    """The graph schema: node kinds with their filters and sort keys, and allowed relationship endpoints."""
    return {
        "kinds": {
            kind.value: {
                "label": kind.label,
                "collection": f"/v1/{kind.plural}",
                "filters": sorted(field_filters(kind).equality),
                "ranges": sorted(field_filters(kind).ranges),
                "sort": list(field_filters(kind).sortable),
            }
            for kind in NodeKind
        },
        "relationships": {
            rel.value: {"from": sorted(sources), "to": sorted(targets)}
            for rel, (sources, targets) in REL_ENDPOINTS.items()
        },
    }


@router.get("/stats")
def get_stats(store: StoreDep, _: ViewerKey) -> dict[str, Any]:
    """Node counts per kind, relationship counts per type, and the graph version."""
    version, counts = store.versioned_counts()
    return {**counts, "graph_version": version, "backend": store.backend}
