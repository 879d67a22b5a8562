"""Neo4j's flat reads: the rows of an import's hashes and of the projection come collected in one
record (``Neo4jStore._read_flat``); nulls keep their place and a query of the wrong shape is refused."""

from __future__ import annotations

import pytest

from gxgraph.domain.kinds import NodeKind
from gxgraph.store import cypher
from gxgraph.store.neo4j import Neo4jStore

FLAT_QUERIES = (
    "fetch_node_hashes",
    "fetch_relationship_hashes",
    "page_projection_nodes",
    "page_projection_relationships",
)


@pytest.fixture
def neo4j_store(neo4j_session_store: Neo4jStore) -> Neo4jStore:
    neo4j_session_store.clear()
    return neo4j_session_store


@pytest.mark.parametrize("name", FLAT_QUERIES)
def test_every_flat_query_has_a_collected_neo4j_variant(name: str) -> None:
    text = cypher.library("neo4j")[name]
    assert text != cypher.library("falkordb")[name]
    assert text.rstrip().endswith("AS rows")


def test_nulls_keep_their_column_in_collected_rows(neo4j_store: Neo4jStore) -> None:
    neo4j_store.create_node(
        NodeKind.COUNTRY, {"id": "country:jp", "kind": "country", "name_en": "Japan", "iso_code": "JP"}
    )
    assert neo4j_store.fetch_node_hashes(["country:jp", "country:none"]) == {"country:jp": ("country", None)}
    ((nodes, relationships),) = list(neo4j_store.iter_projection())
    assert relationships == []
    (node,) = nodes
    assert (node["id"], node["iso_code"]) == ("country:jp", "JP")
    assert "trl" in node
    assert node["trl"] is None


def test_a_query_returning_a_record_per_row_is_refused(neo4j_store: Neo4jStore) -> None:
    with pytest.raises(RuntimeError, match="collected"):
        neo4j_store._read_flat("UNWIND [1, 2] AS x RETURN x", {})
