"""Benchmark: import throughput and query latencies on both stores, over synthetic graphs.

Prints what it measured; nothing is asserted. Run with ``make bench`` (which starts the Neo4j test
server) or directly::

    GXGRAPH_BENCH_NEO4J_URI=bolt://127.0.0.1:17687 .venv/bin/python scripts/bench.py --nodes 100000

Each store is cleared, loaded with the same seeded synthetic graph through the real import service
(validation, diffing against the stored graph, UNWIND batches), re-imported to time the idempotent
no-op path, then queried through the service layer.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gxgraph.domain.kinds import NodeKind
from gxgraph.seeding.synthetic import SyntheticConfig, generate
from gxgraph.services import graph, nodes
from gxgraph.services.import_parts import import_in_parts
from gxgraph.services.imports import ImportReport, ParsedRow, import_rows
from gxgraph.services.projection import build_projection
from gxgraph.store.base import GraphStore
from gxgraph.store.falkordb import FalkorDBStore
from gxgraph.store.neo4j import Neo4jStore


def _rows(config: SyntheticConfig) -> list[ParsedRow]:
    return [ParsedRow("synthetic", n, row) for n, row in enumerate(generate(config), start=1)]


IMPORT_ROWS = 500_000
"""Past this many rows the graph is imported as ``gxgraph import --part-rows`` does it
(``services.import_parts``), in parts of this many rows: the 1M size is 6.1M rows. Half the default
GXGRAPH_MAX_IMPORT_ROWS, because the benchmark also holds every row (about 0.7 KB each) and a part's
plan takes about 5.7 KB per row: with 1M-row parts the 1M size ran out of the machine's 24 GB."""
NEO4J_IMPORT_ROWS = 200_000
"""The parts on Neo4j, where a part is one transaction: at the 1M size a 500k-row part passed the
transaction memory pool of a 6 GB heap (4.2 GiB) and was refused."""


def import_graph(store: GraphStore, rows: list[ParsedRow]) -> tuple[ImportReport, int]:
    """``rows`` imported as one import, or past ``IMPORT_ROWS`` in parts: the report and the number
    of imports made."""
    if len(rows) <= IMPORT_ROWS:
        return import_rows(store, rows, batch_size=5000), 1
    part_rows = NEO4J_IMPORT_ROWS if isinstance(store, Neo4jStore) else IMPORT_ROWS
    return import_in_parts(store, lambda: rows, part_rows, batch_size=5000)


def _time(action: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Median and max wall time in milliseconds over ``repeat`` runs."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def bench_store(store: GraphStore, rows: list[ParsedRow], repeat: int) -> dict[str, float]:
    """Print and return what it measured: seconds, and milliseconds (median) per query."""
    figures: dict[str, float] = {}
    store.clear()
    start = time.perf_counter()
    report, parts = import_graph(store, rows)
    seconds = figures["import_seconds"] = time.perf_counter() - start
    written = report.nodes_created + report.relationships_created
    created = f"{report.nodes_created:,} nodes, {report.relationships_created:,} rels"
    created += "" if parts == 1 else f", as {parts} imports in parts"
    print(
        f"  import: {len(rows):,} rows ({created}) in {seconds:.1f} s"
        f" = {len(rows) / seconds:,.0f} rows/s ({written / seconds:,.0f} written/s)"
    )
    start = time.perf_counter()
    again, _ = import_graph(store, rows)
    seconds = figures["reimport_seconds"] = time.perf_counter() - start
    print(
        f"  re-import (no changes, {again.nodes_unchanged + again.relationships_unchanged:,} unchanged):"
        f" {seconds:.1f} s = {len(rows) / seconds:,.0f} rows/s"
    )

    start = time.perf_counter()
    projection = build_projection(store)
    projected = projection.graph
    figures["projection_seconds"] = time.perf_counter() - start
    print(
        f"  analytics projection read from the store: {figures['projection_seconds']:.1f} s"
        f" ({projected.number_of_nodes():,} nodes, {projected.number_of_edges():,} rels)"
    )

    tech = next(r.value for r in rows if isinstance(r.value, dict) and r.value.get("kind") == "technology")
    company = next(
        r.value for r in reversed(rows) if isinstance(r.value, dict) and r.value.get("kind") == "company"
    )
    queries: dict[str, Callable[[], Any]] = {
        "get node": lambda: nodes.get_node(store, tech["id"]),
        "list technologies trl>=5 by patents desc (50)": lambda: nodes.list_nodes(
            store, NodeKind.TECHNOLOGY, nodes.ListRequest(minimum={"trl": 5}, sort="patent_families")
        ),
        "search 'technology 12'": lambda: graph.search(store, "technology 12"),
        "neighbors depth 1": lambda: graph.neighbors(store, tech["id"], depth=1),
        "neighbors depth 2 (limit 100)": lambda: graph.neighbors(store, tech["id"], depth=2),
        "shortest paths tech -> company (<= 4 hops)": lambda: graph.shortest_paths(
            store, tech["id"], company["id"]
        ),
    }
    for name, action in queries.items():
        median, worst = _time(action, repeat)
        figures[name] = median
        print(f"  {name}: median {median:.1f} ms, max {worst:.1f} ms")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--store", choices=["falkordb", "neo4j", "both"], default="both")
    args = parser.parse_args()

    start = time.perf_counter()
    rows = _rows(SyntheticConfig(nodes=args.nodes, seed=args.seed))
    elapsed = time.perf_counter() - start
    print(f"synthetic graph: {len(rows):,} rows generated in {elapsed:.1f} s (seed {args.seed})")
    if args.store in ("falkordb", "both"):
        with tempfile.TemporaryDirectory() as folder:
            store = FalkorDBStore.embedded(Path(folder), "bench")
            store.ensure_schema()
            print("falkordb (embedded)")
            try:
                bench_store(store, rows, args.repeat)
            finally:
                store.close()
    if args.store in ("neo4j", "both"):
        uri = os.environ.get("GXGRAPH_BENCH_NEO4J_URI", "bolt://127.0.0.1:17687")
        neo = Neo4jStore(uri, "neo4j", os.environ.get("GXGRAPH_BENCH_NEO4J_PASSWORD", ""), "neo4j")
        neo.ensure_schema()
        print(f"neo4j ({uri})")
        try:
            bench_store(neo, rows, args.repeat)
        finally:
            neo.clear()
            neo.close()


if __name__ == "__main__":
    main()
