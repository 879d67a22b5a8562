"""Concurrent writes through the HTTP app lose nothing, ids stay unique, and If-Match guards revisions.

Each race runs on both real stores: FalkorDB serialises write queries, Neo4j runs transactions in
parallel under read committed, so a guard that holds on one can fail on the other.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

import httpx
import pytest

from gxgraph.domain.kinds import NodeKind
from gxgraph.domain.nodes import FieldNode, Technology
from gxgraph.domain.relationships import Covers
from gxgraph.errors import Conflict, GxGraphError
from gxgraph.services import nodes, relationships
from gxgraph.store.base import GraphStore, WriteBatch
from gxgraph.store.embedded import EmbeddedFalkorDB
from gxgraph.store.falkordb import FalkorDBStore
from tests.conftest import Api

TECH = {"id": "race-tech", "name_en": "Race tech", "domain": "gx", "source": "test"}
PATCHED_FIELDS = ("patent_families", "patent_citations", "publications", "description", "industry", "name_ja")
TEXT_FIELDS = frozenset({"description", "industry", "name_ja"})
PATCHES_PER_FIELD = 30
ROUNDS = 30
T = TypeVar("T")


def _concurrently(calls: Sequence[Callable[[], T]]) -> list[T]:
    """Run the calls at the same moment, one thread each, and return their responses in order."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], T]) -> T:
        barrier.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def test_concurrent_patches_of_different_fields_keep_every_acknowledged_value(api: Api) -> None:
    c, h = api.client, api.headers()
    assert c.post("/v1/technologies", json=TECH, headers=h).status_code == 201

    def patch_one_field(name: str) -> Callable[[], httpx.Response]:
        def run() -> httpx.Response:
            last: httpx.Response | None = None
            for i in range(PATCHES_PER_FIELD):
                value: Any = f"revision {i}" if name in TEXT_FIELDS else i
                last = c.patch("/v1/technologies/race-tech", json={name: value}, headers=h)
                assert last.status_code == 200, last.text
                assert last.json()[name] == value
            assert last is not None
            return last

        return run

    responses = _concurrently([patch_one_field(name) for name in PATCHED_FIELDS])
    stored = c.get("/v1/technologies/race-tech", headers=h).json()
    acknowledged = {name: r.json()[name] for name, r in zip(PATCHED_FIELDS, responses, strict=True)}
    assert {name: stored[name] for name in PATCHED_FIELDS} == acknowledged
    assert acknowledged["patent_families"] == PATCHES_PER_FIELD - 1


def test_concurrent_creates_of_one_id_give_one_201_and_one_409(api: Api) -> None:
    c, h = api.client, api.headers()
    field = {"name_en": "A field", "source": "test"}
    for round_number in range(2 * ROUNDS):  # ROUNDS with the same kind, ROUNDS with two kinds
        node_id = f"race-{round_number}"
        same_kind = round_number % 2 == 0
        other = ("/v1/technologies", {**TECH, "id": node_id})
        first = ("/v1/fields", {**field, "id": node_id})
        second = first if same_kind else other
        responses = _concurrently(
            [partial(c.post, path, json=body, headers=h) for path, body in (first, second)]
        )
        assert sorted(r.status_code for r in responses) == [201, 409], [r.text for r in responses]
        loser = next(r for r in responses if r.status_code == 409).json()
        assert loser["error"]["code"] == "conflict"
        stored = [props for props in api.store.iter_nodes() if props["id"] == node_id]
        assert len(stored) == 1, stored
        winner = next(r for r in responses if r.status_code == 201).json()
        assert stored[0]["kind"] == winner["kind"]


def test_concurrent_creates_of_one_relationship_give_one_201_and_one_409(api: Api) -> None:
    c, h = api.client, api.headers()
    c.post("/v1/fields", json={"id": "race-field", "name_en": "F", "source": "test"}, headers=h)
    for round_number in range(ROUNDS):
        tech_id = f"race-tech-{round_number}"
        assert c.post("/v1/technologies", json={**TECH, "id": tech_id}, headers=h).status_code == 201
        rel = {"type": "COVERS", "from": "race-field", "to": tech_id, "source": "test"}
        responses = _concurrently([partial(c.post, "/v1/relationships", json=rel, headers=h)] * 2)
        assert sorted(r.status_code for r in responses) == [201, 409], [r.text for r in responses]
        stored = [r for r in api.store.iter_relationships() if r["to"] == tech_id]
        assert len(stored) == 1, stored


def test_creating_an_existing_relationship_is_409_and_keeps_it(api: Api) -> None:
    c, h = api.client, api.headers()
    c.post("/v1/fields", json={"id": "f1", "name_en": "F", "source": "test"}, headers=h)
    c.post("/v1/technologies", json={**TECH, "id": "t1"}, headers=h)
    rel = {"type": "COVERS", "from": "f1", "to": "t1", "source": "first"}
    assert c.post("/v1/relationships", json=rel, headers=h).status_code == 201
    again = c.post("/v1/relationships", json={**rel, "source": "second"}, headers=h)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "conflict"
    assert c.get("/v1/relationships/COVERS/f1/t1", headers=h).json()["source"] == "first"
    wrong_kind = c.post("/v1/relationships", json={**rel, "from": "t1", "to": "t1"}, headers=h)
    assert wrong_kind.status_code == 422


def test_post_never_overwrites_and_answers_409(api: Api) -> None:
    c, h = api.client, api.headers()
    assert c.post("/v1/technologies", json=TECH, headers=h).status_code == 201
    again = c.post("/v1/technologies", json={**TECH, "name_en": "Overwritten"}, headers=h)
    assert again.status_code == 409
    assert "technology" in again.json()["error"]["message"]
    assert c.get("/v1/technologies/race-tech", headers=h).json()["name_en"] == "Race tech"


def test_etag_on_reads_and_writes_changes_with_every_write(api: Api) -> None:
    c, h = api.client, api.headers()
    created = c.post("/v1/technologies", json=TECH, headers=h)
    etag = created.headers["ETag"]
    assert re.fullmatch(r'"[^"]+"', etag), etag
    assert c.get("/v1/technologies/race-tech", headers=h).headers["ETag"] == etag
    assert c.get("/v1/nodes/race-tech", headers=h).headers["ETag"] == etag
    patched = c.patch("/v1/technologies/race-tech", json={"trl": 3}, headers=h)
    assert patched.headers["ETag"] not in (etag, None)
    assert c.get("/v1/nodes/race-tech", headers=h).headers["ETag"] == patched.headers["ETag"]


def test_if_match_on_patch_and_delete(api: Api) -> None:
    c, h = api.client, api.headers()
    old = c.post("/v1/technologies", json=TECH, headers=h).headers["ETag"]
    current = c.patch("/v1/technologies/race-tech", json={"trl": 4}, headers={**h, "If-Match": old})
    assert current.status_code == 200, current.text
    new = current.headers["ETag"]

    stale = c.patch("/v1/technologies/race-tech", json={"trl": 9}, headers={**h, "If-Match": old})
    assert stale.status_code == 412
    assert stale.json()["error"]["code"] == "precondition_failed"
    weak = c.patch("/v1/technologies/race-tech", json={"trl": 9}, headers={**h, "If-Match": f"W/{new}"})
    assert weak.status_code == 412
    assert c.delete("/v1/technologies/race-tech", headers={**h, "If-Match": old}).status_code == 412
    assert c.get("/v1/technologies/race-tech", headers=h).json()["trl"] == 4

    listed = c.patch(
        "/v1/technologies/race-tech", json={"trl": 5}, headers={**h, "If-Match": f"{old}, {new}"}
    )
    assert listed.status_code == 200, listed.text
    anything = c.patch("/v1/technologies/race-tech", json={"trl": 6}, headers={**h, "If-Match": "*"})
    assert anything.status_code == 200
    latest = anything.headers["ETag"]
    assert c.delete("/v1/technologies/race-tech", headers={**h, "If-Match": latest}).status_code == 204
    gone = c.patch("/v1/technologies/race-tech", json={"trl": 7}, headers={**h, "If-Match": latest})
    assert gone.status_code == 404


def test_an_import_gives_the_node_a_new_revision(api: Api) -> None:
    c, h = api.client, api.headers()
    etag = c.post("/v1/technologies", json=TECH, headers=h).headers["ETag"]
    row = '{"kind": "technology", "id": "race-tech", "name_en": "Imported", "domain": "dx", "source": "f"}'
    imported = c.post("/v1/import", content=row, headers={**h, "Content-Type": "application/x-ndjson"})
    assert imported.status_code == 200, imported.text
    assert c.get("/v1/nodes/race-tech", headers=h).headers["ETag"] != etag
    stale = c.patch("/v1/technologies/race-tech", json={"trl": 2}, headers={**h, "If-Match": etag})
    assert stale.status_code == 412
    assert c.get("/v1/nodes/race-tech", headers=h).json()["name_en"] == "Imported"


def test_concurrent_if_match_patches_from_one_revision_let_exactly_one_win(api: Api) -> None:
    c, h = api.client, api.headers()
    etag = c.post("/v1/technologies", json=TECH, headers=h).headers["ETag"]
    for round_number in range(ROUNDS // 3):
        calls = [
            partial(
                c.patch,
                "/v1/technologies/race-tech",
                json={"publications": round_number * 10 + value},
                headers={**h, "If-Match": etag},
            )
            for value in range(3)
        ]
        responses = _concurrently(calls)
        assert sorted(r.status_code for r in responses) == [200, 412, 412], [r.text for r in responses]
        winner = next(r for r in responses if r.status_code == 200)
        stored = c.get("/v1/technologies/race-tech", headers=h)
        assert stored.status_code == 200, stored.text
        assert stored.json()["publications"] == winner.json()["publications"]
        etag = stored.headers["ETag"]
        assert etag == winner.headers["ETag"]


def test_falkordb_creates_the_first_relationship_of_a_type_once(falkordb_server: EmbeddedFalkorDB) -> None:
    """FalkorDB plans a pattern with a relationship type the graph has never held as matching
    nothing, so the existence check must not name the type: a fresh graph per round."""
    for round_number in range(ROUNDS // 2):
        store = FalkorDBStore(falkordb_server.socket, f"first-rel-{round_number}")
        store.ensure_schema()
        nodes.create_node(store, FieldNode(id="f", name_en="F", source="test"))
        nodes.create_node(store, Technology(id="t", name_en="T", domain="gx", source="test"))
        rel = Covers(source_id="f", target_id="t", source="test")
        outcomes = _concurrently([partial(_outcome, store, rel)] * 2)
        assert sorted(outcomes) == ["201", "409"]
        assert len(list(store.iter_relationships())) == 1
        store.close()


def _outcome(store: GraphStore, rel: Covers) -> str:
    try:
        relationships.create_relationship(store, rel)
    except Conflict:
        return "409"
    return "201"


def test_patch_and_delete_through_another_kind_are_404_and_change_nothing(api: Api) -> None:
    c, h = api.client, api.headers()
    etag = c.post("/v1/technologies", json=TECH, headers=h).headers["ETag"]
    assert c.patch("/v1/companies/race-tech", json={"sector": "x"}, headers=h).status_code == 404
    guarded = {**h, "If-Match": etag}
    assert c.patch("/v1/companies/race-tech", json={"sector": "x"}, headers=guarded).status_code == 404
    assert c.delete("/v1/companies/race-tech", headers=guarded).status_code == 404
    assert c.get("/v1/nodes/race-tech", headers=h).headers["ETag"] == etag


def test_the_store_itself_refuses_a_second_node_with_an_id(store: GraphStore) -> None:
    """Uniqueness holds below the services too: an upsert under another kind's label cannot add a
    second node with a taken id (Neo4j's constraint, FalkorDB's GRAPH.CONSTRAINT)."""
    props = {"id": "dup", "kind": "technology", "name_en": "T", "domain": "gx", "source": "s"}
    assert store.create_node(NodeKind.TECHNOLOGY, props) is not None
    assert store.create_node(NodeKind.FIELD, {**props, "kind": "field"}) is None
    with pytest.raises(GxGraphError):
        store.write(WriteBatch(nodes={NodeKind.FIELD: [{"id": "dup", "props": {**props, "kind": "field"}}]}))
    assert [p["kind"] for p in store.iter_nodes() if p["id"] == "dup"] == ["technology"]


def test_every_single_write_bumps_the_version_once_and_a_refused_one_not_at_all(api: Api) -> None:
    h = api.headers()
    version = api.store.graph_version

    def expect(response: Any, status: int, bumps: int, before: int) -> int:
        assert response.status_code == status, response.text
        assert version() == before + bumps
        return before + bumps

    now = version()
    now = expect(
        api.client.post("/v1/fields", json={"id": "f1", "name_en": "F1", "source": "t"}, headers=h),
        201,
        1,
        now,
    )
    now = expect(
        api.client.post("/v1/fields", json={"id": "f2", "name_en": "F2", "source": "t"}, headers=h),
        201,
        1,
        now,
    )
    now = expect(
        api.client.post("/v1/fields", json={"id": "f2", "name_en": "again", "source": "t"}, headers=h),
        409,
        0,
        now,
    )
    patched = api.client.patch("/v1/fields/f1", json={"name_en": "F one"}, headers=h)
    now = expect(patched, 200, 1, now)
    stale = {**h, "If-Match": '"not-the-revision"'}
    now = expect(api.client.patch("/v1/fields/f1", json={"name_en": "x"}, headers=stale), 412, 0, now)
    rel = {"type": "SUBFIELD_OF", "from": "f1", "to": "f2", "source": "t"}
    now = expect(api.client.post("/v1/relationships", json=rel, headers=h), 201, 1, now)
    now = expect(api.client.post("/v1/relationships", json=rel, headers=h), 409, 0, now)
    now = expect(api.client.delete("/v1/relationships/SUBFIELD_OF/f1/f2", headers=h), 204, 1, now)
    now = expect(api.client.delete("/v1/fields/f1", headers=stale), 412, 0, now)
    matching = {**h, "If-Match": patched.headers["etag"]}
    now = expect(api.client.delete("/v1/fields/f1", headers=matching), 204, 1, now)
    expect(api.client.delete("/v1/fields/f2", headers=h), 204, 1, now)
