"""Imports are all or nothing on both stores, their counts are what was written, and every write that
changes the graph bumps its version in the same transaction."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import networkx as nx
import pytest

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.errors import Conflict, GraphChanged, GxGraphError, InvalidInput
from gxgraph.services.exports import ExportFormat, export_jsonl, snapshot
from gxgraph.services.imports import ImportFormat, import_rows, parse
from gxgraph.store.base import GraphStore, WriteBatch
from tests.conftest import Api, load_jsonl

SRC = {"source": "test fixture", "illustrative": True}


def _tech(n: int) -> dict[str, object]:
    return {"kind": "technology", "id": f"tech-{n:05d}", "name_en": f"Technology {n}", "domain": "dx", **SRC}


def _jsonl(rows: list[dict[str, object]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def _state(store: GraphStore) -> tuple[object, int]:
    return store.counts(), store.graph_version()


def _stored(node_id: str) -> dict[str, object]:
    return {"id": node_id, "props": {"id": node_id, "kind": "technology", "name_en": node_id, **SRC}}


def test_a_write_that_fails_part_way_writes_nothing(store: GraphStore) -> None:
    """The last batch holds a value the store refuses (a map property); the earlier batches, already
    sent, must not stay behind, and the version must not move."""
    load_jsonl(store, _jsonl([_tech(0)]))
    before = _state(store)
    rows = [_stored(f"t-{n}") for n in range(30)]
    rows[-1]["props"]["bad"] = {"nested": "maps are not property values"}  # type: ignore[index]
    with pytest.raises(GxGraphError):
        store.write(WriteBatch(nodes={NodeKind.TECHNOLOGY: rows}), batch_size=7)
    assert _state(store) == before


def test_a_relationship_whose_endpoint_is_gone_rolls_back_with_the_missing_ids(store: GraphStore) -> None:
    load_jsonl(store, _jsonl([_tech(0)]))
    before = _state(store)
    batch = WriteBatch(
        nodes={NodeKind.TECHNOLOGY: [_stored("t-new")]},
        relationships={
            RelType.COVERS: [
                {"from": "t-new", "to": "tech-00000", "props": SRC},
                {"from": "t-new", "to": "ghost", "props": SRC},
            ]
        },
    )
    with pytest.raises(Conflict) as caught:
        store.write(batch)
    assert [detail["id"] for detail in caught.value.details] == ["ghost"]
    assert _state(store) == before


def test_a_write_planned_on_an_old_version_is_refused(store: GraphStore) -> None:
    load_jsonl(store, _jsonl([_tech(0)]))
    before = _state(store)
    with pytest.raises(GraphChanged):
        store.write(WriteBatch(nodes={NodeKind.TECHNOLOGY: [_stored("t-1")]}), expected_version=before[1] - 1)
    assert _state(store) == before
    version = store.write(
        WriteBatch(nodes={NodeKind.TECHNOLOGY: [_stored("t-1")]}), expected_version=before[1]
    )
    assert version == store.graph_version() == before[1] + 1


def test_an_endpoint_deleted_between_check_and_write_fails_the_whole_import(store: GraphStore) -> None:
    """Found on main: deleting a target during an import returned every relationship as created while
    fewer were stored. Now the import sees the graph moved, checks again, and refuses the file."""
    field = {"kind": "field", "id": "field-ai", "name_en": "AI", **SRC}
    load_jsonl(store, _jsonl([field] + [_tech(n) for n in range(2000)]))
    covers = [{"type": "COVERS", "from": "field-ai", "to": f"tech-{n:05d}", **SRC} for n in range(2000)]

    def delete_a_target(_: int) -> None:
        assert store.delete_node("tech-00007")

    with pytest.raises(InvalidInput) as caught:
        import_rows(store, parse(_jsonl(covers), ImportFormat.JSONL), on_planned=delete_a_target)
    assert [(d["line"], d["message"]) for d in caught.value.details] == [(8, "to: unknown node 'tech-00007'")]
    assert store.counts()["relationships"] == {}


def test_an_import_planned_before_another_write_is_planned_again(store: GraphStore) -> None:
    load_jsonl(store, _jsonl([_tech(0)]))
    calls: list[int] = []

    def write_meanwhile(_: int) -> None:
        calls.append(1)
        if len(calls) == 1:  # the re-plan does not call back, but be explicit about one write only
            load_jsonl(store, _jsonl([dict(_tech(1), name_en="written meanwhile")]))

    report = import_rows(
        store, parse(_jsonl([_tech(1), _tech(2)]), ImportFormat.JSONL), on_planned=write_meanwhile
    )
    # Planned again after the concurrent write: tech 1 now exists and differs, so it is an update.
    assert (report.nodes_created, report.nodes_updated) == (1, 1)
    assert report.graph_version == store.graph_version()
    assert store.fetch_nodes(["tech-00001"])["tech-00001"]["name_en"] == "Technology 1"


def test_the_report_names_the_version_it_wrote(store: GraphStore) -> None:
    before = store.graph_version()
    report = load_jsonl(store, _jsonl([_tech(n) for n in range(10)]))
    assert report.graph_version == store.graph_version() == before + 1
    again = load_jsonl(store, _jsonl([_tech(n) for n in range(10)]))
    assert again.graph_version == before + 1  # nothing changed, nothing bumped


def test_deletes_bump_the_version_only_when_they_delete(store: GraphStore) -> None:
    field = {"kind": "field", "id": "field-ai", "name_en": "AI", **SRC}
    cover = {"type": "COVERS", "from": "field-ai", "to": "tech-00000", **SRC}
    load_jsonl(store, _jsonl([field, _tech(0), _tech(1), cover]))
    version = store.graph_version()
    assert store.delete_relationship(RelType.COVERS, "field-ai", "tech-00000")
    assert not store.delete_relationship(RelType.COVERS, "field-ai", "tech-00000")
    assert store.delete_node("tech-00001")
    assert not store.delete_node("tech-00001")
    assert store.graph_version() == version + 2
    store.clear()
    assert store.counts()["nodes"] == {}
    assert store.graph_version() == version + 3  # one page
    store.clear()
    assert store.graph_version() == version + 3


def test_json_lines_split_on_line_feed_only(store: GraphStore) -> None:
    """U+2028, U+2029 and U+0085 may sit raw inside a JSON string (our export writes them so);
    str.splitlines() cut rows there, so an export did not re-import."""
    odd = "a\u2028b\u2029c\x85d"
    load_jsonl(store, _jsonl([dict(_tech(0), description=odd)]))
    exported = "".join(export_jsonl(store))
    store.clear()
    report = import_rows(store, parse(exported.replace("\n", "\r\n").encode(), ImportFormat.JSONL))
    assert report.nodes_created == 1
    assert store.fetch_nodes(["tech-00000"])["tech-00000"]["description"] == odd


def test_an_export_is_one_version_even_when_a_write_lands_during_it(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_jsonl(store, _jsonl([_tech(0)]))
    real = store.iter_nodes
    writes = iter(range(1, 100))

    def iter_nodes_with_a_write_meanwhile(page_size: int = 5000) -> Iterator[dict[str, Any]]:
        yield from real(page_size)
        n = next(writes)
        if n <= limit:
            load_jsonl(store, _jsonl([_tech(n)]))

    monkeypatch.setattr(store, "iter_nodes", iter_nodes_with_a_write_meanwhile)
    limit = 1  # the first read sees a write land: it is read again
    spooled = snapshot(store, ExportFormat.JSONL)
    lines = list(spooled)
    assert spooled.version == store.graph_version()
    assert sum(1 for line in "".join(lines).split("\n") if '"kind"' in line) == 2

    limit = 99  # a write during every read: give up with 409
    with pytest.raises(GraphChanged):
        snapshot(store, ExportFormat.GRAPHML)


def test_the_export_route_sends_the_version_it_read(api: Api) -> None:
    load_jsonl(api.store, _jsonl([_tech(0), dict(_tech(1), description="line\rbreak \u2028")]))
    for fmt in ("jsonl", "graphml"):
        answer = api.client.get("/v1/export", params={"format": fmt}, headers=api.headers())
        assert answer.status_code == 200
        assert answer.headers["x-graph-version"] == str(api.store.graph_version())
    graph = nx.read_graphml(io.BytesIO(answer.content))
    assert graph.nodes["tech-00001"]["description"] == "line\rbreak \u2028"
