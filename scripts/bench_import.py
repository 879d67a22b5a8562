"""Benchmark: the baselines of an import, measured beside gxgraph's own import (``bench_table.py``).

* ``raw floor``: the same rows (the property maps gxgraph stores, prepared before the clock starts)
  written by bare ``UNWIND $rows AS row CREATE ...`` queries of 5,000 rows through the raw client (the
  FalkorDB client, the neo4j driver) into an empty graph with the store's own indexes and constraints:
  what the store and its client cost, with no validation, no diff, no audit log and no guard;
* ``one row per query``: the same client sending one ``CREATE`` per row, timed on a slice (the endpoints
  of the first ``SLICE`` relationships, then those relationships) and extrapolated to the whole file.

The floor writes into a graph of its own on the embedded server, and into the (cleared) database on
Neo4j, which it empties again before returning. Its Cypher is a measurement, not a query of the
product, so it lives here rather than in cypher/. ::

    .venv/bin/python scripts/bench_import.py --nodes 10000 --target /tmp/folder-or-bolt-uri
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from typing import Any

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.seeding.synthetic import SyntheticConfig, generate
from gxgraph.services.import_rows import NODE_ADAPTER, REL_ADAPTER
from gxgraph.services.records import node_props, relationship_props
from gxgraph.store.base import CypherStore
from gxgraph.store.falkordb import FalkorDBStore
from gxgraph.store.falkordb_params import params_header
from gxgraph.store.neo4j import Neo4jStore

Row = dict[str, Any]
BATCH = 5000
SLICE = 1000
"""Relationships of the one-row-per-query slice (their endpoints come first, one query each)."""
FLOOR_GRAPH = "bench_import_floor"
NODE_CREATE = "UNWIND $rows AS row CREATE (n:Entity:{label}) SET n = row.props"
REL_CREATE = (
    "UNWIND $rows AS row MATCH (a:Entity {{id: row.from}}) MATCH (b:Entity {{id: row.to}}) "
    "CREATE (a)-[r:{rel}]->(b) SET r = row.props"
)
ONE_NODE = "CREATE (n:Entity:{label}) SET n = $props"
ONE_REL = (
    "MATCH (a:Entity {{id: $from}}) MATCH (b:Entity {{id: $to}}) CREATE (a)-[r:{rel}]->(b) SET r = $props"
)
NEO4J_EMPTY = (
    # Relationships first: a page of nodes holding hubs detaches hundreds of thousands of relationships
    # in one transaction, past the 1M graph's transaction memory.
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
)


class Prepared:
    """The rows of a file as the property maps gxgraph stores, by node kind and relationship type."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self.nodes: dict[NodeKind, list[Row]] = {}
        self.rels: dict[RelType, list[Row]] = {}
        self.count = len(rows)
        for row in rows:
            if "kind" in row:
                node = NODE_ADAPTER.validate_python(row)
                kind = NodeKind(row["kind"])
                self.nodes.setdefault(kind, []).append({"id": node.id, "props": node_props(node)})
            else:
                rel = REL_ADAPTER.validate_python(row)
                item = {"from": rel.source_id, "to": rel.target_id, "props": relationship_props(rel)}  # type: ignore[attr-defined]
                self.rels.setdefault(RelType(row["type"]), []).append(item)


Run = Callable[[str, Row], None]


def _floor(run: Run, prepared: Prepared) -> float:
    start = time.perf_counter()
    for kind, rows in prepared.nodes.items():
        for first in range(0, len(rows), BATCH):
            run(NODE_CREATE.format(label=kind.label), {"rows": rows[first : first + BATCH]})
    for rel_type, rows in prepared.rels.items():
        for first in range(0, len(rows), BATCH):
            run(REL_CREATE.format(rel=rel_type.value), {"rows": rows[first : first + BATCH]})
    return time.perf_counter() - start


def _one_per_query(run: Run, prepared: Prepared) -> float:
    """Seconds for the whole file at one query per row, extrapolated from the slice."""
    rels = [(rel_type, row) for rel_type, rows in prepared.rels.items() for row in rows][:SLICE]
    wanted = {end for _, row in rels for end in (row["from"], row["to"])}
    nodes = [(kind, row) for kind, rows in prepared.nodes.items() for row in rows if row["id"] in wanted]
    start = time.perf_counter()
    for kind, row in nodes:
        run(ONE_NODE.format(label=kind.label), {"props": row["props"]})
    node_seconds = time.perf_counter() - start
    start = time.perf_counter()
    for rel_type, row in rels:
        run(ONE_REL.format(rel=rel_type.value), {"from": row["from"], "to": row["to"], "props": row["props"]})
    rel_seconds = time.perf_counter() - start
    total_nodes = sum(map(len, prepared.nodes.values()))
    total_rels = sum(map(len, prepared.rels.values()))
    return node_seconds / max(1, len(nodes)) * total_nodes + rel_seconds / max(1, len(rels)) * total_rels


def measure(store: CypherStore, prepared: Prepared) -> dict[str, float]:
    """Seconds of the raw floor and of one row per query (extrapolated), on ``store``'s server, each
    into an empty graph with the store's schema; leaves ``store``'s own graph empty."""
    if isinstance(store, FalkorDBStore):
        floor_store = FalkorDBStore(store._server.ensure_running(), FLOOR_GRAPH)  # type: ignore[union-attr]

        def run(text: str, params: Row) -> None:
            # The parameter header as gxgraph writes it (the client's own took 8.4 s against 1.6 s, profiled,
            # for a 121k-row import).
            floor_store._graph.query(params_header(params) + text)

        def empty() -> None:
            floor_store._graph.delete()
            floor_store.ensure_schema()

    else:
        assert isinstance(store, Neo4jStore)
        store.clear()
        floor_store = store
        driver = store._driver

        def run(text: str, params: Row) -> None:
            driver.execute_query(text, params, database_="neo4j")

        def empty() -> None:
            with driver.session(database="neo4j") as session:
                for statement in NEO4J_EMPTY:
                    session.run(statement).consume()

    floor_store.ensure_schema()
    try:
        single = _one_per_query(run, prepared)
        empty()
        floor = _floor(run, prepared)
    finally:
        if isinstance(floor_store, FalkorDBStore):
            floor_store._graph.delete()
            floor_store._db.connection.close()
        else:
            empty()
    return {"floor_seconds": floor, "one_per_query_seconds": single}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--target", required=True, help="a Bolt URI or an embedded FalkorDB folder")
    args = parser.parse_args()
    import bench_projection

    rows = list(generate(SyntheticConfig(nodes=args.nodes, seed=42)))
    prepared = Prepared(rows)
    store = bench_projection.open_store(args.target)
    try:
        got = measure(store, prepared)
    finally:
        store.close()
    print(
        f"{len(rows):,} rows: raw floor {got['floor_seconds']:.1f} s"
        f" ({len(rows) / got['floor_seconds']:,.0f} rows/s), one row per query"
        f" {got['one_per_query_seconds']:.1f} s ({len(rows) / got['one_per_query_seconds']:,.0f} rows/s)"
    )


if __name__ == "__main__":
    main()
