"""The in-memory projection analytics run on: built from the store once, rebuilt when the graph changes.

Every write bumps the store's graph version. Each request asks the store for the version (one cheap
query) and reuses the projection, and any memoised analytic result, only while the version is the
same, so no answer comes from a stale graph; every answer names the version it reflects.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import networkx as nx

from gxgraph.analytics.graph import graph_from_rows
from gxgraph.errors import StoreUnavailable
from gxgraph.services.records import public_props
from gxgraph.store.base import GraphStore

T = TypeVar("T")
MAX_BUILD_ATTEMPTS = 3
MAX_MEMO_ENTRIES = 256


@dataclass
class Projection:
    """A projection of one graph version, with the analytic results computed on it so far."""

    graph: nx.MultiDiGraph
    version: int
    build_seconds: float
    memo: OrderedDict[Hashable, Any] = field(default_factory=OrderedDict)


def build_projection(store: GraphStore) -> Projection:
    """Read the whole graph into a projection; retried while writes land during the read."""
    for _ in range(MAX_BUILD_ATTEMPTS):
        version = store.graph_version()
        start = time.perf_counter()
        rows = itertools.chain(
            (public_props(props) for props in store.iter_nodes()), store.iter_relationships()
        )
        graph = graph_from_rows(rows)
        if store.graph_version() == version:
            return Projection(graph=graph, version=version, build_seconds=time.perf_counter() - start)
    raise StoreUnavailable(f"the graph changed during {MAX_BUILD_ATTEMPTS} projection builds; try again")


class ProjectionCache:
    """One projection per process, rebuilt on a version change; safe to share between threads."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._current: Projection | None = None

    def get(self) -> Projection:
        """The projection of the store's current graph version."""
        version = self._store.graph_version()
        current = self._current
        if current is not None and current.version == version:
            return current
        with self._lock:
            if self._current is None or self._current.version != self._store.graph_version():
                self._current = build_projection(self._store)
            return self._current

    def compute(self, key: Hashable, compute: Callable[[nx.MultiDiGraph], T]) -> tuple[T, Projection]:
        """``compute(graph)`` on the current projection, memoised per graph version under ``key``."""
        projection = self.get()
        if key in projection.memo:
            projection.memo.move_to_end(key)
        else:
            projection.memo[key] = compute(projection.graph)
            while len(projection.memo) > MAX_MEMO_ENTRIES:
                projection.memo.popitem(last=False)
        result: T = projection.memo[key]
        return result, projection
