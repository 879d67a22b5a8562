"""Benchmark: the analytics projection read from a store, beside the previous build and the floor.

Prints what it measured; nothing is asserted. Each way of building runs in a fresh process, so
their memory does not mix:

* ``columns``: ``build_projection``, flat column pages (``cypher/page_projection_*.cypher``);
* ``maps``: the build it replaced, every node's and relationship's property map
  (``iter_nodes``/``iter_relationships``) into ``graph_from_rows``;
* ``floor``: every relationship's source id, type and target id, read the fastest way the same
  client has (FalkorDB: one query, plain reply; Neo4j: pages of sources, each collected into one
  record), into an igraph graph: what any build must at least do.

Each reports its seconds, the memory it holds afterwards (RSS growth; KB per relationship) and its
peak RSS growth. Loads a seeded synthetic graph first (``--keep`` reuses an embedded store's folder)::

    .venv/bin/python scripts/bench_projection.py --nodes 100000 --store falkordb
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from gxgraph.analytics.graph import graph_from_rows
from gxgraph.domain.kinds import NodeKind
from gxgraph.seeding.synthetic import SyntheticConfig, generate
from gxgraph.services import analysis, nodes
from gxgraph.services.imports import ParsedRow, import_rows
from gxgraph.services.projection import ProjectionCache, build_projection
from gxgraph.services.records import public_props
from gxgraph.store.base import CypherStore
from gxgraph.store.falkordb import FalkorDBStore
from gxgraph.store.neo4j import Neo4jStore

METHODS = ("columns", "maps", "floor")
FLOOR_QUERY = "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS from, type(r) AS type, b.id AS to"
"""The floor's one query (a measurement, not a query of the product, so not in cypher/)."""
NEO4J_FLOOR_PAGE = (
    "MATCH (a:Entity) WHERE a.id > $after WITH a ORDER BY a.id LIMIT 10000 "
    "OPTIONAL MATCH (a)-[r]->(b:Entity) "
    "RETURN max(a.id) AS last, collect({from: a.id, type: type(r), to: b.id}) AS rows"
)
"""Neo4j's floor reads the same edges in pages of sources, collected into one list per page as the
product reads its projection there (one record per edge decodes several times more slowly)."""
TIMEOUT = 3600.0


def open_store(target: str) -> CypherStore:
    """``target`` is a Bolt URI (Neo4j) or an embedded FalkorDB data folder."""
    store: CypherStore
    if target.startswith(("bolt://", "neo4j://")):
        password = os.environ.get("GXGRAPH_BENCH_NEO4J_PASSWORD", "")
        store = Neo4jStore(target, "neo4j", password, "neo4j", query_timeout=TIMEOUT)
    else:
        store = FalkorDBStore.embedded(Path(target), "bench", query_timeout=TIMEOUT)
    store.ensure_schema()  # without the id index every lookup by id scans the graph
    return store


def load(store: CypherStore, nodes: int, seed: int = 42) -> dict[str, float]:
    """Replace the store's graph with the seeded synthetic one; the import's rows and seconds."""
    rows = [
        ParsedRow("synthetic", n, row)
        for n, row in enumerate(generate(SyntheticConfig(nodes=nodes, seed=seed)), 1)
    ]
    store.clear()
    start = time.perf_counter()
    import_rows(store, rows, batch_size=5000)
    return {"rows": len(rows), "seconds": time.perf_counter() - start}


def _rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class Peak:
    """The highest RSS seen while the ``with`` block runs (sampled every 10 ms)."""

    def __init__(self) -> None:
        self.rss = _rss()
        self._done = threading.Event()
        self._watch = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._done.wait(0.01):
            self.rss = max(self.rss, _rss())

    def __enter__(self) -> Peak:
        self._watch.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._watch.join()
        self.rss = max(self.rss, _rss())


def _floor(store: CypherStore) -> Any:
    import igraph  # optional (the fast extra), so imported only here

    rows = store._read_plain(FLOOR_QUERY, {}) if isinstance(store, FalkorDBStore) else _neo4j_edges(store)
    index: dict[str, int] = {}
    edges = [(index.setdefault(r["from"], len(index)), index.setdefault(r["to"], len(index))) for r in rows]
    types = [r["type"] for r in rows]
    del rows
    graph = igraph.Graph(n=len(index), edges=edges, directed=True, edge_attrs={"type": types})
    graph.vs["name"] = list(index)
    return graph


def _neo4j_edges(store: CypherStore) -> list[dict[str, Any]]:
    edges: list[dict[str, Any]] = []
    after = ""
    while True:
        (page,) = store._read(NEO4J_FLOOR_PAGE, {"after": after})
        if page["last"] is None:
            return edges
        edges.extend(row for row in page["rows"] if row["to"] is not None)
        after = page["last"]


def _maps(store: CypherStore) -> Any:
    nodes = (public_props(props) for props in store.iter_nodes())
    return graph_from_rows(itertools.chain(nodes, store.iter_relationships()))


def measure_here(method: str, target: str) -> dict[str, float]:
    """Build the projection by ``method`` in this process; seconds and memory held."""
    store = open_store(target)
    relationships = sum(store.counts()["relationships"].values())
    build = {
        "columns": lambda: build_projection(store).graph,
        "maps": lambda: _maps(store),
        "floor": lambda: _floor(store),
    }[method]
    gc.collect()
    before = _rss()
    start = time.perf_counter()
    with Peak() as peak:
        built = build()
    seconds = time.perf_counter() - start
    gc.collect()
    held = _rss() - before
    store.close()
    del built
    return {
        "seconds": seconds,
        "relationships": relationships,
        "held_mib": held / 2**20,
        "kb_per_relationship": held / 1024 / max(1, relationships),
        "peak_growth_mib": (peak.rss - before) / 2**20,
    }


def measure_after_writes(store: CypherStore, writes: int = 5) -> dict[str, float]:
    """What the analytics pay for a single write: the projection advanced by it (median seconds over
    ``writes`` PATCHes of one technology, each followed by the projection of its version), beside the
    full build it replaces; and a memoised answer (an analysis asked again, nothing to compute)."""
    cache = ProjectionCache(store)
    start = time.perf_counter()
    first = cache.get()
    build_seconds = time.perf_counter() - start
    technology = next(node for node, kind in first.graph.nodes(data="kind") if kind == "technology")
    advanced = []
    for write in range(writes):
        nodes.update_node(store, NodeKind.TECHNOLOGY, technology, {"trl": 1 + write % 9})
        start = time.perf_counter()
        projection = cache.get()
        advanced.append(time.perf_counter() - start)
        assert projection.version == store.graph_version()
    key = ("bench", "edges")
    analysis.run(cache, key, lambda graph: graph.number_of_edges())
    memoised = []
    for _ in range(writes):
        start = time.perf_counter()
        analysis.run(cache, key, lambda graph: graph.number_of_edges())
        memoised.append(time.perf_counter() - start)
    return {
        "build_seconds": build_seconds,
        "advance_seconds": statistics.median(advanced),
        "memoised_ms": statistics.median(memoised) * 1000,
    }


def measure(method: str, target: str) -> dict[str, float]:
    """``measure_here`` in a fresh process."""
    command = [sys.executable, __file__, "--measure", method, "--target", target]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


def report(name: str, figures: dict[str, dict[str, float]]) -> None:
    """Print one line per method, with the ratio to the floor."""
    floor = figures.get("floor")
    for method, got in figures.items():
        ratio = (
            f"  {got['seconds'] / floor['seconds']:.1f}x the floor's time"
            if floor and method != "floor"
            else ""
        )
        print(
            f"  {name} {method:8} {got['seconds']:7.1f} s  {got['kb_per_relationship']:6.2f} KB/rel held"
            f"  (+{got['held_mib']:,.0f} MiB, peak +{got['peak_growth_mib']:,.0f} MiB){ratio}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--store", choices=["falkordb", "neo4j", "both"], default="falkordb")
    parser.add_argument("--methods", nargs="+", choices=METHODS, default=list(METHODS))
    parser.add_argument("--keep", type=Path, help="embedded store folder kept between runs (loaded once)")
    parser.add_argument("--measure", choices=METHODS, help=argparse.SUPPRESS)
    parser.add_argument("--target", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure_here(args.measure, args.target)))
        return
    targets = []
    if args.store in ("falkordb", "both"):
        targets.append(str(args.keep or Path(tempfile.mkdtemp(prefix="gxgraph-bench-projection-"))))
    if args.store in ("neo4j", "both"):
        targets.append(os.environ.get("GXGRAPH_BENCH_NEO4J_URI", "bolt://127.0.0.1:17687"))
    for target in targets:
        store = open_store(target)
        if sum(store.counts()["nodes"].values()) != args.nodes or not args.keep:
            loaded = load(store, args.nodes)
            print(f"{target}: loaded {loaded['rows']:,} rows in {loaded['seconds']:.0f} s")
        try:  # kept open so that the embedded server runs on between the measuring processes
            report(f"{args.nodes:,} nodes", {method: measure(method, target) for method in args.methods})
        finally:
            store.close()


if __name__ == "__main__":
    main()
