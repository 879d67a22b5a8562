"""One contract for every store operation, run against both real backends."""

from __future__ import annotations

import uuid

import pytest

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.vocabulary import Direction, SortOrder
from gxgraph.store.base import GraphStore, NodeQuery, WriteBatch


def _tech(i: int, **extra: object) -> dict[str, object]:
    props: dict[str, object] = {
        "id": f"t{i:02d}",
        "kind": "technology",
        "name_en": f"Tech {i:02d}",
        "_search": f" t{i:02d} tech {i:02d}",
    }
    props.update(extra)
    return {"id": props["id"], "props": props}


@pytest.fixture
def small(store: GraphStore) -> GraphStore:
    """Ten technologies (trl 1..9 cycling, t00 without trl), one field covering all, a chain t01-f-t02."""
    rows = [_tech(0)] + [_tech(i, trl=(i - 1) % 9 + 1, domain="gx" if i % 2 else "dx") for i in range(1, 10)]
    field = {"id": "f", "props": {"id": "f", "kind": "field", "name_en": "Field", "_search": " f field"}}
    store.write(
        WriteBatch(
            nodes={NodeKind.TECHNOLOGY: rows, NodeKind.FIELD: [field]},
            relationships={
                RelType.COVERS: [{"from": "f", "to": r["id"], "props": {"source": "s"}} for r in rows]
            },
        )
    )
    return store


def test_write_then_fetch_returns_properties(small: GraphStore) -> None:
    found = small.fetch_nodes(["t03", "missing"])
    assert list(found) == ["t03"]
    assert found["t03"]["trl"] == 3
    assert found["t03"]["kind"] == "technology"


def test_every_write_bumps_the_graph_version(small: GraphStore) -> None:
    before = small.graph_version()
    small.write(WriteBatch(nodes={NodeKind.TECHNOLOGY: [_tech(50)]}))
    assert small.graph_version() == before + 1
    small.delete_node("t50")
    assert small.graph_version() == before + 2


def test_write_replaces_all_properties(small: GraphStore) -> None:
    small.write(WriteBatch(nodes={NodeKind.TECHNOLOGY: [_tech(3)]}))
    assert "trl" not in small.fetch_nodes(["t03"])["t03"]


def test_list_filters_sorts_and_pages(small: GraphStore) -> None:
    query = NodeQuery(kind=NodeKind.TECHNOLOGY, sort="trl", minimum={"trl": 3}, maximum={"trl": 7}, limit=2)
    assert [n["id"] for n in small.list_nodes(query)] == ["t03", "t04"]
    assert small.count_nodes(query) == 5
    after = NodeQuery(**{**query.__dict__, "after_value": 4, "after_id": "t04"})
    assert [n["id"] for n in small.list_nodes(after)] == ["t05", "t06"]
    desc = NodeQuery(
        kind=NodeKind.TECHNOLOGY, sort="trl", order=SortOrder.DESC, limit=3, missing_sort_value=-1
    )
    assert [n["id"] for n in small.list_nodes(desc)] == ["t09", "t08", "t07"]
    equal = NodeQuery(kind=NodeKind.TECHNOLOGY, equals={"domain": "dx"})
    assert small.count_nodes(equal) == 4


def test_missing_sort_values_sort_first_ascending(small: GraphStore) -> None:
    query = NodeQuery(kind=NodeKind.TECHNOLOGY, sort="trl", missing_sort_value=-1, limit=2)
    assert [n["id"] for n in small.list_nodes(query)] == ["t00", "t01"]


def test_text_filter_matches_the_search_key(small: GraphStore) -> None:
    assert small.count_nodes(NodeQuery(kind=NodeKind.TECHNOLOGY, text="tech 0")) == 10
    assert small.count_nodes(NodeQuery(kind=NodeKind.TECHNOLOGY, text="tech 01")) == 1


def test_expand_follows_direction_and_type(small: GraphStore) -> None:
    assert len(small.expand(["f"], Direction.OUT, None, 100)) == 10
    assert small.expand(["f"], Direction.IN, None, 100) == []
    back = small.expand(["t01"], Direction.BOTH, ["COVERS"], 100)
    assert [(h["from_id"], h["type"], h["outgoing"], h["id"], h["kind"]) for h in back] == [
        ("t01", "COVERS", False, "f", "field")
    ]
    assert small.expand(["t01"], Direction.BOTH, ["DEVELOPS"], 100) == []


def test_shortest_paths_ignore_direction(small: GraphStore) -> None:
    paths = small.shortest_paths("t01", "t02", 3, 10)
    assert len(paths) == 1
    assert [n["id"] for n in paths[0]["nodes"]] == ["t01", "f", "t02"]
    assert [(r["type"], r["from"], r["to"]) for r in paths[0]["rels"]] == [
        ("COVERS", "f", "t01"),
        ("COVERS", "f", "t02"),
    ]
    assert small.shortest_paths("t01", "t02", 1, 10) == []


def test_search_ranks_exact_before_prefix_before_substring(small: GraphStore) -> None:
    rows = small.search("tech 01", None, 5)
    assert rows[0]["props"]["id"] == "t01"
    assert rows[0]["rank"] == 0
    ranks = [r["rank"] for r in small.search("ech", None, 20)]
    assert ranks == sorted(ranks)
    assert set(ranks) == {3}
    assert small.search("field", ["technology"], 5) == []


def test_iterators_stream_every_node_and_relationship(small: GraphStore) -> None:
    assert sorted(n["id"] for n in small.iter_nodes(page_size=3)) == ["f"] + [f"t{i:02d}" for i in range(10)]
    rels = list(small.iter_relationships(page_size=2))
    assert len(rels) == 10
    assert {(r["type"], r["from"]) for r in rels} == {("COVERS", "f")}
    assert all(r["source"] == "s" for r in rels)


def test_relationship_fetch_and_delete(small: GraphStore) -> None:
    assert small.fetch_relationships(RelType.COVERS, [("f", "t01"), ("f", "nope")]) == {
        ("f", "t01"): {"source": "s"}
    }
    assert small.delete_relationship(RelType.COVERS, "f", "t01") is True
    assert small.delete_relationship(RelType.COVERS, "f", "t01") is False
    assert small.counts()["relationships"] == {"COVERS": 9}


def test_delete_node_detaches(small: GraphStore) -> None:
    assert small.delete_node("f") is True
    assert small.delete_node("f") is False
    assert small.counts() == {"nodes": {"technology": 10}, "relationships": {}}


def test_counts_are_counted_again_only_after_a_write(
    small: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries: list[str] = []
    read = small._read  # type: ignore[attr-defined]

    def counting(text: str, params: dict[str, object]) -> object:
        queries.append(text)
        return read(text, params)

    monkeypatch.setattr(small, "_read", counting)
    first = small.counts()
    counted = len(queries)
    assert small.counts() == first
    assert len(queries) == counted + 1  # the graph version only
    first["nodes"]["technology"] = 0  # a caller's copy: the next answer is unchanged
    version = small.graph_version()
    assert small.delete_node("t01") is True
    assert small.versioned_counts() == (
        version + 1,
        {"nodes": {"technology": 9, "field": 1}, "relationships": {"COVERS": 9}},
    )


def test_api_keys_round_trip_and_survive_clear(store: GraphStore) -> None:
    key_id = uuid.uuid4().hex
    record = {"key_id": key_id, "hash": "h", "role": "viewer", "name": "n", "created_at": "2026-01-01"}
    store.put_api_key(record)
    store.clear()
    assert store.fetch_api_key(key_id) == record
    assert store.revoke_api_key(key_id, "2026-02-01") is True
    assert store.revoke_api_key(key_id, "2026-02-01") is False
    assert [k["revoked_at"] for k in store.list_api_keys() if k["key_id"] == key_id] == ["2026-02-01"]
    assert store.fetch_api_key("nope") is None


def test_ensure_schema_is_idempotent(store: GraphStore) -> None:
    store.ensure_schema()
    store.ensure_schema()
    store.ping()


def test_paged_reads_return_each_relationship_once(store: GraphStore) -> None:
    """Pages cut a graph of 2,000 nodes; every relationship comes back exactly once (FalkorDB's string
    range index once answered upper bounds wrongly and duplicated pages)."""
    techs = [_tech(i) for i in range(2000)]
    covers = [{"from": "t00", "to": t["id"], "props": {"source": "s"}} for t in techs[1:]]
    covers += [{"from": t["id"], "to": "t00", "props": {"source": "s"}} for t in techs[1:500]]
    store.write(WriteBatch(nodes={NodeKind.TECHNOLOGY: techs}, relationships={RelType.COVERS: covers}))
    rels = [(r["from"], r["to"]) for r in store.iter_relationships(page_size=300)]
    assert len(rels) == len(set(rels)) == len(covers)
    assert len({n["id"] for n in store.iter_nodes(page_size=300)}) == 2000
