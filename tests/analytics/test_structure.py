"""Brokers, communities, isolated companies and central institutions; NetworkX and igraph agree."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx
import pytest

from gxgraph.analytics.graph import CLASSIFICATION_TYPES, graph_from_rows, undirected
from gxgraph.analytics.rows import EvidencePath
from gxgraph.analytics.structure import brokers, central_institutions, communities, isolated_companies
from tests.analytics.evidence_checks import assert_steps_exist

# The test environment installs the 'fast' extra (make test), so the igraph path is always checked
# against NetworkX here; an ImportError fails these tests rather than skipping them.


def node(kind: str, id_: str, **props: Any) -> dict[str, Any]:
    return {"kind": kind, "id": id_, **props}


def rel(type_: str, source: str, target: str, **props: Any) -> dict[str, Any]:
    return {"type": type_, "from": source, "to": target, **props}


def companies_graph(edges: Iterable[tuple[str, str]], **props: dict[str, Any]) -> nx.MultiDiGraph:
    pairs = list(edges)
    ids = sorted({n for pair in pairs for n in pair})
    rows = [node("company", i, **props.get(i, {})) for i in ids]
    return graph_from_rows(rows + [rel("DEVELOPS", a, b) for a, b in pairs])


def assert_evidence_exists(graph: nx.MultiDiGraph, evidence: Iterable[EvidencePath]) -> None:
    for path in evidence:
        assert_steps_exist(graph, path.steps)


@pytest.fixture
def barbell() -> nx.MultiDiGraph:
    """Two 4-cliques joined by the bridge a3 - b0."""
    clique = [(f"{x}{i}", f"{x}{j}") for x in "ab" for i in range(4) for j in range(i + 1, 4)]
    return companies_graph([*clique, ("a3", "b0")])


def test_path_graph_has_one_broker() -> None:
    g = companies_graph([("a", "b"), ("b", "c")])
    rows = {row.id: row for row in brokers(g)}
    assert rows["b"].betweenness == 1.0
    assert rows["a"].betweenness == rows["c"].betweenness == 0.0
    assert brokers(g)[0].id == "b"
    assert (rows["b"].constraint, rows["a"].constraint) == (0.5, 1.0)


def test_regions_bridged_through_partnerships() -> None:
    g = graph_from_rows(
        [
            node("institution", "hub", region="japan"),
            node("institution", "eu", region="europe"),
            node("institution", "us", region="north_america"),
            node("company", "co", country="JP"),
            node("partnership", "p"),
            node("country", "country-jp", iso_code="JP", region="japan"),
            rel("PARTY", "p", "hub", role="x"),
            rel("PARTY", "p", "eu", role="x"),
            rel("PARTY", "p", "us", role="x"),
            rel("LOCATED_IN", "co", "country-jp"),  # classification: not a tie
        ]
    )
    hub = next(row for row in brokers(g) if row.id == "hub")
    assert hub.regions_bridged == ["europe", "north_america"]
    assert hub.components["regions"] == pytest.approx(2 / 3)
    assert_evidence_exists(g, hub.evidence)
    assert [(s.from_id, s.type, s.to_id) for s in hub.evidence[0].steps] == [
        ("p", "PARTY", "hub"),
        ("p", "PARTY", "eu"),
    ]
    assert "p" not in {row.id for row in brokers(g)}  # partnerships are ties, not brokers


def test_two_cliques_two_communities(barbell: nx.MultiDiGraph) -> None:
    found = communities(barbell)
    assert [sorted(m.id for m in c.top_members) for c in found] == [
        ["a0", "a1", "a2", "a3"],
        ["b0", "b1", "b2", "b3"],
    ]
    assert [(c.community_id, c.size, c.kinds) for c in found] == [
        (0, 4, {"company": 4}),
        (1, 4, {"company": 4}),
    ]
    assert found[0].top_members[0].id == "a3"  # the bridge end has the highest degree
    assert communities(barbell, limit=1) == found[:1]


def test_community_profiles() -> None:
    """Three institutions all strong in two fields (K3,2): one community, weights by hand."""
    scores = {"i0": (0.9, 0.2), "i1": (0.5, 0.5), "i2": (0.3, 0.3)}
    g = graph_from_rows(
        [node("institution", i, region="asia" if i != "i2" else "europe") for i in scores]
        + [node("field", "f"), node("field", "g")]
        + [rel("STRONG_IN", i, field, score=s[k]) for i, s in scores.items() for k, field in enumerate("fg")]
    )
    (only,) = communities(g)
    assert [(s.id, s.weight) for s in only.dominant_fields] == [
        ("f", 2.7),
        ("g", 2.0),
    ]  # 1 as member + scores
    assert [(s.id, s.weight) for s in only.dominant_regions] == [("asia", 2.0), ("europe", 1.0)]
    assert only.kinds == {"field": 2, "institution": 3}


def test_backends_agree_on_small_graphs(barbell: nx.MultiDiGraph, sample_graph: nx.MultiDiGraph) -> None:
    assert communities(barbell, backend="igraph") == communities(barbell, backend="networkx")
    for sample_size in (None, 60):
        nx_rows = brokers(sample_graph, limit=30, sample_size=sample_size, backend="networkx")
        ig_rows = brokers(sample_graph, limit=30, sample_size=sample_size, backend="igraph")
        assert [r.id for r in nx_rows] == [r.id for r in ig_rows]
        for a, b in zip(nx_rows, ig_rows, strict=True):
            assert a.betweenness == pytest.approx(b.betweenness, abs=1e-8)
            assert a.constraint == pytest.approx(b.constraint, abs=1e-8)
            assert (a.regions_bridged, a.degree, a.evidence) == (b.regions_bridged, b.degree, b.evidence)
    nx_central = central_institutions(sample_graph, backend="networkx")
    ig_central = central_institutions(sample_graph, backend="igraph")
    assert [r.id for r in nx_central] == [r.id for r in ig_central]
    for c, d in zip(nx_central, ig_central, strict=True):
        assert c.pagerank == pytest.approx(d.pagerank, rel=1e-6)


def test_constraint_matches_networkx(sample_graph: nx.MultiDiGraph) -> None:
    simple = undirected(sample_graph, CLASSIFICATION_TYPES)
    rows = brokers(sample_graph, limit=40, backend="networkx")
    expected = nx.constraint(simple, [row.id for row in rows])
    for row in rows:
        assert row.constraint == pytest.approx(expected[row.id], abs=1e-6)


def test_exact_betweenness_matches_networkx(sample_graph: nx.MultiDiGraph) -> None:
    simple = undirected(sample_graph, CLASSIFICATION_TYPES)
    expected = nx.betweenness_centrality(simple, normalized=True)
    for row in brokers(sample_graph, limit=15):
        assert row.betweenness == pytest.approx(expected[row.id], abs=1e-8)
    n = sample_graph.number_of_nodes()
    assert brokers(sample_graph, sample_size=n) == brokers(sample_graph)  # sampling everything is exact


def test_sample_brokers(sample_graph: nx.MultiDiGraph) -> None:
    rows = brokers(sample_graph, limit=10)
    ids = [row.id for row in rows]
    assert "inst-jp-secretariat" in ids[:3]
    secretariat = rows[ids.index("inst-jp-secretariat")]
    assert len(secretariat.regions_bridged) == 7  # every region in the sample
    wide = {row.id: row for row in brokers(sample_graph, limit=60)}
    for org in ("inst-intl-orgs", "inst-intl-south-south-forum", "inst-intl-climate-tech-body"):
        assert len(wide[org].regions_bridged) >= 3, org
    for row in rows:
        assert_evidence_exists(sample_graph, row.evidence)
        assert 0 <= row.score <= 1
        assert row.constraint is not None


def test_sample_isolated_companies(sample_graph: nx.MultiDiGraph) -> None:
    rows = isolated_companies(sample_graph, limit=100)
    japanese = {
        n for n, a in sample_graph.nodes(data=True) if a.get("kind") == "company" and a.get("is_japanese")
    }
    assert {row.id for row in rows} == japanese
    assert [(-r.score, r.id) for r in rows] == sorted((-r.score, r.id) for r in rows)
    # brute force: hop distances over the same actor view, from every frontier technology
    view = nx.Graph()
    view.add_nodes_from(n for n, kind in sample_graph.nodes(data="kind") if kind != "country")
    for a, b, key in sample_graph.edges(keys=True):
        if key not in CLASSIFICATION_TYPES and a in view and b in view:
            view.add_edge(a, b)
    frontier = {
        tech
        for inst, field, key, score in sample_graph.edges(keys=True, data="score")
        if key == "STRONG_IN" and sample_graph.nodes[inst]["kind"] == "institution" and score >= 0.9
        for tech, covers in sample_graph.succ[field].items()
        if "COVERS" in covers
    }
    distance = nx.multi_source_dijkstra_path_length(view, frontier)
    for row in rows:
        assert row.hops == distance.get(row.id)
        if row.hops is not None:
            assert row.nearest_frontier in frontier
            assert row.path[0] == row.id
            assert row.path[-1] == row.nearest_frontier
            assert len(row.path) == row.hops + 1
            assert_evidence_exists(sample_graph, row.evidence)
    assert rows[0].hops == max(r.hops or 0 for r in rows)


def test_isolated_unreachable_and_threshold() -> None:
    g = graph_from_rows(
        [
            node("institution", "lab"),
            node("field", "f"),
            node("technology", "t"),
            node("company", "near", is_japanese=True),
            node("company", "mid", is_japanese=True),
            node("company", "far", is_japanese=True),
            node("company", "foreign"),
            rel("STRONG_IN", "lab", "f", score=0.92),
            rel("COVERS", "f", "t"),
            rel("DEVELOPS", "near", "t"),
            rel("DEVELOPS", "foreign", "t"),
            rel("INVESTS_IN", "near", "mid") | {"type": "DEVELOPS"},
        ]
    )
    rows = isolated_companies(g)
    assert [(r.id, r.hops, r.score) for r in rows] == [
        ("far", None, 1.0),
        ("mid", 2, 0.5),
        ("near", 1, 0.0),
    ]
    assert [e.note for e in rows[1].evidence] == ["nearest frontier technology t", "t is frontier"]
    assert all(r.hops is None for r in isolated_companies(g, frontier_min_score=0.95))


def test_central_institutions_by_hand() -> None:
    g = graph_from_rows(
        [
            node("institution", "both-lab"),
            node("institution", "gx-lab"),
            node("institution", "field-lab"),
            node("field", "energy"),
            node("technology", "h2", domain="gx"),
            node("technology", "ai", domain="dx"),
            node("technology", "grid", domain="both"),
            rel("DEVELOPS", "both-lab", "h2"),
            rel("DEVELOPS", "both-lab", "ai"),
            rel("DEVELOPS", "gx-lab", "h2"),
            rel("STRONG_IN", "field-lab", "energy", score=0.9),
            rel("COVERS", "energy", "grid"),
        ]
    )
    rows = {row.id: row for row in central_institutions(g)}
    assert (rows["both-lab"].gx_technologies, rows["both-lab"].dx_technologies) == (1, 1)
    assert rows["both-lab"].components["balance"] == 1.0
    assert rows["gx-lab"].components["balance"] == 0.0
    assert (rows["field-lab"].gx_technologies, rows["field-lab"].dx_technologies) == (
        1,
        1,
    )  # 'both' counts twice
    assert [(s.from_id, s.type, s.to_id) for s in rows["field-lab"].evidence[0].steps] == [
        ("field-lab", "STRONG_IN", "energy"),
        ("energy", "COVERS", "grid"),
    ]
    assert max(row.components["pagerank"] for row in rows.values()) == 1.0
    assert sum(row.pagerank for row in rows.values()) < 1


def test_sample_central_institutions(sample_graph: nx.MultiDiGraph) -> None:
    rows = central_institutions(sample_graph, limit=30)
    assert len(rows) == 24  # every institution
    assert [(-r.score, r.id) for r in rows] == sorted((-r.score, r.id) for r in rows)
    assert rows[0].gx_technologies > 0
    assert rows[0].dx_technologies > 0
    for row in rows:
        assert 0 <= row.score <= 1
        assert_evidence_exists(sample_graph, row.evidence)


def test_synthetic_runs(synthetic_graph: nx.MultiDiGraph) -> None:
    rows = brokers(synthetic_graph, limit=10)  # igraph exact, or NetworkX sampled without igraph
    assert len(rows) == 10
    for row in rows:
        assert_evidence_exists(synthetic_graph, row.evidence)
    sampled = brokers(synthetic_graph, limit=10, sample_size=100, seed=1)
    assert sampled == brokers(synthetic_graph, limit=10, sample_size=100, seed=1)
    assert len({r.id for r in sampled} & {r.id for r in rows}) >= 5  # the estimate finds the hubs
    found = communities(synthetic_graph)
    assert sum(c.size for c in found) == synthetic_graph.number_of_nodes()
    assert found == communities(synthetic_graph)
    assert found[0].size >= found[-1].size
    isolated = isolated_companies(synthetic_graph)
    assert len(isolated) == 20
    central = central_institutions(synthetic_graph, limit=5)
    assert len(central) == 5
    for evidence in [*(r.evidence for r in isolated), *(r.evidence for r in central)]:
        assert_evidence_exists(synthetic_graph, evidence)


def test_synthetic_backends_agree(synthetic_graph: nx.MultiDiGraph) -> None:
    for found in (
        communities(synthetic_graph, backend="networkx"),
        communities(synthetic_graph, backend="igraph"),
    ):
        assert sum(c.size for c in found) == synthetic_graph.number_of_nodes()
    seeded = communities(synthetic_graph, backend="igraph", seed=3)
    assert seeded == communities(synthetic_graph, backend="igraph", seed=3)  # igraph's RNG is seeded too
    nx_rows = brokers(synthetic_graph, limit=10, sample_size=50, backend="networkx")
    ig_rows = brokers(synthetic_graph, limit=10, sample_size=50, backend="igraph")
    assert [r.id for r in nx_rows] == [r.id for r in ig_rows]
    assert [r.betweenness for r in nx_rows] == pytest.approx([r.betweenness for r in ig_rows], abs=1e-9)
    assert [r.constraint for r in nx_rows] == pytest.approx([r.constraint for r in ig_rows], abs=1e-9)
