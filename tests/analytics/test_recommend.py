"""Partner recommendations: hand-computed scores on a tiny graph, the sample and a synthetic graph."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import networkx as nx
import pytest

from gxgraph.analytics.graph import graph_from_rows, is_japanese, nodes_of_kind, undirected
from gxgraph.analytics.recommend import (
    METHODS,
    PPR_EXCLUDED_TYPES,
    KnowledgeIndex,
    Recommendation,
    WalkGraph,
    active_partners,
    personalized_pagerank,
    rank_partners,
    recommend_partners,
)
from gxgraph.analytics.rows import Scored
from gxgraph.errors import InvalidInput, NotFound
from tests.analytics.evidence_checks import assert_paths_exist

LN3, LN4 = math.log(3), math.log(4)


def assert_steps_exist(graph: nx.MultiDiGraph, rows: Iterable[Scored]) -> None:
    """Every evidence step is a stored relationship, in its stored direction, with that type."""
    for row in rows:
        assert_paths_exist(graph, row.evidence)


@pytest.fixture
def tiny() -> nx.MultiDiGraph:
    """c (Japanese) develops t1, t2; i1 develops t1; i2 both; i3 is strong in f (covers t2); d develops t2.

    Neighbourhoods: c {t1: 1, t2: 1, f: .25}, i1 {t1: 1}, i2 {t1: 1, t2: 1, f: .25}, i3 {f: .8} plus t1 at
    0.5 x 0.6 = .3 through its expert, d {t2: 1, f: .25}. Knowledge degrees: t1 4 (c, i1, i2, i3), t2 3,
    f 4. c and i1 are in an active partnership; c and i2 only in a proposed one.
    """
    kinds = {"c": "company", "d": "company", "i1": "institution", "i2": "institution", "i3": "institution"}
    kinds |= {"t1": "technology", "t2": "technology", "f": "field", "e": "expert"}
    kinds |= {"p": "partnership", "q": "partnership"}
    rows: list[dict[str, object]] = [
        {"kind": kind, "id": node, "name_en": node.upper()} for node, kind in kinds.items()
    ]
    rows[0]["is_japanese"] = True
    rows[-2]["status"], rows[-1]["status"] = "active", "proposed"
    rel = "c DEVELOPS t1, c DEVELOPS t2, i1 DEVELOPS t1, i2 DEVELOPS t1, i2 DEVELOPS t2, f COVERS t2, "
    rel += "d DEVELOPS t2, e AFFILIATED_WITH i3, p PARTY c, p PARTY i1, q PARTY c, q PARTY i2"
    rows += [{"type": t, "from": a, "to": b} for a, t, b in (triple.split() for triple in rel.split(", "))]
    rows += [{"type": "STRONG_IN", "from": "i3", "to": "f", "score": 0.8}]
    rows += [{"type": "EXPERT_IN", "from": "e", "to": "t1", "level": 0.6}]
    return graph_from_rows(rows)


def assert_ranking(actual: Sequence[tuple[str, float]], expected: Sequence[tuple[str, float]]) -> None:
    """Same ids in the same order, and the same scores up to rounding."""
    assert [a for a, _ in actual] == [e for e, _ in expected]
    assert [score for _, score in actual] == pytest.approx([score for _, score in expected])


def _scores(rows: list[Recommendation]) -> list[tuple[str, float]]:
    return [(r.id, r.score) for r in rows]


def test_neighbourhoods_and_holders_by_hand(tiny: nx.MultiDiGraph) -> None:
    index = KnowledgeIndex(tiny)
    assert index.neighbourhood("c") == {"t1": 1.0, "t2": 1.0, "f": 0.25}
    assert index.neighbourhood("i3") == {"f": 0.8, "t1": pytest.approx(0.3)}
    assert index.holders("t1") == {"c": 1.0, "i1": 1.0, "i2": 1.0, "i3": pytest.approx(0.3)}
    assert index.holders("f") == {"c": 0.25, "i2": 0.25, "d": 0.25, "i3": 0.8}
    assert KnowledgeIndex(tiny, experts=False).neighbourhood("i3") == {"f": 0.8}


def test_adamic_adar_by_hand(tiny: nx.MultiDiGraph) -> None:
    rows = recommend_partners(tiny, "c", exclude_existing=False)
    expected = [
        ("i2", 1 / LN3 + 1 / LN4 + 0.25 * 0.25 / LN4),
        ("i1", 1 / LN4),
        ("i3", 0.3 / LN4 + 0.25 * 0.8 / LN4),
    ]
    assert_ranking(_scores(rows), expected)
    top = rows[0]
    assert [(s.id, s.kind) for s in top.shared] == [
        ("t2", "technology"),
        ("t1", "technology"),
        ("f", "field"),
    ]
    assert top.shared[0].contribution == pytest.approx(1 / LN3)
    assert top.components == pytest.approx({"technology": 1 / LN3 + 1 / LN4, "field": 0.0625 / LN4})
    assert [(s.from_id, s.type, s.to_id) for s in top.evidence[0].steps] == [
        ("c", "DEVELOPS", "t2"),
        ("i2", "DEVELOPS", "t2"),
    ]
    assert [(s.from_id, s.type, s.to_id) for s in rows[2].evidence[0].steps] == [
        ("c", "DEVELOPS", "t1"),
        ("e", "AFFILIATED_WITH", "i3"),
        ("e", "EXPERT_IN", "t1"),
    ]
    assert [(s.from_id, s.type, s.to_id) for s in rows[2].evidence[1].steps] == [
        ("c", "DEVELOPS", "t2"),
        ("f", "COVERS", "t2"),
        ("i3", "STRONG_IN", "f"),
    ]
    assert_steps_exist(tiny, rows)


def test_active_partners_are_excluded_but_proposed_ones_are_not(tiny: nx.MultiDiGraph) -> None:
    assert active_partners(tiny) == {"c": {"i1"}, "i1": {"c"}}
    assert [r.id for r in recommend_partners(tiny, "c")] == ["i2", "i3"]  # i1 is a partner already


def test_resource_allocation_and_jaccard_by_hand(tiny: nx.MultiDiGraph) -> None:
    index = KnowledgeIndex(tiny, experts=False)
    ra = recommend_partners(tiny, "c", method="resource_allocation", exclude_existing=False, index=index)
    assert_ranking(_scores(ra), [("i2", 2 / 3 + 0.0625 / 4), ("i1", 1 / 3), ("i3", 0.05)])
    jc = recommend_partners(tiny, "c", method="jaccard", exclude_existing=False, index=index)
    # Shared min-weights over the union of max-weights: W(c) = 2.25.
    assert_ranking(_scores(jc), [("i2", 1.0), ("i1", 1 / 2.25), ("i3", 0.25 / 2.8)])
    assert jc[2].components == pytest.approx({"shared_weight": 0.25, "union_weight": 2.8})


def test_company_partners_for_a_consortium(tiny: nx.MultiDiGraph) -> None:
    rows = recommend_partners(tiny, "c", target_kind="company")
    assert_ranking(_scores(rows), [("d", 1 / LN3 + 0.0625 / LN4)])
    assert rows[0].kind == "company"


def _power_iteration(graph: nx.Graph, source: str, damping: float = 0.85) -> dict[str, float]:
    rank = {node: float(node == source) for node in graph}
    for _ in range(500):
        rank = {
            node: (1 - damping) * (node == source)
            + damping * sum(rank[nbr] / graph.degree(nbr) for nbr in graph[node])
            for node in graph
        }
    return rank


def test_personalized_pagerank_matches_power_iteration(tiny: nx.MultiDiGraph) -> None:
    reference = _power_iteration(undirected(tiny, PPR_EXCLUDED_TYPES), "c")
    rows = recommend_partners(tiny, "c", method="personalized_pagerank", exclude_existing=False)
    expected = sorted(("i1", "i2", "i3"), key=lambda v: -reference[v])
    assert [r.id for r in rows] == expected
    for row in rows:
        assert row.score == pytest.approx(reference[row.id], abs=1e-4)
        assert sum(row.components.values()) == pytest.approx(row.score, abs=1e-4)  # inflows sum to the mass
        assert row.shared
        assert row.evidence
    assert_steps_exist(tiny, rows)


def test_lazy_projection_is_the_undirected_projection(sample_graph: nx.MultiDiGraph) -> None:
    walk, reference = (
        WalkGraph(sample_graph, PPR_EXCLUDED_TYPES),
        undirected(sample_graph, PPR_EXCLUDED_TYPES),
    )
    for node in reference:
        assert set(walk[node]) == set(reference[node])
        for nbr in walk[node]:
            step = walk.step(node, nbr)
            assert sample_graph.has_edge(step.from_id, step.to_id, key=step.type)
            assert step.type in reference.edges[node, nbr]["types"]


def test_removed_relationships_walk_as_if_deleted(synthetic_graph: nx.MultiDiGraph) -> None:
    deals = [
        d
        for d in nodes_of_kind(synthetic_graph, "partnership")
        if synthetic_graph.nodes[d].get("status") == "active"
    ]
    removed = [
        (d, p, "PARTY") for d in deals[::3] for p, keys in synthetic_graph.succ[d].items() if "PARTY" in keys
    ]
    deleted = synthetic_graph.copy()
    deleted.remove_edges_from(removed)
    assert removed
    assert deleted.number_of_edges() == synthetic_graph.number_of_edges() - len(removed)
    walk, reference = (
        WalkGraph(synthetic_graph, PPR_EXCLUDED_TYPES, removed),
        WalkGraph(deleted, PPR_EXCLUDED_TYPES),
    )
    touched = sorted({end for d, p, _ in removed for end in (d, p)})
    for node in [*touched, *nodes_of_kind(synthetic_graph, "company")[:50]]:
        assert walk[node] == reference[node]  # the same neighbours in the same order
        assert walk.stored_degree(node) == reference.stored_degree(node)
    assert any(
        walk.stored_degree(n) < len(synthetic_graph.succ[n]) + len(synthetic_graph.pred[n]) for n in touched
    )
    japanese = [c for c in nodes_of_kind(synthetic_graph, "company") if is_japanese(synthetic_graph, c)]
    for company in japanese[:5]:  # a fresh walk each: the adjacency memo must not decide the answer
        mass = personalized_pagerank(WalkGraph(synthetic_graph, PPR_EXCLUDED_TYPES, removed), company)
        assert mass == personalized_pagerank(WalkGraph(deleted, PPR_EXCLUDED_TYPES), company)
    assert active_partners(synthetic_graph, set(deals[::3])) == active_partners(deleted)


def test_focus_and_errors(tiny: nx.MultiDiGraph) -> None:
    rows = rank_partners(tiny, "c", {"i2", "i3"}, focus={"f"})
    assert_ranking(_scores(rows), [("i3", 0.2 / LN4), ("i2", 0.0625 / LN4)])
    assert [s.id for s in rows[1].shared] == ["f"]
    with pytest.raises(NotFound):
        recommend_partners(tiny, "i1")
    with pytest.raises(InvalidInput):
        recommend_partners(tiny, "c", method="cosine")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        rank_partners(tiny, "c", {"i2"}, method="personalized_pagerank", focus={"f"})


def test_holders_invert_neighbourhoods(
    sample_graph: nx.MultiDiGraph, synthetic_graph: nx.MultiDiGraph
) -> None:
    for graph in (sample_graph, synthetic_graph):
        index = KnowledgeIndex(graph)
        orgs = nodes_of_kind(graph, "institution") + nodes_of_kind(graph, "company")
        held: dict[str, dict[str, float]] = {}
        for org in orgs:
            for node, weight in index.neighbourhood(org).items():
                held.setdefault(node, {})[org] = weight
        assert held
        for node, holders in held.items():
            assert index.holders(node) == pytest.approx(holders)


@pytest.mark.parametrize("method", METHODS)
def test_sample_recommendations_come_with_reasons(sample_graph: nx.MultiDiGraph, method: str) -> None:
    rows = recommend_partners(sample_graph, "co-jp-kasumi", method=method)  # type: ignore[arg-type]
    assert rows[0].id == "inst-me-innovation-authority"  # both work on OT cybersecurity
    assert rows[0].region == "middle_east"
    assert "tech-ot-cybersecurity" in [s.id for s in rows[0].shared]
    linked = active_partners(sample_graph)["co-jp-kasumi"]
    assert {"inst-us-ai-commercialisation", "inst-jp-secretariat"} <= linked
    for row in rows:
        assert row.shared
        assert row.evidence
        assert row.id not in linked
        assert row.kind == "institution"
        assert all(s.contribution > 0 for s in row.shared)
    assert_steps_exist(sample_graph, rows)


def test_sample_5g_company_meets_the_5g_institutions(sample_graph: nx.MultiDiGraph) -> None:
    top = [r.id for r in recommend_partners(sample_graph, "co-jp-hibiki", limit=2)]
    assert top == ["inst-asia-incubator-network", "inst-kr-5g-testbed"]


def test_synthetic_recommendations(synthetic_graph: nx.MultiDiGraph) -> None:
    index = KnowledgeIndex(synthetic_graph)
    companies = [c for c in nodes_of_kind(synthetic_graph, "company") if is_japanese(synthetic_graph, c)][:20]
    for method in METHODS:
        for company in companies[:5]:
            rows = recommend_partners(synthetic_graph, company, method=method, index=index)  # type: ignore[arg-type]
            assert all(r.shared for r in rows)
            assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
            assert_steps_exist(synthetic_graph, rows)
    assert any(recommend_partners(synthetic_graph, c, index=index) for c in companies)
