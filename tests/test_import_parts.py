"""Imports in parts: every row checked first (nothing written on any problem), then nodes and then
relationships written as consecutive imports; the result is the one import's; one import has a row limit."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gxgraph.errors import InvalidInput, PayloadTooLarge
from gxgraph.services import import_parts, import_plan
from gxgraph.services.import_parts import import_in_parts
from gxgraph.services.imports import ImportFormat, ImportReport, import_rows, parse
from gxgraph.store.base import GraphStore
from tests.conftest import load_jsonl
from tests.test_import_hashes import validations
from tests.test_imports import GOOD, SRC, jsonl, snapshot

MORE = [
    {"kind": "field", "id": "robotics", "name_en": "Robotics", **SRC},
    {"kind": "company", "id": "co-a", "name_en": "A Corp", "country": "jp", "is_japanese": True, **SRC},
    {"type": "STRONG_IN", "from": "uni", "to": "robotics", "score": 0.7, **SRC},
    {"type": "DEVELOPS", "from": "co-a", "to": "llm", "patents": 3, **SRC},
]
ROWS = GOOD + MORE


def in_parts(store: GraphStore, text: str, part_rows: int) -> tuple[ImportReport, int]:
    return import_in_parts(store, lambda: parse(text, ImportFormat.JSONL), part_rows)


def counted(report: ImportReport) -> dict[str, object]:
    return report.model_dump(exclude={"graph_version", "dry_run"})


def test_parts_write_what_one_import_writes_and_again_nothing(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Relationships first in the file: the parts write every node before any relationship.
    text = jsonl([row for row in ROWS if "type" in row] + [row for row in ROWS if "kind" in row])
    report, parts = in_parts(store, text, part_rows=2)
    assert parts == 5  # 5 nodes in 3 parts, 4 relationships in 2
    assert (report.rows, report.nodes_created, report.relationships_created) == (9, 5, 4)
    assert report.graph_version == store.graph_version()
    stored = store.counts()
    assert store.fetch_nodes(["co-a"])["co-a"]["country"] == "JP"
    before = snapshot(store)
    validated = validations(monkeypatch)
    again, again_parts = in_parts(store, text, part_rows=2)
    assert (again.nodes_unchanged, again.relationships_unchanged, again.nodes_created) == (5, 4, 0)
    assert again_parts == 0  # every row was found stored by the check: no part to write
    assert again.graph_version == report.graph_version
    assert snapshot(store) == before
    assert validated == []  # neither the check nor the parts validate rows the store holds as they are
    store.clear()
    one = load_jsonl(store, jsonl(ROWS))
    assert counted(one) == counted(report)
    assert store.counts() == stored


def test_parts_write_only_the_rows_the_check_found_changed(store: GraphStore) -> None:
    in_parts(store, jsonl(ROWS), part_rows=2)
    changed = [{**row, "name_en": "A Corporation"} if row.get("id") == "co-a" else row for row in ROWS] + [
        {"type": "COVERS", "from": "robotics", "to": "llm", **SRC}
    ]
    report, parts = in_parts(store, jsonl(changed), part_rows=2)
    assert parts == 2  # one node part, one relationship part: the unchanged rows are left out
    assert (report.rows, report.nodes_updated, report.nodes_unchanged) == (10, 1, 4)
    assert (report.relationships_created, report.relationships_unchanged) == (1, 4)
    assert report.graph_version == store.graph_version()
    assert store.fetch_nodes(["co-a"])["co-a"]["name_en"] == "A Corporation"
    assert sum(store.counts()["relationships"].values()) == 5


def test_the_held_rows_set_tells_lines_and_files_apart() -> None:
    held = import_parts.RowSet()
    for where in (("a.jsonl", 1), ("a.jsonl", 9), ("b.csv", 8), (None, 1_000_003)):
        held.add(where)
    assert [("a.jsonl", 1) in held, ("a.jsonl", 9) in held, (None, 1_000_003) in held] == [True] * 3
    absent = [("a.jsonl", 2), ("a.jsonl", 8), ("b.csv", 9), ("b.csv", 1), ("c.csv", 1), (None, 3)]
    assert not any(where in held for where in absent)


BAD = {
    "a bad row in the last part": (json.dumps({**GOOD[1], "id": "vision", "trl": "high"}), "trl"),
    "an unknown endpoint": (json.dumps({**MORE[3], "from": "ghost"}), "unknown node 'ghost'"),
    "a repeated relationship": (json.dumps(GOOD[3]), "repeats line 4"),
    "a repeated node": (json.dumps(MORE[0]), "repeats line 6"),
    "a wrong endpoint kind": (json.dumps({**MORE[2], "from": "llm"}), "cannot link a technology"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_any_problem_refuses_every_part(store: GraphStore, case: str) -> None:
    line, expected = BAD[case]
    before = snapshot(store)
    with pytest.raises(InvalidInput) as caught:
        in_parts(store, jsonl(ROWS) + line + "\n", part_rows=2)
    assert [d["line"] for d in caught.value.details] == [len(ROWS) + 1]
    assert expected in caught.value.details[0]["message"]
    assert snapshot(store) == before


def test_a_kind_clash_with_a_stored_node_refuses_every_part(store: GraphStore) -> None:
    load_jsonl(store, jsonl(GOOD))
    before = snapshot(store)
    clash = {"kind": "company", "id": "llm", "name_en": "LLM Inc", **SRC}
    with pytest.raises(InvalidInput) as caught:
        in_parts(store, jsonl([*MORE, clash]), part_rows=2)
    assert any("id 'llm' is already a technology" in d["message"] for d in caught.value.details)
    assert snapshot(store) == before


def test_one_import_refuses_more_rows_than_its_limit(store: GraphStore) -> None:
    before = snapshot(store)
    with pytest.raises(PayloadTooLarge, match="at most 4 rows"):
        import_rows(store, parse(jsonl(GOOD), ImportFormat.JSONL), max_rows=4)
    assert snapshot(store) == before
    assert import_rows(store, parse(jsonl(GOOD), ImportFormat.JSONL), max_rows=5).nodes_created == 3


def test_the_check_keeps_no_row_model(store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first import's check validates every row; keeping their models would hold gigabytes at 1M."""
    kept: list[dict[Any, import_plan.Item]] = []

    def keyed(*args: object, **kwargs: object) -> object:
        nodes, rels, count = import_plan.key_rows(*args, **kwargs)  # type: ignore[arg-type]
        kept.extend((nodes, rels))
        return nodes, rels, count

    monkeypatch.setattr(import_parts, "key_rows", keyed)
    assert import_parts.check_rows(store, lambda: parse(jsonl(ROWS), ImportFormat.JSONL)).rows == len(ROWS)
    items = [item for found in kept for item in found.values()]
    assert len(items) == len(ROWS)
    assert all(item.checked and item.model is None for item in items)
