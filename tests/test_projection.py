"""The analytics projection: identical from both stores, rebuilt exactly when the graph changes."""

from __future__ import annotations

import gc
import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import networkx as nx

from gxgraph.analytics.columns import (
    NODE_COLUMNS,
    RELATIONSHIP_COLUMNS,
    ProjectionBuilder,
    column_rows,
    graph_from_columns,
)
from gxgraph.services.projection import ProjectionCache, build_projection, collector_paused
from gxgraph.store.base import GraphStore, Row
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
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    built = build_projection(sample_store)
    assert _strip_times(built.graph) == _strip_times(graph_from_columns(*column_rows(rows)))
    assert built.version == sample_store.graph_version()


def test_projection_pages_give_the_columns_and_the_same_graph(sample_store: GraphStore) -> None:
    pages = list(sample_store.iter_projection(page_size=37))
    assert len(pages) > 2
    nodes, relationships = pages[0]
    assert sorted(nodes[0]) == sorted(["id", *NODE_COLUMNS])
    assert sorted(relationships[0]) == sorted(["from", "type", "to", *RELATIONSHIP_COLUMNS])
    builder = ProjectionBuilder()
    for nodes, relationships in pages:
        builder.add_nodes(nodes)
        builder.add_relationships(relationships)
    whole = build_projection(sample_store).graph
    assert list(builder.graph().edges(keys=True, data=True)) == list(whole.edges(keys=True, data=True))
    assert list(builder.graph().nodes(data=True)) == list(whole.nodes(data=True))


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
    recomputed, served = cache.compute("count", lambda graph: count(graph, "edges"))
    assert (recomputed, len(calls), served.projection.version) == (2, 2, second.version)
    assert served.versions_behind == 0


class GatedStore:
    """A real store whose projection reads wait for a gate: holds a projection build or advance mid-way."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self.gate = threading.Event()
        self.gate.set()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def iter_projection(self, page_size: int = 10_000) -> Iterator[tuple[list[Row], list[Row]]]:
        assert self.gate.wait(30), "the test never opened the gate"
        yield from self._store.iter_projection(page_size)

    def graph_write_entries(self, after_version: int, limit: int) -> list[Row]:
        """The audit log a projection is advanced from (see advance_projection), held the same way."""
        assert self.gate.wait(30), "the test never opened the gate"
        return self._store.graph_write_entries(after_version, limit)


def test_answers_come_from_the_last_projection_while_the_next_builds(store: GraphStore) -> None:
    load_jsonl(store, jsonl(GOOD[:3]))
    gated = GatedStore(store)
    cache = ProjectionCache(gated, max_wait=0.05)
    first = cache.get()
    gated.gate.clear()
    load_jsonl(store, jsonl(GOOD[3:]))
    started = time.perf_counter()
    value, served = cache.compute("edges", lambda graph: graph.number_of_edges())
    assert time.perf_counter() - started < 5
    assert (value, served.projection.version) == (0, first.version)
    assert served.latest_version == store.graph_version()
    assert served.versions_behind == store.graph_version() - first.version > 0
    gated.gate.set()
    deadline = time.monotonic() + 30
    while cache.serve().versions_behind and time.monotonic() < deadline:
        time.sleep(0.05)
    value, served = cache.compute("edges", lambda graph: graph.number_of_edges())
    assert (served.projection.version, served.versions_behind) == (store.graph_version(), 0)
    assert value == 2  # GOOD[3:] holds two relationships


def test_concurrent_requests_for_one_answer_compute_it_once(store: GraphStore) -> None:
    load_jsonl(store, jsonl(GOOD[:3]))
    cache = ProjectionCache(store)
    projection = cache.get()
    calls: list[int] = []
    release = threading.Event()

    def slow(graph: nx.MultiDiGraph) -> int:
        calls.append(1)
        release.wait(10)
        return int(graph.number_of_nodes())

    answers: list[int] = []
    workers = [
        threading.Thread(target=lambda: answers.append(cache.compute_on(projection, "slow", slow)))
        for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    time.sleep(0.2)  # all four are now in: one computing, three waiting for it
    release.set()
    for worker in workers:
        worker.join(10)
    assert (answers, len(calls)) == ([3, 3, 3, 3], 1)


def test_analyses_run_with_the_cycle_collector_paused_until_the_last_ends(store: GraphStore) -> None:
    load_jsonl(store, jsonl(GOOD[:3]))
    cache = ProjectionCache(store)
    projection = cache.get()
    inside, release = threading.Barrier(3), threading.Event()
    seen: dict[str, bool] = {}

    def analysis(name: str) -> Any:
        def compute(graph: nx.MultiDiGraph) -> bool:
            inside.wait(10)
            release.wait(10)
            seen[name] = gc.isenabled()
            return True

        return lambda: cache.compute_on(projection, name, compute)

    first, second = (threading.Thread(target=analysis(name)) for name in ("first", "second"))
    first.start()
    second.start()
    inside.wait(10)  # both are computing
    assert not gc.isenabled()
    release.set()
    first.join(10)
    second.join(10)
    assert seen == {"first": False, "second": False}
    assert gc.isenabled()
    gc.disable()  # a process that turned the collector off keeps it off
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_heavy_analyses_are_precomputed_on_each_new_projection(sample_store: GraphStore) -> None:
    from gxgraph.analyses import ANALYSES
    from gxgraph.analyses.spec import memo_key, precompute, widest_limit

    cache = ProjectionCache(sample_store, on_build=precompute(ANALYSES))
    projection = cache.get()
    heavy = [spec for spec in ANALYSES if spec.precompute]
    assert {spec.name for spec in heavy} == {"brokers", "communities", "central-institutions"}
    keys = [memo_key(spec, spec.params(limit=widest_limit(spec.params))) for spec in heavy]
    deadline = time.monotonic() + 60
    while not all(key in projection.memo for key in keys) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(key in projection.memo for key in keys)
    # After a write, only what requests asked of the replaced projection is computed again.
    brokers = next(spec for spec in heavy if spec.name == "brokers")
    cache.compute(keys[heavy.index(brokers)], lambda graph: None)  # a request asks for brokers
    load_jsonl(sample_store, jsonl(GOOD[:1]))
    rebuilt = cache.get()
    assert rebuilt is not projection
    for worker in threading.enumerate():
        if worker.name == "precompute":
            worker.join(60)
    assert [key in rebuilt.memo for key in keys] == [spec is brokers for spec in heavy]
