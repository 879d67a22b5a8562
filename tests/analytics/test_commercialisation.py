"""Commercialisation gaps: exact scores on a hand-built graph, the sample's deliberate patterns, scale."""

from __future__ import annotations

import math
from typing import Any

import networkx as nx
import pytest
from seeds.build_sample import COMMERCIALISED_TECHS, GAP_TECHS

from gxgraph.analytics.commercialisation import (
    CommercialisationGap,
    commercialisation_gaps,
    gap_scores,
    latest_segments,
)
from gxgraph.analytics.graph import graph_from_rows, is_japanese
from gxgraph.errors import InvalidInput


def _rel(type_: str, source: str, target: str, **props: Any) -> dict[str, Any]:
    return {"type": type_, "from": source, "to": target, **props}


@pytest.fixture
def hand_graph() -> nx.MultiDiGraph:
    """Three technologies whose every component is computed by hand in the tests below.

    a: Japanese 99 patents / 9 publications, researched in Japan (0.8) and the US (0.9), deployed
       only abroad, TRL 9, in the energy x ai cell (linked to its 2024 segment; 2030 is the latest).
    b: Japanese 9 patents / 99 publications, deployed by a Japanese company, TRL 5, in manufacturing x ai.
    c: developed only in the US (10 patents on the edge, 999 patent families on the node), no TRL.
    """
    seg = {"kind": "market_segment", "digital_technology": "ai", "illustrative": True}
    return graph_from_rows(
        [
            {"kind": "company", "id": "jp", "is_japanese": True},
            {"kind": "company", "id": "us", "country": "US"},
            {"kind": "country", "id": "country-jp", "iso_code": "JP"},
            {"kind": "institution", "id": "lab-us", "country": "US"},
            {"kind": "field", "id": "fa"},
            {"kind": "technology", "id": "a", "domain": "gx", "trl": 9, "industry": "energy"},
            {"kind": "technology", "id": "b", "domain": "dx", "trl": 5},
            {"kind": "technology", "id": "c", "domain": "both", "patent_families": 999},
            {"kind": "case_study", "id": "k"},
            {"kind": "case_study", "id": "f"},
            {**seg, "id": "s1", "industry": "energy", "year": 2024, "cagr_pct": 10.0, "market_size_usd": 1e9},
            {
                **seg,
                "id": "s2",
                "industry": "energy",
                "year": 2030,
                "cagr_pct": 20.0,
                "market_size_usd": 1e10,
            },
            {**seg, "id": "s3", "industry": "manufacturing", "year": 2030, "cagr_pct": 30.0},
            _rel("DEVELOPS", "jp", "a", patents=99, publications=9),
            _rel("DEVELOPS", "jp", "b", patents=9, publications=99),
            _rel("DEVELOPS", "us", "c", patents=10),
            _rel("USES", "k", "b"),
            _rel("DEPLOYED_BY", "k", "jp"),
            _rel("USES", "f", "a"),
            _rel("DEPLOYED_BY", "f", "us"),
            _rel("COVERS", "fa", "a"),
            _rel("STRONG_IN", "country-jp", "fa", score=0.8),
            _rel("STRONG_IN", "lab-us", "fa", score=0.9),
            _rel("IN_SEGMENT", "a", "s1"),
            _rel("IN_SEGMENT", "b", "s3"),
        ]
    )


def _ids(rows: list[CommercialisationGap]) -> list[str]:
    return [row.id for row in rows]


def _assert_real_edges(graph: nx.MultiDiGraph, rows: list[CommercialisationGap]) -> None:
    for row in rows:
        for path in row.evidence:
            assert path.steps, path.note
            for step in path.steps:
                assert graph.has_edge(step.from_id, step.to_id, key=step.type), (row.id, step)
            touched = {s.from_id for s in path.steps} | {s.to_id for s in path.steps}
            assert row.id in touched, path.note


def test_latest_segment_holds_each_cells_figures(hand_graph: nx.MultiDiGraph) -> None:
    assert latest_segments(hand_graph) == {"s1": "s2", "s2": "s2", "s3": "s3"}


def test_japan_scores_match_the_hand_computation(hand_graph: nx.MultiDiGraph) -> None:
    rows = commercialisation_gaps(hand_graph)
    assert _ids(rows) == ["a", "b"]  # c has no Japanese developer, so no strength from Japan
    a, b = rows
    # strength = 0.5*1 + 0.3*0.5 + 0.2*0.8 = 0.81; market: s2 has the lower CAGR of the two latest
    # segments (growth 0) and the only size (0.5) -> 0.25 -> factor 0.625; TRL 9 -> factor 1.
    assert a.score == pytest.approx(0.81 * 0.625)
    assert a.components == pytest.approx(
        {
            "patents": 1.0,
            "publications": 0.5,
            "research": 0.8,
            "strength": 0.81,
            "deployment": 0.0,
            "japanese_deployment": 0.0,
            "foreign_deployment": 1.0,
            "market": 0.25,
            "readiness": 1.0,
        }
    )
    assert (a.patents, a.publications, a.deployments, a.japanese_deployments, a.foreign_deployments) == (
        99,
        9,
        0,
        0,
        1,
    )
    assert a.segments == ["s2"]
    # b is deployed by a Japanese company as much as any technology is: no gap left.
    assert b.score == 0.0
    assert b.components["strength"] == pytest.approx(0.55)
    assert b.components["deployment"] == 1.0
    assert b.components["readiness"] == 0.5


def test_global_scores_match_the_hand_computation(hand_graph: nx.MultiDiGraph) -> None:
    rows = commercialisation_gaps(hand_graph, perspective="global")
    assert _ids(rows) == ["c", "a", "b"]  # a and b tie at 0: id order
    c, a, b = rows
    # c: 999 patent families beat its 10 edge patents and are the maximum -> patents 1, strength 0.5;
    # undeployed; no segment (0.75); no TRL (0.75).
    assert c.patents == 999
    assert c.score == pytest.approx(0.5 * 0.75 * 0.75)
    assert a.components["patents"] == pytest.approx(math.log(100) / math.log(1000))
    assert a.components["research"] == 0.9  # the US lab now counts
    assert a.components["strength"] == pytest.approx(0.5 * 2 / 3 + 0.3 * 0.5 + 0.2 * 0.9)
    assert a.components["deployment"] == 1.0
    assert (a.score, b.score) == (0.0, 0.0)
    assert gap_scores(hand_graph, perspective="global") == {row.id: row.score for row in rows}


def test_market_uses_the_best_segment_and_is_neutral_when_missing(hand_graph: nx.MultiDiGraph) -> None:
    rows = {row.id: row for row in commercialisation_gaps(hand_graph)}
    # s3 has the highest CAGR (growth 1) and no size (0.5).
    assert rows["b"].components["market"] == pytest.approx(0.75)


def test_filters(hand_graph: nx.MultiDiGraph) -> None:
    def ids(**filters: Any) -> list[str]:
        return _ids(commercialisation_gaps(hand_graph, perspective="global", **filters))

    assert ids(domain="gx") == ["c", "a"]  # "gx" includes "both"
    assert ids(domain="dx") == ["c", "b"]
    assert ids(domain="both") == ["c"]
    assert ids(country="us") == ["c"]
    assert ids(country="JP") == ["a", "b"]  # a Japanese company without a country counts as JP
    assert ids(industry="energy") == ["a"]  # the technology's own axis value
    assert ids(industry="manufacturing") == ["b"]  # its segment's axis value
    assert ids(digital_technology="ai") == ["a", "b"]
    assert ids(min_trl=6) == ["a"]  # c has no TRL, so it cannot show it is ready
    assert ids(limit=1) == ["c"]
    assert ids(limit=0) == []


def test_filters_do_not_change_scores(hand_graph: nx.MultiDiGraph) -> None:
    full = {row.id: row.score for row in commercialisation_gaps(hand_graph, perspective="global")}
    for row in commercialisation_gaps(hand_graph, perspective="global", domain="dx"):
        assert row.score == full[row.id]


@pytest.mark.parametrize(
    "kwargs",
    [{"perspective": "world"}, {"domain": "green"}, {"limit": -1}],
)
def test_bad_arguments_are_rejected(hand_graph: nx.MultiDiGraph, kwargs: dict[str, Any]) -> None:
    with pytest.raises(InvalidInput, match=next(iter(kwargs))):
        commercialisation_gaps(hand_graph, **kwargs)


def test_evidence_explains_the_hand_graph(hand_graph: nx.MultiDiGraph) -> None:
    a = commercialisation_gaps(hand_graph)[0]
    steps = [[(s.from_id, s.type, s.to_id) for s in path.steps] for path in a.evidence]
    assert steps == [
        [("jp", "DEVELOPS", "a")],
        [("country-jp", "STRONG_IN", "fa"), ("fa", "COVERS", "a")],
        [("f", "USES", "a"), ("f", "DEPLOYED_BY", "us")],
        [("a", "IN_SEGMENT", "s1")],
    ]
    assert "abroad" in a.evidence[2].note
    assert "s2 (2030)" in a.evidence[3].note  # the figures shown are the cell's latest
    assert "illustrative" in a.evidence[3].note
    _assert_real_edges(hand_graph, commercialisation_gaps(hand_graph, perspective="global"))


def test_empty_graph_has_no_gaps() -> None:
    assert commercialisation_gaps(graph_from_rows([])) == []


def test_sample_gap_techs_rank_above_commercialised_ones(sample_graph: nx.MultiDiGraph) -> None:
    rank = {t: i for i, t in enumerate(_ids(commercialisation_gaps(sample_graph, limit=None)))}
    assert set(GAP_TECHS) | set(COMMERCIALISED_TECHS) <= rank.keys()
    assert max(rank[t] for t in GAP_TECHS) < min(rank[t] for t in COMMERCIALISED_TECHS)


def test_sample_gap_rows_show_foreign_markets(sample_graph: nx.MultiDiGraph) -> None:
    rows = {row.id: row for row in commercialisation_gaps(sample_graph, limit=None)}
    for tech in GAP_TECHS:
        row = rows[tech]
        assert row.patents >= 150
        assert row.japanese_deployments == 0 < row.foreign_deployments
        assert row.score >= 0.3
        deployers = [
            p.steps[1].to_id for p in row.evidence if [s.type for s in p.steps] == ["USES", "DEPLOYED_BY"]
        ]
        assert deployers
        assert not any(is_japanese(sample_graph, company) for company in deployers)
    for tech in COMMERCIALISED_TECHS:
        assert rows[tech].japanese_deployments >= 1


def test_sample_rows_are_sorted_bounded_and_backed_by_edges(sample_graph: nx.MultiDiGraph) -> None:
    for perspective in ("japan", "global"):
        rows = commercialisation_gaps(sample_graph, perspective=perspective, limit=None)
        assert [(-r.score, r.id) for r in rows] == sorted((-r.score, r.id) for r in rows)
        for row in rows:
            assert 0.0 <= row.score <= 1.0
            assert all(0.0 <= value <= 1.0 for value in row.components.values())
            assert row.components["strength"] > 0
        _assert_real_edges(sample_graph, rows)
    assert len(commercialisation_gaps(sample_graph)) == 50  # the default limit


def test_sample_filters(sample_graph: nx.MultiDiGraph) -> None:
    nodes = sample_graph.nodes
    dx = commercialisation_gaps(sample_graph, domain="dx", limit=None)
    assert dx
    assert {nodes[r.id]["domain"] for r in dx} == {"dx", "both"}
    ready = commercialisation_gaps(sample_graph, min_trl=7, limit=None)
    assert ready
    assert all(r.trl is not None and r.trl >= 7 for r in ready)
    energy = _ids(commercialisation_gaps(sample_graph, industry="energy", limit=None))
    assert {"tech-perovskite-pv", "tech-green-hydrogen-electrolysis"} <= set(energy)
    assert "tech-factory-digital-twin" not in energy
    twins = _ids(commercialisation_gaps(sample_graph, digital_technology="digital_twin", limit=None))
    assert "tech-factory-digital-twin" in twins
    assert "tech-perovskite-pv" not in twins
    us = commercialisation_gaps(sample_graph, perspective="global", country="US", limit=None)
    assert us
    for row in us:
        developers = [u for u, _, k in sample_graph.in_edges(row.id, keys=True) if k == "DEVELOPS"]
        assert any(nodes[d].get("country") == "US" for d in developers)


def test_synthetic_graph_runs(synthetic_graph: nx.MultiDiGraph) -> None:
    rows = commercialisation_gaps(synthetic_graph, limit=None)
    assert len(rows) > 100
    assert rows[0].score > rows[-1].score
    assert {r.id: r.score for r in rows} == gap_scores(synthetic_graph)
    _assert_real_edges(synthetic_graph, rows[:50])
