"""A ``neo4j://`` URI (the routing driver a cluster or hosted Neo4j needs) works like ``bolt://``."""

from __future__ import annotations

import os

from gxgraph.services.imports import ImportFormat, import_rows, parse
from gxgraph.services.projection import build_projection
from gxgraph.store.neo4j import Neo4jStore
from tests.conftest import SAMPLE


def test_the_routing_scheme_reads_and_writes(neo4j_uri: str) -> None:
    routed = neo4j_uri.replace("bolt://", "neo4j://", 1)
    assert routed.startswith("neo4j://")
    store = Neo4jStore(routed, "neo4j", os.environ.get("GXGRAPH_TEST_NEO4J_PASSWORD", ""), "neo4j")
    try:
        store.ensure_schema()
        store.clear()
        report = import_rows(store, parse(SAMPLE.read_text(encoding="utf-8"), ImportFormat.JSONL))
        assert report.nodes_created == sum(store.counts()["nodes"].values()) > 0
        projection = build_projection(store)  # read-routed pages
        assert projection.version == store.graph_version()
        assert projection.size["relationships"] == sum(store.counts()["relationships"].values())
    finally:
        store.clear()
        store.close()
