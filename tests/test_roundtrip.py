"""Property-based: whatever text and numbers the domain accepts, an export re-imports into an empty
store as the same graph (JSON Lines exactly; GraphML as NetworkX reads it back), on both stores."""

from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gxgraph.services.exports import export_graphml, export_jsonl
from gxgraph.store.base import GraphStore
from tests.conftest import load_jsonl

# Everything but what the domain refuses (domain/storable.py): C0 controls other than tab, LF and CR,
# surrogates, U+FFFE and U+FFFF. U+0085, U+2028, U+2029, \x7f and the C1 controls stay in.
REFUSED = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + "\ufffe\uffff"
TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters=REFUSED), max_size=30)
COUNT = st.integers(min_value=0, max_value=2**63 - 1)
AMOUNT = st.floats(min_value=0, max_value=1e300, allow_nan=False, allow_infinity=False)
SRC = {"source": "roundtrip", "illustrative": True}


@st.composite
def graphs(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A field, companies and technologies with arbitrary names and numbers, and links between them."""
    size = draw(st.integers(min_value=1, max_value=4))
    # Names are stripped and must not be empty: a letter on each side keeps the drawn text intact.
    rows: list[dict[str, Any]] = [
        {"kind": "field", "id": "field-0", "name_en": f"f{draw(TEXT)}f", "description": draw(TEXT), **SRC}
    ]
    for n in range(size):
        rows.append(
            {
                "kind": "technology",
                "id": f"tech-{n}",
                "name_en": f"t{draw(TEXT)}t",
                "name_ja": f"技{draw(TEXT)}術",
                "description": draw(TEXT),
                "domain": "gx",
                "patent_families": draw(COUNT),
                **SRC,
            }
        )
        rows.append(
            {
                "kind": "company",
                "id": f"co-{n}",
                "name_en": f"c{draw(TEXT)}c",
                "country": "JP",
                "valuation_usd": draw(AMOUNT),
                "source": draw(TEXT.filter(bool)),
            }
        )
        rows.append(
            {"type": "COVERS", "from": "field-0", "to": f"tech-{n}", "source": draw(TEXT.filter(bool))}
        )
        rows.append({"type": "DEVELOPS", "from": f"co-{n}", "to": f"tech-{n}", "patents": draw(COUNT), **SRC})
    return rows


def _graphml_value(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def _assert_graphml_matches(graphml: str, exported: list[dict[str, Any]]) -> None:
    graph = nx.read_graphml(io.BytesIO(graphml.encode("utf-8")), force_multigraph=True)
    nodes = {row["id"]: row for row in exported if "kind" in row}
    assert {node: dict(data) for node, data in graph.nodes(data=True)} == {
        node_id: {key: _graphml_value(value) for key, value in row.items()} for node_id, row in nodes.items()
    }
    edges = sorted(
        (row["from"], row["to"], json.dumps({k: v for k, v in row.items() if k not in ("from", "to")}))
        for row in exported
        if "type" in row
    )
    read = sorted((source, target, json.dumps(dict(data))) for source, target, data in graph.edges(data=True))
    assert [(s, t, json.loads(d)) for s, t, d in read] == [(s, t, json.loads(d)) for s, t, d in edges]


@settings(
    max_examples=30,
    deadline=None,
    database=None,  # no .hypothesis folder in the repo; failures print their reproducing example
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(rows=graphs())
def test_exports_reimport_as_the_same_graph(store: GraphStore, rows: list[dict[str, Any]]) -> None:
    store.clear()
    load_jsonl(store, "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    exported = "".join(export_jsonl(store))
    graphml = "".join(export_graphml(store))

    store.clear()
    report = load_jsonl(store, exported)
    assert report.nodes_created + report.relationships_created == len(rows)
    assert "".join(export_jsonl(store)) == exported
    _assert_graphml_matches(graphml, [json.loads(line) for line in exported.split("\n") if line])
