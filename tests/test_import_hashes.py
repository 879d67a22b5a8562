"""Imports compare hashes: each node and relationship holds the digest of the row it was written from,
so an unchanged re-import reads hashes, validates nothing and writes nothing; a changed row is found by
its hash; a graph written with content hashes, or before hashes, imports as before; no reader sees them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.errors import InvalidInput
from gxgraph.services import import_rows, records
from gxgraph.services.changes import FeedRequest, read_feed
from gxgraph.services.exports import export_graphml, export_jsonl
from gxgraph.services.graph import neighbors
from gxgraph.services.nodes import get_node
from gxgraph.services.records import HASH_KEY, content_hash, row_digest
from gxgraph.services.relationships import get_relationship
from gxgraph.store.base import GraphStore, WriteBatch
from gxgraph.store.side_records import AuditQuery
from tests.conftest import load_jsonl
from tests.test_imports import GOOD, jsonl

PAIRS = [("ai", "llm")]


def changed(store: GraphStore, since: int) -> list[tuple[str, object, object]]:
    """The feed's changes after ``since``: op, before and after, leaving out the re-stamped updated_at."""

    def compared(side: dict[str, object] | None) -> dict[str, object] | None:
        return None if side is None else {k: v for k, v in side.items() if k != "updated_at"}

    changes = read_feed(store, FeedRequest(since=since)).changes
    return [(c.op, compared(c.before), compared(c.after)) for c in changes]


def audit_seqs(store: GraphStore) -> list[int]:
    return [entry["seq"] for entry in store.audit_entries(AuditQuery(limit=1000))]


def validations(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Records each row any import validates (every validation goes through the two adapters)."""
    seen: list[object] = []

    class Counted:
        def __init__(self, adapter: Any) -> None:
            self.adapter = adapter

        def validate_python(self, row: object) -> Any:
            seen.append(row)
            return self.adapter.validate_python(row)

    for name in ("NODE_ADAPTER", "REL_ADAPTER"):
        monkeypatch.setattr(import_rows, name, Counted(getattr(import_rows, name)))
    return seen


def test_import_stores_the_digest_of_every_row(store: GraphStore) -> None:
    load_jsonl(store, jsonl(GOOD))
    hashes = store.fetch_node_hashes(["ai", "llm", "uni"])
    assert hashes == {row["id"]: (row["kind"], row_digest(row)) for row in GOOD[:3]}
    covers = store.fetch_relationship_hashes(RelType.COVERS, PAIRS)[("ai", "llm")]
    assert covers == row_digest(GOOD[3]) is not None


def test_an_unchanged_reimport_validates_no_row(store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    load_jsonl(store, jsonl(GOOD))
    validated = validations(monkeypatch)
    report = load_jsonl(store, jsonl(GOOD))
    assert (report.nodes_unchanged, report.relationships_unchanged, validated) == (3, 2, [])
    changed_trl = load_jsonl(store, jsonl([dict(GOOD[1], trl=8)]))
    assert (changed_trl.nodes_updated, len(validated)) == (1, 1)


def test_a_row_written_differently_with_the_same_content_is_unchanged(store: GraphStore) -> None:
    load_jsonl(store, jsonl(GOOD))
    version = store.graph_version()
    # Another key order and an upper-case country: other digests, the same stored properties.
    again = [dict(reversed(GOOD[0].items())), dict(GOOD[2], country="US"), *GOOD[3:]]
    report = load_jsonl(store, jsonl(again))
    assert (report.nodes_unchanged, report.relationships_unchanged, store.graph_version()) == (2, 2, version)


def test_a_new_release_of_the_validation_validates_every_row_again(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_jsonl(store, jsonl(GOOD))
    monkeypatch.setattr(records, "_CODE_FINGERPRINT", b"another release")
    validated = validations(monkeypatch)
    report = load_jsonl(store, jsonl(GOOD))
    assert (report.nodes_unchanged, report.relationships_unchanged, len(validated)) == (3, 2, 5)


def test_a_row_no_digest_can_stand_for_is_still_refused(store: GraphStore) -> None:
    with_null = dict(GOOD[1], trl=None)
    load_jsonl(store, jsonl([with_null]))
    # orjson writes NaN as null, and an integer past 64 bits cannot be encoded by it at all.
    for bad in (float("nan"), 10**30):
        with pytest.raises(InvalidInput) as refused:
            load_jsonl(store, json.dumps(dict(GOOD[1], trl=bad)) + "\n")
        assert "trl" in refused.value.details[0]["message"]


def test_content_hashes_stored_by_earlier_releases_still_spare_reading(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without_hashes(store)
    nodes = store.fetch_nodes(["ai", "llm", "uni"])
    batch = WriteBatch()
    for props in nodes.values():
        batch.nodes.setdefault(NodeKind(props["kind"]), []).append(
            {"id": props["id"], "props": props | {HASH_KEY: content_hash(props)}}
        )
    store.write(batch)
    version = store.graph_version()
    read: list[str] = []
    fetch_nodes = store.fetch_nodes

    def reading(ids: list[str]) -> dict[str, dict[str, Any]]:
        read.extend(ids)
        return fetch_nodes(ids)

    monkeypatch.setattr(store, "fetch_nodes", reading)
    report = load_jsonl(store, jsonl(GOOD[:3]))
    assert (report.nodes_unchanged, read, store.graph_version()) == (3, [], version)


def test_unchanged_reimport_writes_nothing_and_leaves_no_audit_entry(store: GraphStore) -> None:
    load_jsonl(store, jsonl(GOOD))
    version, seqs = store.graph_version(), audit_seqs(store)
    revisions = {node_id: props["_rev"] for node_id, props in store.fetch_nodes(["ai", "llm"]).items()}
    report = load_jsonl(store, jsonl(GOOD))
    assert (report.nodes_unchanged, report.relationships_unchanged) == (3, 2)
    assert report.nodes_created + report.nodes_updated + report.relationships_updated == 0
    assert (store.graph_version(), audit_seqs(store)) == (version, seqs)
    after = {node_id: props["_rev"] for node_id, props in store.fetch_nodes(["ai", "llm"]).items()}
    assert after == revisions


def test_a_changed_row_is_found_by_its_hash(store: GraphStore) -> None:
    load_jsonl(store, jsonl(GOOD))
    version = store.graph_version()
    old = store.fetch_node_hashes(["llm"])["llm"][1]
    old_rel = store.fetch_relationship_hashes(RelType.STRONG_IN, [("uni", "ai")])[("uni", "ai")]
    report = load_jsonl(store, jsonl([*GOOD[:1], dict(GOOD[1], trl=8), *GOOD[2:4], dict(GOOD[4], score=0.5)]))
    assert (report.nodes_updated, report.nodes_unchanged) == (1, 2)
    assert (report.relationships_updated, report.relationships_unchanged) == (1, 1)
    assert store.fetch_node_hashes(["llm"])["llm"][1] not in (None, old)
    assert store.fetch_relationship_hashes(RelType.STRONG_IN, [("uni", "ai")])[("uni", "ai")] != old_rel
    assert changed(store, version) == [
        ("update", {"trl": 7}, {"trl": 8}),
        ("update", {"score": 0.9}, {"score": 0.5}),
    ]


def _without_hashes(store: GraphStore) -> None:
    """Write GOOD as a store written before hashes holds it: the same properties, no ``_hash``."""
    load_jsonl(store, jsonl(GOOD))
    nodes = store.fetch_nodes(["ai", "llm", "uni"])
    batch = WriteBatch()
    for props in nodes.values():
        public = {key: value for key, value in props.items() if key != HASH_KEY and key != "_grams"}
        batch.nodes.setdefault(NodeKind(props["kind"]), []).append({"id": props["id"], "props": public})
    for row in GOOD[3:]:
        rel_type, source, target = RelType(str(row["type"])), str(row["from"]), str(row["to"])
        props = store.fetch_relationships(rel_type, [(source, target)])[(source, target)]
        batch.relationships.setdefault(rel_type, []).append({"from": source, "to": target, "props": props})
    store.write(batch)


def test_a_graph_written_before_hashes_imports_as_before(store: GraphStore) -> None:
    _without_hashes(store)
    assert {hash_ for _, hash_ in store.fetch_node_hashes(["ai", "llm", "uni"]).values()} == {None}
    assert set(store.fetch_relationship_hashes(RelType.COVERS, PAIRS).values()) == {None}
    version, seqs = store.graph_version(), audit_seqs(store)
    report = load_jsonl(store, jsonl(GOOD))
    assert (report.nodes_unchanged, report.relationships_unchanged) == (3, 2)
    assert (store.graph_version(), audit_seqs(store)) == (version, seqs)

    report = load_jsonl(store, jsonl([dict(GOOD[1], trl=8), dict(GOOD[3], illustrative=False)]))
    assert (report.nodes_updated, report.relationships_updated) == (1, 1)
    assert changed(store, version) == [
        ("update", {"trl": 7}, {"trl": 8}),
        ("update", {"illustrative": True}, {"illustrative": False}),
    ]
    assert store.fetch_node_hashes(["llm"])["llm"][1] is not None  # rewritten rows get their hash
    assert store.fetch_node_hashes(["ai"])["ai"][1] is None


def test_no_reader_sees_the_hash(store: GraphStore) -> None:
    load_jsonl(store, jsonl(GOOD))
    seen = [
        "".join(export_jsonl(store)),
        "".join(export_graphml(store)),
        get_node(store, "llm").model_dump_json(),
        get_relationship(store, RelType.COVERS, "ai", "llm").model_dump_json(),
        neighbors(store, "ai", depth=1).model_dump_json(),
        json.dumps([c.model_dump(mode="json") for c in read_feed(store, FeedRequest()).changes]),
        json.dumps(store.fetch_relationships(RelType.COVERS, PAIRS)[("ai", "llm")]),
        json.dumps(list(store.iter_relationships())),
    ]
    assert all(HASH_KEY not in text for text in seen)
    assert HASH_KEY in store.fetch_nodes(["ai"])["ai"]  # stored, only hidden
