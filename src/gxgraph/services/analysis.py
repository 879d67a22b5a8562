"""Runs the analytics on the current projection and wraps each answer with the graph version it reflects.

Results are memoised per graph version and arguments (``ProjectionCache.compute``), so asking again
on an unchanged graph costs one version query.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

import networkx as nx
from pydantic import BaseModel, Field

from gxgraph.domain.kinds import NodeKind
from gxgraph.errors import NotFound
from gxgraph.services.graph import search
from gxgraph.services.projection import ProjectionCache
from gxgraph.store.base import GraphStore

T = TypeVar("T")


class Analysis(BaseModel, Generic[T]):
    """An analytic answer and the graph it was computed on."""

    graph_version: int = Field(
        description="The graph version the answer reflects (changes with every write)."
    )
    projection: dict[str, int] = Field(
        description="Size of the projection analysed: nodes and relationships."
    )
    latest_graph_version: int = Field(
        description="The store's graph version when the answer was given; ahead of `graph_version` when "
        "the answer comes from the last complete projection while a newer one builds."
    )
    versions_behind: int = Field(description="`latest_graph_version - graph_version`; 0 when current.")
    computed_ms: float = Field(description="Time to answer, including any projection rebuild.")
    results: T


def run(
    cache: ProjectionCache,
    key: Hashable,
    compute: Callable[[nx.MultiDiGraph], T],
    envelope: type[Analysis[Any]] = Analysis[Any],
) -> Analysis[T]:
    """``compute`` on the current projection (memoised under ``key``), in the answer envelope
    (``envelope``: a named subclass of :class:`Analysis`, so the OpenAPI schema reads well)."""
    start = time.perf_counter()
    result, served = cache.compute(key, compute)
    projection = served.projection
    return envelope(
        graph_version=projection.version,
        latest_graph_version=served.latest_version,
        versions_behind=served.versions_behind,
        projection=projection.size,
        computed_ms=round((time.perf_counter() - start) * 1000, 1),
        results=result,
    )


def resolve_topics(store: GraphStore, text: str, limit: int = 5) -> list[str]:
    """Field and technology ids that free text (English or Japanese) names: the best-ranked search hits."""
    hits = search(store, text, [NodeKind.FIELD, NodeKind.TECHNOLOGY], limit=limit)
    if not hits:
        raise NotFound(f"no field or technology matches {text!r}")
    best = hits[0].rank
    # An exact or prefix match names the topic; weaker substring hits would only dilute it.
    return [hit.id for hit in hits if hit.rank <= max(best, 1)]
