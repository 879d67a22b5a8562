"""who_knows and warm_introduction: hand-computed answers, sample-ecosystem pins, synthetic runs."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from typing import Any

import networkx as nx
import pytest

from gxgraph.analytics.expertise import INTRODUCERS, Knower, warm_introduction, who_knows
from gxgraph.analytics.graph import CLASSIFICATION_TYPES, graph_from_rows
from gxgraph.errors import InvalidInput, NotFound
from tests.analytics.evidence_checks import assert_paths_exist, assert_steps_exist

CYBER = "field-cybersecurity"


def node(kind: str, id_: str, **props: Any) -> dict[str, Any]:
    return {"kind": kind, "id": id_, **props}


def rel(type_: str, source: str, target: str, **props: Any) -> dict[str, Any]:
    return {"type": type_, "from": source, "to": target, **props}


def assert_evidence_exists(graph: nx.MultiDiGraph, rows: Iterable[Knower]) -> None:
    for row in rows:
        assert row.evidence, row.id
        assert_paths_exist(graph, row.evidence)


def by_id(rows: Iterable[Knower]) -> dict[str, Knower]:
    return {row.id: row for row in rows}


@pytest.fixture
def tiny() -> nx.MultiDiGraph:
    """Field cs > cyber covering ot-sec; a strong lab, two developers, experts, a partnership."""
    return graph_from_rows(
        [
            node("field", "cs"),
            node("field", "cyber"),
            node("technology", "ot-sec"),
            node("technology", "other"),
            node("institution", "lab"),
            node("company", "big"),
            node("company", "small", is_japanese=True, country="JP"),
            node("expert", "ana", country="IL"),
            node("expert", "bo"),
            node("case_study", "cs1"),
            node("case_study", "cs2"),
            node("partnership", "p-on", status="active"),
            node("partnership", "p-off", status="proposed"),
            node("country", "country-il", iso_code="IL", region="middle_east"),
            rel("SUBFIELD_OF", "cyber", "cs"),
            rel("COVERS", "cyber", "ot-sec"),
            rel("STRONG_IN", "lab", "cyber", score=0.9),
            rel("DEVELOPS", "big", "ot-sec", patents=99, publications=0),
            rel("DEVELOPS", "small", "ot-sec", patents=9),
            rel("DEVELOPS", "small", "other", patents=500),
            rel("EXPERT_IN", "ana", "cyber", level=0.8),
            rel("EXPERT_IN", "bo", "ot-sec"),
            rel("AFFILIATED_WITH", "ana", "lab"),
            rel("AFFILIATED_WITH", "bo", "big"),
            rel("USES", "cs1", "ot-sec"),
            rel("USES", "cs2", "ot-sec"),
            rel("DEPLOYED_BY", "cs1", "big"),
            rel("DEPLOYED_BY", "cs2", "big"),
            rel("PARTY", "p-on", "lab", role="academic"),
            rel("PARTY", "p-on", "small", role="industry"),
            rel("PARTY", "p-off", "lab", role="academic"),
            rel("PARTY", "p-off", "big", role="industry"),
            rel("LOCATED_IN", "ana", "country-il"),
        ]
    )


def test_components_by_hand(tiny: nx.MultiDiGraph) -> None:
    rows = by_id(who_knows(tiny, ["cs"]))
    assert set(rows) == {"lab", "big", "small", "ana", "bo"}  # via the subfield and its technology
    big_output = 1 + math.log1p(99)
    small_output = (1 + math.log1p(9)) / big_output  # 'other' is off topic
    assert rows["big"].components == {
        "output": 1.0,
        "deployment": 0.75,  # two case studies: 1 - 0.5**2
        "experts": 0.5,  # bo has no level: DEFAULT_LEVEL
        "partnerships": 0.0,  # p-off is only proposed
    }
    assert rows["small"].components == pytest.approx(
        {"output": small_output, "deployment": 0.0, "experts": 0.0, "partnerships": 0.5}
    )
    assert rows["lab"].components == {"strength": 0.9, "output": 0.0, "experts": 0.8, "partnerships": 0.0}
    assert rows["lab"].score == pytest.approx(0.35 * 0.9 + 0.2 * 0.8)
    lab_base = 0.35 * 0.9 / (0.35 + 0.30)
    assert rows["ana"].components == pytest.approx({"expertise": 0.8, "affiliation": lab_base}, abs=1e-6)
    assert rows["ana"].score == pytest.approx(0.75 * 0.8 + 0.25 * lab_base, abs=1e-6)
    big_base = (0.4 * 1.0 + 0.3 * 0.75) / 0.7
    assert rows["bo"].score == pytest.approx(0.75 * 0.5 + 0.25 * big_base, abs=1e-6)
    assert (rows["ana"].country, rows["ana"].region) == ("IL", "middle_east")
    assert all(0 <= row.score <= 1 for row in rows.values())
    assert_evidence_exists(tiny, rows.values())


def test_evidence_chains_reach_the_target(tiny: nx.MultiDiGraph) -> None:
    ana = by_id(who_knows(tiny, ["cs"]))["ana"]
    chain = [(s.from_id, s.type, s.to_id) for s in ana.evidence[0].steps]
    assert chain == [("ana", "EXPERT_IN", "cyber"), ("cyber", "SUBFIELD_OF", "cs")]
    bo = by_id(who_knows(tiny, ["cyber"]))["bo"]
    assert [(s.from_id, s.type, s.to_id) for s in bo.evidence[0].steps] == [
        ("bo", "EXPERT_IN", "ot-sec"),
        ("cyber", "COVERS", "ot-sec"),
    ]
    lab = by_id(who_knows(tiny, ["ot-sec"]))["lab"]  # a technology target reaches fields covering it
    assert [(s.from_id, s.type, s.to_id) for s in lab.evidence[0].steps] == [
        ("lab", "STRONG_IN", "cyber"),
        ("cyber", "COVERS", "ot-sec"),
    ]


def test_order_kinds_and_limit(tiny: nx.MultiDiGraph) -> None:
    rows = who_knows(tiny, ["cs"])
    assert [(-r.score, r.id) for r in rows] == sorted((-r.score, r.id) for r in rows)
    assert {r.kind for r in who_knows(tiny, ["cs"], kinds=["expert"])} == {"expert"}
    assert len(who_knows(tiny, ["cs"], limit=2)) == 2
    assert who_knows(tiny, ["cs"]) == rows  # deterministic


def test_bad_input(tiny: nx.MultiDiGraph) -> None:
    with pytest.raises(NotFound):
        who_knows(tiny, ["nope"])
    with pytest.raises(InvalidInput):
        who_knows(tiny, ["lab"])
    with pytest.raises(InvalidInput):
        who_knows(tiny, ["cs"], kinds=["country"])


def test_sample_cybersecurity(sample_graph: nx.MultiDiGraph) -> None:
    rows = who_knows(sample_graph, [CYBER], limit=50)
    experts = [r.id for r in rows if r.kind == "expert"]
    institutions = [r.id for r in rows if r.kind == "institution"]
    companies = [r.id for r in rows if r.kind == "company"]
    assert experts[0] == "exp-me-01"
    assert experts[:3] == ["exp-me-01", "exp-me-02", "exp-ilc-01"]
    assert "exp-jpc-04" in experts
    assert institutions[0] == "inst-me-innovation-authority"
    assert companies[0] == "co-il-shieldot"
    assert_evidence_exists(sample_graph, rows)
    top = rows[0]
    assert top.id == "exp-me-01"
    assert ("exp-me-01", "EXPERT_IN", CYBER) in {(s.from_id, s.type, s.to_id) for s in top.evidence[0].steps}


@pytest.mark.parametrize(
    ("target", "expert"),
    [
        ("field-quantum-computing", "exp-as-04"),
        ("field-fintech", "exp-as-02"),
        ("field-venture-creation", "exp-me-03"),
    ],
)
def test_sample_patterns(sample_graph: nx.MultiDiGraph, target: str, expert: str) -> None:
    rows = who_knows(sample_graph, [target], kinds=["expert"])
    assert rows[0].id == expert
    assert_evidence_exists(sample_graph, rows)


def test_technology_target_uses_covering_fields(sample_graph: nx.MultiDiGraph) -> None:
    rows = by_id(who_knows(sample_graph, ["tech-ot-cybersecurity"], limit=100))
    assert (
        rows["inst-me-innovation-authority"].components["strength"] == 0.95
    )  # STRONG_IN cyber, which COVERS it
    assert rows["co-il-shieldot"].components["deployment"] > 0
    assert_evidence_exists(sample_graph, rows.values())


@pytest.fixture
def lattice() -> nx.MultiDiGraph:
    """jp -> two partnerships -> two labs -> one expert: two shortest paths; a country shortcut."""
    return graph_from_rows(
        [
            node("company", "jp", is_japanese=True),
            node("company", "us"),
            node("partnership", "p1"),
            node("partnership", "p2"),
            node("institution", "lab-a"),
            node("institution", "lab-b"),
            node("expert", "target"),
            node("expert", "far"),
            node("country", "country-jp", iso_code="JP"),
            node("field", "f"),
            node("field", "g"),
            rel("PARTY", "p2", "jp", role="x"),
            rel("PARTY", "p1", "jp", role="x"),
            rel("PARTY", "p1", "lab-b", role="x"),
            rel("PARTY", "p2", "lab-a", role="x"),
            rel("AFFILIATED_WITH", "target", "lab-a"),
            rel("AFFILIATED_WITH", "target", "lab-b"),
            rel("LOCATED_IN", "jp", "country-jp"),  # classification: never an introduction
            rel("LOCATED_IN", "far", "country-jp"),
            rel("STRONG_IN", "country-jp", "f", score=0.5),  # countries are skipped, even via STRONG_IN
            rel("EXPERT_IN", "far", "f"),
            rel("SUBFIELD_OF", "f", "g"),
        ]
    )


def test_warm_introduction_smallest_shortest_path(lattice: nx.MultiDiGraph) -> None:
    path = warm_introduction(lattice, "jp", "target")
    assert path is not None
    assert [n.id for n in path.nodes] == ["jp", "p1", "lab-b", "target"]  # p1 < p2
    assert [(s.from_id, s.type, s.to_id) for s in path.steps] == [
        ("p1", "PARTY", "jp"),
        ("p1", "PARTY", "lab-b"),
        ("target", "AFFILIATED_WITH", "lab-b"),
    ]
    assert (path.hops, path.from_id, path.to_id) == (3, "jp", "target")
    assert [n.kind for n in path.nodes] == ["company", "partnership", "institution", "expert"]
    assert_steps_exist(lattice, path.steps)


def test_warm_introduction_limits(lattice: nx.MultiDiGraph) -> None:
    assert warm_introduction(lattice, "jp", "far") is None  # only via the country or a classification
    assert warm_introduction(lattice, "jp", "target", max_hops=2) is None
    same = warm_introduction(lattice, "jp", "jp")
    assert same is not None
    assert (same.hops, same.steps) == (0, [])
    with pytest.raises(InvalidInput):
        warm_introduction(lattice, "us", "target")  # not Japanese
    with pytest.raises(InvalidInput):
        warm_introduction(lattice, "lab-a", "target")  # not a company
    with pytest.raises(NotFound):
        warm_introduction(lattice, "jp", "nobody")


def actor_view(graph: nx.MultiDiGraph) -> nx.Graph:
    """The graph warm introductions walk between actors, for brute-force checks."""
    view = nx.Graph()
    view.add_nodes_from(n for n, kind in graph.nodes(data="kind") if kind in INTRODUCERS)
    for a, b, key in graph.edges(keys=True):
        if key not in CLASSIFICATION_TYPES and a in view and b in view and a != b:
            view.add_edge(a, b)
    return view


@pytest.mark.parametrize("company", ["co-jp-aoba", "co-jp-tomoshibi", "co-jp-hamakaze"])
def test_warm_introduction_matches_brute_force(sample_graph: nx.MultiDiGraph, company: str) -> None:
    view = actor_view(sample_graph)
    knowers = who_knows(sample_graph, [CYBER], limit=10, introduce_from=company)
    for knower in knowers:
        path = warm_introduction(sample_graph, company, knower.id)
        assert knower.introduction == path  # the single search agrees with the per-target one
        if path is None:
            reachable = nx.has_path(view, company, knower.id)
            assert not reachable or nx.shortest_path_length(view, company, knower.id) > 6
            continue
        best = min(nx.all_shortest_paths(view, company, knower.id))
        assert [n.id for n in path.nodes] == best
        assert_steps_exist(sample_graph, path.steps)
        for step, (a, b) in zip(path.steps, itertools.pairwise(best), strict=True):
            assert {step.from_id, step.to_id} == {a, b}


def test_who_knows_introductions_respect_max_hops(sample_graph: nx.MultiDiGraph) -> None:
    rows = who_knows(sample_graph, [CYBER], introduce_from="co-jp-aoba", max_hops=1)
    assert all(row.introduction is None or row.introduction.hops <= 1 for row in rows)
    with pytest.raises(InvalidInput):
        who_knows(sample_graph, [CYBER], introduce_from="co-il-shieldot")


def test_synthetic_runs(synthetic_graph: nx.MultiDiGraph) -> None:
    fields = [n for n, kind in synthetic_graph.nodes(data="kind") if kind == "field"]
    busiest = max(fields, key=lambda f: (synthetic_graph.in_degree(f) + synthetic_graph.out_degree(f), f))
    company = next(
        n for n, a in synthetic_graph.nodes(data=True) if a.get("kind") == "company" and a.get("is_japanese")
    )
    rows = who_knows(synthetic_graph, [busiest], limit=30, introduce_from=company)
    assert len(rows) == 30
    assert all(0 <= row.score <= 1 for row in rows)
    assert [(-r.score, r.id) for r in rows] == sorted((-r.score, r.id) for r in rows)
    assert_evidence_exists(synthetic_graph, rows)
    for row in rows:
        if row.introduction is not None:
            assert_steps_exist(synthetic_graph, row.introduction.steps)
    assert rows == who_knows(synthetic_graph, [busiest], limit=30, introduce_from=company)
