"""Imports: row-by-row validation with line numbers, all-or-nothing writes, idempotency, round trips."""

from __future__ import annotations

import io
import json

import pytest

from gxgraph.errors import InvalidInput
from gxgraph.services.exports import export_jsonl
from gxgraph.services.imports import ImportFormat, import_rows, parse, parse_stream
from gxgraph.store.base import GraphStore
from tests.conftest import load_jsonl

SRC = {"source": "test fixture", "illustrative": True}
GOOD = [
    {"kind": "field", "id": "ai", "name_en": "Artificial intelligence", "name_ja": "人工知能", **SRC},
    {"kind": "technology", "id": "llm", "name_en": "Large language models", "domain": "dx", "trl": 7, **SRC},
    {
        "kind": "institution",
        "id": "uni",
        "name_en": "A University",
        "institution_type": "university",
        "country": "us",
        **SRC,
    },
    {"type": "COVERS", "from": "ai", "to": "llm", **SRC},
    {"type": "STRONG_IN", "from": "uni", "to": "ai", "score": 0.9, **SRC},
]


def jsonl(rows: list[dict[str, object]]) -> str:
    return "\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n"


def snapshot(store: GraphStore) -> tuple[object, int]:
    return store.counts(), store.graph_version()


def test_good_file_imports_and_counts(store: GraphStore) -> None:
    report = load_jsonl(store, jsonl(GOOD))
    assert (report.rows, report.nodes_created, report.relationships_created) == (5, 3, 2)
    assert store.fetch_nodes(["uni"])["uni"]["country"] == "US"
    assert store.counts()["relationships"] == {"COVERS": 1, "STRONG_IN": 1}


def test_reimport_changes_nothing(store: GraphStore) -> None:
    load_jsonl(store, jsonl(GOOD))
    before = snapshot(store)
    report = load_jsonl(store, jsonl(GOOD))
    assert (report.nodes_unchanged, report.relationships_unchanged) == (3, 2)
    assert (report.nodes_created, report.nodes_updated, report.relationships_created) == (0, 0, 0)
    assert snapshot(store) == before


def test_changed_rows_count_as_updates(store: GraphStore) -> None:
    load_jsonl(store, jsonl(GOOD))
    changed = [dict(GOOD[1], trl=8), dict(GOOD[4], score=0.5)]
    report = load_jsonl(store, jsonl(changed))
    assert (report.nodes_updated, report.relationships_updated) == (1, 1)
    assert store.fetch_nodes(["llm"])["llm"]["trl"] == 8


BAD_ROWS = {
    "malformed JSON": ('{"kind": "field", "id": ', "malformed JSON"),
    "unknown kind": (json.dumps({"kind": "planet", "id": "x", "name_en": "X", **SRC}), "planet"),
    "missing id": (json.dumps({"kind": "field", "name_en": "X", **SRC}), "id: Field required"),
    "wrong type": (json.dumps({**GOOD[1], "id": "t2", "trl": "high"}), "trl"),
    "out of range": (json.dumps({**GOOD[1], "id": "t3", "trl": 12}), "trl"),
    "bad slug": (json.dumps({**GOOD[0], "id": "Not A Slug"}), "id"),
    "unknown endpoint": (
        json.dumps({"type": "COVERS", "from": "ai", "to": "ghost", **SRC}),
        "unknown node 'ghost'",
    ),
    "wrong endpoint kind": (
        json.dumps({"type": "COVERS", "from": "uni", "to": "llm", **SRC}),
        "cannot link a institution",
    ),
    "neither node nor relationship": (json.dumps({"id": "x"}), "needs 'kind'"),
    "not an object": ("[1, 2]", "JSON object"),
    "duplicate id": (json.dumps(GOOD[0]), "repeats line 1"),
}


@pytest.mark.parametrize("case", sorted(BAD_ROWS))
def test_one_bad_row_writes_nothing(store: GraphStore, case: str) -> None:
    bad_line, expected = BAD_ROWS[case]
    text = jsonl(GOOD[:3]) + bad_line + "\n" + jsonl(GOOD[3:])
    before = snapshot(store)
    with pytest.raises(InvalidInput) as caught:
        load_jsonl(store, text)
    assert [d["line"] for d in caught.value.details] == [4]
    assert expected in caught.value.details[0]["message"]
    assert snapshot(store) == before


def test_every_problem_is_reported_with_its_line(store: GraphStore) -> None:
    text = "\n".join(line for line, _ in BAD_ROWS.values())
    with pytest.raises(InvalidInput) as caught:
        load_jsonl(store, jsonl(GOOD[:3]) + text)
    assert len(caught.value.details) == len(BAD_ROWS)
    assert [d["line"] for d in caught.value.details] == sorted(d["line"] for d in caught.value.details)


def test_kind_clash_with_stored_node_is_rejected(store: GraphStore) -> None:
    load_jsonl(store, jsonl(GOOD))
    clash = {"kind": "company", "id": "llm", "name_en": "LLM Inc", **SRC}
    with pytest.raises(InvalidInput, match="1 problem"):
        load_jsonl(store, jsonl([clash]))
    assert store.fetch_nodes(["llm"])["llm"]["kind"] == "technology"


def test_relationships_may_point_at_stored_nodes(store: GraphStore) -> None:
    load_jsonl(store, jsonl(GOOD[:3]))
    report = load_jsonl(store, jsonl(GOOD[3:]))
    assert report.relationships_created == 2


def test_dry_run_validates_without_writing(store: GraphStore) -> None:
    before = snapshot(store)
    report = import_rows(store, parse(jsonl(GOOD), ImportFormat.JSONL), dry_run=True)
    assert (report.dry_run, report.nodes_created) == (True, 3)
    assert snapshot(store) == before


def test_csv_import_with_json_cells(store: GraphStore) -> None:
    text = (
        "kind,id,name_en,name_ja,iso_code,region,indicators,source,illustrative,type,from,to,score\n"
        'country,jp,Japan,日本,jp,japan,"[{""indicator"": ""patents"", ""year"": 2023, ""rank"": 3}]",GII 2023,false,,,,\n'
        "field,ai,AI,,,,,src,true,,,,\n"
        ",,,,,,,src,true,STRONG_IN,jp,ai,0.4\n"
    )
    report = import_rows(store, parse(text.encode(), ImportFormat.CSV))
    assert (report.nodes_created, report.relationships_created) == (2, 1)
    stored = json.loads(store.fetch_nodes(["jp"])["jp"]["indicators"])
    assert stored == [{"illustrative": False, "indicator": "patents", "rank": 3, "year": 2023}]


def test_csv_errors_carry_csv_line_numbers(store: GraphStore) -> None:
    text = "kind,id,name_en,source,trl,domain\ntechnology,t1,T1,s,5,gx\ntechnology,t2,T2,s,eleven,gx\n"
    with pytest.raises(InvalidInput) as caught:
        import_rows(store, parse(text, ImportFormat.CSV))
    assert [d["line"] for d in caught.value.details] == [3]


def test_non_utf8_is_rejected(store: GraphStore) -> None:
    with pytest.raises(InvalidInput, match="UTF-8"):
        import_rows(store, parse("名前".encode("shift_jis"), ImportFormat.JSONL))


def test_export_round_trips_into_an_empty_graph(store: GraphStore) -> None:
    load_jsonl(store, jsonl(GOOD))
    exported = "".join(export_jsonl(store))
    lines = [json.loads(line) for line in exported.splitlines()]
    assert {row.get("kind") or row["type"] for row in lines} == {
        "field",
        "technology",
        "institution",
        "COVERS",
        "STRONG_IN",
    }
    store.clear()
    report = load_jsonl(store, exported)
    assert (report.nodes_created, report.relationships_created) == (3, 2)
    assert "".join(export_jsonl(store)) == exported


ODD_TEXT = [  # a BOM, CRLF ends, separators a JSON string holds raw, a blank line, a broken row, a CSV cell over two lines
    (
        ImportFormat.JSONL,
        "\ufeff"
        + json.dumps({"kind": "field", "id": "f", "name_en": "a\u2028b\x85c"}, ensure_ascii=False)
        + "\r\n\r\n{oops\n[1]\n",
    ),
    (ImportFormat.CSV, '\ufeffkind,id,name_en\r\nfield,f,"two\nlines"\r\nfield,g,"é, \u2029"\n'),
]


@pytest.mark.parametrize(("fmt", "text"), ODD_TEXT)
def test_a_stream_parses_as_the_whole_text_does(fmt: ImportFormat, text: str) -> None:
    whole = list(parse(text.encode(), fmt, "f"))
    assert len(whole) >= 2
    assert list(parse_stream(io.BytesIO(text.encode()), fmt, "f")) == whole


def test_a_stream_that_is_not_utf8_is_rejected_when_reached(store: GraphStore) -> None:
    stream = io.BytesIO(jsonl(GOOD).encode() + "名前".encode("shift_jis"))
    with pytest.raises(InvalidInput, match="UTF-8"):
        import_rows(store, parse_stream(stream, ImportFormat.JSONL))
    assert store.counts()["nodes"] == {}
