"""FalkorDB's typeahead index: the ``_grams`` array under a range index serves search, finds exactly
what a scan of every ``_search`` key finds, ranked alike, and every write keeps it current."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from gxgraph.domain.kinds import NodeKind
from gxgraph.errors import InvalidInput
from gxgraph.services import graph, nodes
from gxgraph.services.exports import export_graphml, export_jsonl
from gxgraph.services.records import search_key
from gxgraph.store import cypher
from gxgraph.store.base import NodeQuery, WriteBatch
from gxgraph.store.falkordb import FalkorDBStore, query_grams, search_grams
from tests.conftest import SAMPLE, load_jsonl

SOURCED = {"source": "test fixture", "illustrative": True, "domain": "gx", "trl": 5}
SCAN_SEARCH = (cypher.CYPHER_DIR / "search_nodes.cypher").read_text(encoding="utf-8")
"""The backend-neutral search: a CONTAINS over every Entity's ``_search``, the answer to match."""


@pytest.fixture
def falkordb(falkordb_session_store: FalkorDBStore) -> Iterator[FalkorDBStore]:
    falkordb_session_store.clear()
    yield falkordb_session_store
    falkordb_session_store.clear()


@pytest.fixture
def sample(falkordb: FalkorDBStore) -> FalkorDBStore:
    load_jsonl(falkordb, SAMPLE.read_text(encoding="utf-8"))
    return falkordb


def _tech(node_id: str, name_en: str, name_ja: str | None = None) -> dict[str, Any]:
    props: dict[str, Any] = {"id": node_id, "kind": "technology", "name_en": name_en, **SOURCED}
    if name_ja:
        props["name_ja"] = name_ja
    return {"id": node_id, "props": props | {"_search": search_key(props)}}


def _scanned(store: FalkorDBStore, text: str, kinds: list[str] | None, limit: int) -> list[tuple[str, int]]:
    params = {"q": text, "kinds": kinds, "limit": limit}
    return [(row["props"]["id"], row["rank"]) for row in store._read(SCAN_SEARCH, params)]


def _indexed(store: FalkorDBStore, text: str, kinds: list[str] | None, limit: int) -> list[tuple[str, int]]:
    return [(row["props"]["id"], row["rank"]) for row in store.search(text, kinds, limit)]


@pytest.mark.parametrize(
    ("key", "text"),
    [
        (" ot-sec ot sec ot security セキュリティ", "security セ"),
        (" h2 h2 hydrogen 水素", "水"),
        (" a-b a b a, b (c)", "a, b (c"),
        (" x x tab\there", "b\th"),
    ],
)
def test_a_contained_text_has_all_its_grams_in_the_key(key: str, text: str) -> None:
    assert text in key
    assert set(query_grams(text)) <= set(search_grams(key))
    assert not any(gram.isspace() or " " in gram or "\t" in gram for gram in search_grams(key))


def test_whitespace_only_text_is_refused() -> None:
    with pytest.raises(InvalidInput, match="other than whitespace"):
        query_grams("   ")


def test_the_search_query_starts_from_the_gram_index(falkordb: FalkorDBStore) -> None:
    params = {"q": "tech", "kinds": None, "limit": 10} | dict(
        zip(["g0", "g1", "g2", "g3"], "tech", strict=True)
    )
    operators = falkordb.plan_operators(falkordb._q("search_nodes"), params)
    assert "NodeByIndexScan" in operators
    assert not operators & {"NodeByLabelScan", "AllNodeScan"}


def test_index_finds_what_a_scan_finds_in_the_same_order(sample: FalkorDBStore) -> None:
    names = [row["props"] for row in sample._read("MATCH (n:Entity) RETURN properties(n) AS props", {})]
    texts = {"sec", "セキュリティ", "水", "e", "-", "gx", "(sample)", "ot-security", "zz-nothing"}
    for props in names[:40]:
        key = props["_search"].strip()
        texts |= {key[:1], key[:3], key[2:6], key[-4:], props["id"]}
    for text in sorted(t for t in texts if t.strip()):
        for kinds in (None, ["technology"]):
            assert _indexed(sample, text, kinds, 25) == _scanned(sample, text, kinds, 25), text


def test_hits_carry_only_what_a_hit_shows(sample: FalkorDBStore) -> None:
    (hit,) = sample.search("ゼロゲート", None, 1)
    assert set(hit["props"]) == {"id", "kind", "name_en", "name_ja"}


def _stored(store: FalkorDBStore, ids: list[str]) -> dict[str, tuple[str, list[str]]]:
    """The ``_search`` key and ``_grams`` stored on each node of ``ids`` (read past ``fetch_nodes``,
    which leaves the grams out)."""
    text = "MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, n._search AS search, n._grams AS grams"
    return {row["id"]: (row["search"], row["grams"]) for row in store._read(text, {"ids": ids})}


def test_every_write_path_keeps_the_grams_current(falkordb: FalkorDBStore) -> None:
    falkordb.write(
        WriteBatch(nodes={NodeKind.TECHNOLOGY: [_tech("pv", "Perovskite cell", "ペロブスカイト")]})
    )
    assert _indexed(falkordb, "ブスカ", None, 5) == [("pv", 3)]

    nodes.update_node(falkordb, NodeKind.TECHNOLOGY, "pv", {"name_en": "Tandem cell", "name_ja": "タンデム"})
    assert _indexed(falkordb, "perovskite", None, 5) == []
    assert _indexed(falkordb, "ブスカ", None, 5) == []
    assert _indexed(falkordb, "tandem", None, 5) == [("pv", 1)]

    ccs = {"id": "ccs", "kind": "technology", "name_en": "Carbon capture", "name_ja": "炭素回収", **SOURCED}
    load_jsonl(falkordb, json.dumps(ccs, ensure_ascii=False) + "\n")
    assert _indexed(falkordb, "素回", None, 5) == [("ccs", 3)]

    model = nodes.get_node(falkordb, "ccs").model_copy(update={"id": "dac", "name_en": "Direct air capture"})
    nodes.create_node(falkordb, model)
    assert [hit.id for hit in graph.search(falkordb, "air cap")] == ["dac"]
    stored = _stored(falkordb, ["pv", "ccs", "dac"])
    assert len(stored) == 3
    for search, grams in stored.values():
        assert grams == search_grams(search)


def test_opening_a_store_written_before_the_index_gives_its_nodes_grams(falkordb: FalkorDBStore) -> None:
    rows = [_tech(f"t{i:05d}", f"Technology {i}") for i in range(12_000)]
    falkordb.write(WriteBatch(nodes={NodeKind.TECHNOLOGY: rows}))
    falkordb._write("MATCH (n:Entity) SET n._grams = NULL", {})
    revisions = {
        node_id: props["_rev"] for node_id, props in falkordb.fetch_nodes(["t00042", "t11999"]).items()
    }
    version = falkordb.graph_version()
    assert _indexed(falkordb, "technology 11999", None, 5) == []

    falkordb.ensure_schema()

    assert _indexed(falkordb, "technology 11999", None, 5) == [("t11999", 0)]
    stored = falkordb.fetch_nodes(["t00042", "t11999"])
    assert {node_id: props["_rev"] for node_id, props in stored.items()} == revisions
    search, grams = _stored(falkordb, ["t00042"])["t00042"]
    assert grams == search_grams(search)
    assert falkordb.graph_version() == version
    assert falkordb._add_missing_search_grams() == 0


def test_reads_and_exports_leave_the_grams_out(sample: FalkorDBStore) -> None:
    assert _stored(sample, ["co-il-zerogate"])["co-il-zerogate"][1]
    stored = sample.fetch_nodes(["co-il-zerogate"])["co-il-zerogate"]
    assert "_grams" not in stored
    assert stored["_search"]  # the other internal properties are still read
    assert stored["_rev"]
    assert not any("_grams" in props for props in sample.iter_nodes())
    listed = sample.list_nodes(NodeQuery(NodeKind.COMPANY, sort="id", limit=5))
    assert len(listed) == 5
    assert not any("_grams" in props for props in listed)
    assert "_grams" not in "".join(export_jsonl(sample))
    assert "_grams" not in "".join(export_graphml(sample))
