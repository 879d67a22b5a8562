"""The column projection: the graph ``graph_from_rows`` builds, less the properties nothing reads of it,
held compactly; every analysis and the reports' provenance answer the same on it."""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
import pytest

from gxgraph.analyses import ANALYSES, Projected, validate_params
from gxgraph.analytics.columns import (
    BOOLEAN_COLUMNS,
    FLOAT_COLUMNS,
    LIST_COLUMNS,
    NODE_COLUMNS,
    RELATIONSHIP_COLUMNS,
    ProjectionBuilder,
    column_rows,
    graph_from_columns,
)
from gxgraph.analytics.graph import graph_from_rows
from gxgraph.domain.schema import NESTED_FIELDS, NODE_MODELS, REL_MODELS
from gxgraph.reports.data import _provenance  # the report section that reads every relationship
from gxgraph.seeding.synthetic import SyntheticConfig, generate
from tests.conftest import SAMPLE
from tests.test_analyses_registry import EXAMPLES
from tests.test_analytics_parity import _everything

Rows = list[dict[str, Any]]


def _sample_rows() -> Rows:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def _synthetic_rows() -> Rows:
    return list(generate(SyntheticConfig(nodes=2000, seed=11)))


def _kept(graph: nx.MultiDiGraph) -> tuple[list[Any], list[Any], list[Any]]:
    """Nodes, edges and adjacency (in insertion order) with only the projected properties."""
    node_names, edge_names = set(NODE_COLUMNS), {"type", *RELATIONSHIP_COLUMNS}
    nodes = [(n, {k: v for k, v in a.items() if k in node_names}) for n, a in graph.nodes(data=True)]
    edges = [
        (u, v, k, {x: y for x, y in a.items() if x in edge_names})
        for u, v, k, a in graph.edges(keys=True, data=True)
    ]
    adjacency = [(n, list(graph.succ[n]), list(graph.pred[n])) for n in graph]
    return nodes, edges, adjacency


@pytest.mark.parametrize("rows", [_sample_rows(), _synthetic_rows()], ids=["sample", "synthetic"])
def test_columns_build_the_graph_rows_build_less_what_is_not_read(rows: Rows) -> None:
    built = graph_from_columns(*column_rows(rows))
    assert _kept(built) == _kept(graph_from_rows(rows))


def test_pages_in_any_order_build_the_same_graph() -> None:
    nodes, relationships = column_rows(_sample_rows())
    builder = ProjectionBuilder()
    for start in reversed(range(0, max(len(nodes), len(relationships)), 97)):
        builder.add_relationships(relationships[start : start + 97])
        builder.add_nodes(nodes[start : start + 97])
    assert _kept(builder.graph()) == _kept(graph_from_columns(nodes, relationships))


def _timeless(value: Any) -> Any:
    """``value`` without the ``seconds`` an evaluation measured (they differ on every run)."""
    if isinstance(value, dict):
        return {key: _timeless(item) for key, item in value.items() if key != "seconds"}
    if isinstance(value, list):
        return [_timeless(item) for item in value]
    return value


def _answers(graph: nx.MultiDiGraph) -> dict[str, Any]:
    answers = _everything(graph)
    for spec in ANALYSES:
        if spec.resolve is None:  # free-text parameters need the store; _everything covers who-knows
            answer = spec.compute(Projected(graph), validate_params(spec, EXAMPLES[spec.name]))
            answers[spec.name] = json.loads(json.dumps(answer, default=lambda m: m.model_dump(mode="json")))
    answers["provenance"] = _provenance(graph).model_dump(mode="json")
    return dict(_timeless(answers))


def test_every_analysis_and_the_provenance_answer_the_same_on_the_columns() -> None:
    rows = _sample_rows()
    assert _answers(graph_from_columns(*column_rows(rows))) == _answers(graph_from_rows(rows))


def test_the_projection_is_read_only_and_shares_equal_attributes() -> None:
    graph = graph_from_columns(*column_rows(_sample_rows()))
    located = [data for _, _, key, data in graph.edges(keys=True, data=True) if key == "LOCATED_IN"]
    assert len(located) > 1
    assert len({id(data) for data in located}) < len(located)
    with pytest.raises(nx.NetworkXError, match="Frozen"):
        graph.add_edge("a", "b", key="COVERS")
    copy = graph.copy()
    source, target, key = next(iter(graph.edges(keys=True)))
    copy.edges[source, target, key]["score"] = 0.5
    assert "score" not in graph.edges[source, target, key]


def _types(annotation: Any) -> set[Any]:
    """The concrete types an annotation allows (Optional, unions and Annotated unwrapped)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _types(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return set().union(*(_types(arg) for arg in typing.get_args(annotation))) - {type(None)}
    return {origin or annotation}


def _column_types(models: Iterable[Any], columns: Iterable[str]) -> Mapping[str, set[Any]]:
    found: dict[str, set[Any]] = {name: set() for name in columns}
    for model in models:
        for name, info in model.model_fields.items():
            if name in found:
                found[name] |= _types(info.annotation)
    return found


def test_the_typed_columns_are_those_the_domain_models_type_so() -> None:
    declared = dict(_column_types(NODE_MODELS.values(), NODE_COLUMNS))
    for name, kinds in _column_types(REL_MODELS.values(), RELATIONSHIP_COLUMNS).items():
        declared[name] = declared.get(name, set()) | kinds
    assert all(declared.values()), [name for name, kinds in declared.items() if not kinds]
    assert {name for name, kinds in declared.items() if float in kinds} == FLOAT_COLUMNS
    assert {name for name, kinds in declared.items() if bool in kinds} == BOOLEAN_COLUMNS
    assert {name for name, kinds in declared.items() if list in kinds} - NESTED_FIELDS == LIST_COLUMNS
