"""The in-memory projection analytics run on: built from the store once, then kept current.

Every write bumps the store's graph version. Each request asks the store for the version (one cheap
query) and reuses the projection, and any memoised analytic result, while the version is the same.
After a write the projection is advanced in the background by the changes the audit log holds since
its version (:mod:`gxgraph.analytics.delta`: milliseconds for a single write at any graph size), or
rebuilt from the store when there are too many of them. Every process (each uvicorn worker, each
host) keeps its own projection this way, so a write through any of them reaches all of them. An
answer that cannot wait for the next projection comes from the last complete one and says so:
every answer names the version it reflects and how many versions the store is ahead of it.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import networkx as nx

from gxgraph.analytics.columns import ProjectionBuilder
from gxgraph.analytics.delta import DeltaMismatch, apply_changes
from gxgraph.errors import GxGraphError, StoreUnavailable
from gxgraph.services.prefetch import read_ahead
from gxgraph.store.base import GraphStore
from gxgraph.store.journal import decode_changes

log = logging.getLogger("gxgraph.analytics")
T = TypeVar("T")
MAX_BUILD_ATTEMPTS = 3
MAX_MEMO_ENTRIES = 256
MAX_DELTA_ENTRIES = 1000
"""Most writes a projection is advanced by from the audit log rather than rebuilt."""
MAX_DELTA_CHANGES = 100_000
"""Most changed items a projection is advanced by (applying them is far cheaper than a build up to
well past this; past it, a build also frees what the old projection shared)."""


@dataclass
class Projection:
    """A projection of one graph version, with the analytic results computed on it so far."""

    graph: nx.MultiDiGraph
    version: int
    build_seconds: float
    memo: OrderedDict[Hashable, Any] = field(default_factory=OrderedDict)
    asked: set[Hashable] = field(default_factory=set)
    """Memo keys requests asked for (not those only precomputed)."""
    # Counted once: NetworkX counts a multigraph's edges by walking every node, on each call.
    size: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.size:
            self.size = {"nodes": self.graph.number_of_nodes(), "relationships": self.graph.number_of_edges()}


class _Pauses:
    """How many sections pause the collector now, and whether it ran before the first of them."""

    lock = threading.Lock()
    count = 0
    resume = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a projection is built or an analysis runs, and on again when
    the last such section ends (sections overlap across threads).

    The millions of objects a build or an analysis makes trigger full collections that walk every
    object of the projection again: a third of a 100k build's Python time, and 21 % of the whole
    analytics suite's at 300k nodes (205 s against 260 s). What they leave is freed by reference
    counting; the rare cycles, at the next collection after the section.
    """
    with _Pauses.lock:
        _Pauses.count += 1
        if _Pauses.count == 1:
            _Pauses.resume = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _Pauses.lock:
            _Pauses.count -= 1
            if _Pauses.count == 0 and _Pauses.resume:
                gc.enable()


def build_projection(store: GraphStore) -> Projection:
    """Read the whole graph into a projection; retried while writes land during the read.

    Only the columns the projection keeps are read (:mod:`gxgraph.analytics.columns`), page by page.
    """
    for _ in range(MAX_BUILD_ATTEMPTS):
        version = store.graph_version()
        start = time.perf_counter()
        builder = ProjectionBuilder()
        with collector_paused():
            # The store reads the next page while this one is added: its answer overlaps our work.
            for nodes, relationships in read_ahead(store.iter_projection()):
                builder.add_nodes(nodes)
                builder.add_relationships(relationships)
            graph = builder.graph()
        if store.graph_version() == version:
            return Projection(graph=graph, version=version, build_seconds=time.perf_counter() - start)
    raise StoreUnavailable(f"the graph changed during {MAX_BUILD_ATTEMPTS} projection builds; try again")


def advance_projection(
    store: GraphStore, projection: Projection, max_changes: int = MAX_DELTA_CHANGES
) -> Projection | None:
    """The projection of the store's latest graph version, from ``projection`` and the changes the
    audit log holds since its version; ``None`` when a build is the better way there: more than
    ``max_changes`` changes, or a log that does not account for every version in between."""
    start = time.perf_counter()
    entries = store.graph_write_entries(projection.version, MAX_DELTA_ENTRIES + 1)
    if not entries or len(entries) > MAX_DELTA_ENTRIES:
        return None
    versions = [int(entry["version"]) for entry in entries]
    if versions != list(range(projection.version + 1, projection.version + 1 + len(versions))):
        log.warning(
            "the audit log lacks graph versions after %d; building the projection", projection.version
        )
        return None
    if sum(int(entry["change_count"]) for entry in entries) > max_changes:
        return None
    order = {int(entry["seq"]): number for number, entry in enumerate(entries)}
    parts = sorted(
        store.audit_parts(list(order)), key=lambda part: (order[int(part["seq"])], int(part["part"]))
    )
    changes = (change for part in parts for change in decode_changes(part["changes"]))
    try:
        graph, edges_added = apply_changes(projection.graph, changes)
    except DeltaMismatch as exc:
        log.warning("the projection cannot follow the audit log (%s); building it", exc)
        return None
    size = {"nodes": len(graph), "relationships": projection.size["relationships"] + edges_added}
    return Projection(graph=graph, version=versions[-1], build_seconds=time.perf_counter() - start, size=size)


@dataclass(frozen=True)
class Served:
    """The projection an answer is computed on, and how far the store has moved past it."""

    projection: Projection
    latest_version: int

    @property
    def versions_behind(self) -> int:
        return max(0, self.latest_version - self.projection.version)


class ProjectionCache:
    """One projection per process, rebuilt on a version change; safe to share between threads.

    After a write, the next request starts a rebuild in a background thread and waits for it at most
    ``max_wait`` seconds; past that it is answered from the last complete projection, whose version
    (and how many versions behind the store it is) the answer carries. A busy write load therefore
    never turns analytics into errors or into waits of a full rebuild each. Only the very first
    projection is built while the request waits.
    """

    def __init__(
        self,
        store: GraphStore,
        max_wait: float = 2.0,
        on_build: Callable[[ProjectionCache, Projection, Projection | None], None] | None = None,
    ) -> None:
        self._store = store
        self._max_wait = max_wait
        self._on_build = on_build
        self._lock = threading.Lock()
        self._current: Projection | None = None
        self._rebuild: threading.Thread | None = None
        self._rebuild_error: GxGraphError | None = None
        self._pending: dict[tuple[int, Hashable], Future[Any]] = {}
        self._warmer: threading.Thread | None = None
        self._warm_next: tuple[Projection, Projection | None] | None = None

    def get(self) -> Projection:
        """The projection of the store's current graph version (building it if needed)."""
        return self._served(wait=None).projection

    def serve(self) -> Served:
        """The newest complete projection: current when it can be had within this cache's wait."""
        return self._served(wait=self._max_wait)

    def _served(self, wait: float | None) -> Served:
        """As ``serve``, waiting at most ``wait`` seconds for a rebuild (``None``: as long as it takes)."""
        latest = self._store.graph_version()
        current = self._current
        if current is not None and current.version == latest:
            return Served(current, latest)
        if current is None:
            with self._lock:
                built = self._current is None
                if built:
                    self._current = build_projection(self._store)
                first = self._current
            assert first is not None
            if built:
                self._built(first, None)
            return Served(first, max(latest, first.version))
        worker = self._start_rebuild()
        worker.join(wait)
        if self._rebuild_error is not None and not worker.is_alive():
            log.warning("analytics projection rebuild failed: %s", self._rebuild_error.message)
        newest = self._current
        assert newest is not None
        return Served(newest, max(latest, newest.version))

    def _start_rebuild(self) -> threading.Thread:
        with self._lock:
            if self._rebuild is None or not self._rebuild.is_alive():
                self._rebuild_error = None
                self._rebuild = threading.Thread(target=self._rebuild_now, name="projection", daemon=True)
                self._rebuild.start()
            return self._rebuild

    def _rebuild_now(self) -> None:
        try:
            base = self._current
            advanced = None if base is None else advance_projection(self._store, base)
            projection = advanced or build_projection(self._store)
        except GxGraphError as exc:  # the previous projection keeps serving; the next request retries
            self._rebuild_error = exc
            return
        with self._lock:
            previous = self._current
            installed = previous is None or projection.version > previous.version
            if installed:
                self._current = projection
        if installed:
            self._built(projection, previous)

    def _built(self, projection: Projection, previous: Projection | None) -> None:
        """Run the ``on_build`` hook (precomputing heavy answers) in the background; it is told the
        projection this one replaces, so it can carry over only what was asked of that one.

        One hook runs at a time, on the newest projection: a projection advances in milliseconds, so
        a stream of writes would otherwise start a heavy precomputation per write, all at once."""
        if self._on_build is None:
            return
        with self._lock:
            self._warm_next = (projection, previous)
            if self._warmer is not None and self._warmer.is_alive():
                return  # the running hook takes the newest job when it is done
            self._warmer = threading.Thread(target=self._warm, name="precompute", daemon=True)
            self._warmer.start()

    def _warm(self) -> None:
        assert self._on_build is not None
        while True:
            with self._lock:
                job, self._warm_next = self._warm_next, None
                if job is None:
                    self._warmer = None
                    return
            self._on_build(self, *job)

    def is_latest(self, projection: Projection) -> bool:
        """Whether ``projection`` is the newest complete one (a hook stops precomputing for an older one)."""
        return self._current is projection

    def compute(self, key: Hashable, compute: Callable[[nx.MultiDiGraph], T]) -> tuple[T, Served]:
        """``compute(graph)`` on the newest projection, memoised per graph version under ``key``."""
        served = self.serve()
        served.projection.asked.add(key)
        return self.compute_on(served.projection, key, compute), served

    def compute_on(self, projection: Projection, key: Hashable, compute: Callable[[nx.MultiDiGraph], T]) -> T:
        """``compute(graph)`` on ``projection``, memoised under ``key``. Requests for a key being
        computed wait for that computation instead of repeating it."""
        memo = projection.memo
        with self._lock:
            if key in memo:
                memo.move_to_end(key)
                cached: T = memo[key]
                return cached
            pending = self._pending.get((id(projection), key))
            owner = pending is None
            if pending is None:
                pending = self._pending[(id(projection), key)] = Future()
        if not owner:
            waited: T = pending.result()
            return waited
        try:
            with collector_paused():
                result = compute(projection.graph)
        except BaseException as exc:
            pending.set_exception(exc)
            raise
        else:
            pending.set_result(result)
        finally:
            with self._lock:
                self._pending.pop((id(projection), key), None)
                if pending.exception() is None:
                    memo[key] = pending.result()
                    while len(memo) > MAX_MEMO_ENTRIES:
                        memo.popitem(last=False)
        return result
