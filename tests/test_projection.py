"""The analytics projection: identical from both stores, rebuilt exactly when the graph changes."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from gxgraph.analytics.graph import graph_from_rows
from gxgraph.services.projection import ProjectionCache, build_projection
from gxgraph.store.base import GraphStore
from tests.conftest import SAMPLE, load_jsonl
from tests.test_imports import GOOD, jsonl


def _strip_times(graph: nx.MultiDiGraph) -> tuple[list[Any], list[Any]]:
    nodes = [(n, {k: v for k, v in a.items() if k != "updated_at"}) for n, a in graph.nodes(data=True)]
    edges = [
        (u, v, k, {x: y for x, y in a.items() if x != "updated_at"})
        for u, v, k, a in graph.edges(keys=True, data=True)
    ]
    return nodes, edges


def test_projection_of_the_sample_equals_the_file(sample_store: GraphStore) -> None:
    expected = graph_from_rows(json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines())
    built = build_projection(sample_store)
    assert _strip_times(built.graph) == _strip_times(expected)
    assert built.version == sample_store.graph_version()


def test_cache_reuses_until_a_write_then_rebuilds(store: GraphStore) -> None:
    load_jsonl(store, jsonl(GOOD[:3]))
    cache = ProjectionCache(store)
    first = cache.get()
    assert cache.get() is first
    calls: list[str] = []

    def count(graph: nx.MultiDiGraph, what: str = "nodes") -> int:
        calls.append(what)
        return int(graph.number_of_nodes() if what == "nodes" else graph.number_of_edges())

    result, _ = cache.compute("count", count)
    again, _ = cache.compute("count", count)
    assert (result, again, len(calls)) == (3, 3, 1)
    load_jsonl(store, jsonl(GOOD[3:]))
    second = cache.get()
    assert second is not first
    assert second.version > first.version
    assert second.graph.number_of_edges() == 2
    recomputed, projection = cache.compute("count", lambda graph: count(graph, "edges"))
    assert (recomputed, len(calls), projection.version) == (2, 2, second.version)
