"""Partnership gaps: a hand-built graph with known scores, the sample's deliberate gaps, and synthetic runs."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from gxgraph.analytics.graph import graph_from_rows, is_japanese
from gxgraph.analytics.partnership_gaps import group_by_region, japanese_users, partnership_gaps
from gxgraph.analytics.recommend import active_partners
from tests.analytics.test_recommend import assert_ranking, assert_steps_exist


@pytest.fixture
def world() -> nx.MultiDiGraph:
    """A (US) is strong in f1 .9 and f2 .7; B (US) in f1 .85 but partners j1 actively; J (JP) in f1 .95;
    C (KE) in f2 .8 with only a proposed partnership with j2; D (DE) in f3 .9 (no technology) and
    develops t1. f1 covers t1, t2; f2 covers t3. Japanese j1 develops t1, j2 develops t3.
    """
    rows: list[dict[str, object]] = [
        {"kind": "country", "id": "country-us", "iso_code": "US", "region": "north_america"},
        {"kind": "country", "id": "country-ke", "iso_code": "KE", "region": "global_south"},
        {"kind": "country", "id": "country-de", "iso_code": "DE", "region": "europe"},
        {"kind": "partnership", "id": "p-active", "status": "active"},
        {"kind": "partnership", "id": "p-proposed", "status": "proposed"},
    ]
    for inst, country in {"A": "US", "B": "US", "J": "JP", "C": "KE", "D": "DE"}.items():
        rows.append({"kind": "institution", "id": inst, "country": country})
    rows += [{"kind": "field", "id": f} for f in ("f1", "f2", "f3")]
    rows += [{"kind": "technology", "id": t} for t in ("t1", "t2", "t3")]
    rows += [{"kind": "company", "id": j, "country": "JP", "is_japanese": True} for j in ("j1", "j2")]
    strong = [
        ("A", "f1", 0.9),
        ("A", "f2", 0.7),
        ("B", "f1", 0.85),
        ("J", "f1", 0.95),
        ("C", "f2", 0.8),
        ("D", "f3", 0.9),
    ]
    rows += [{"type": "STRONG_IN", "from": i, "to": f, "score": s} for i, f, s in strong]
    rel = [("f1", "COVERS", "t1"), ("f1", "COVERS", "t2"), ("f2", "COVERS", "t3"), ("j1", "DEVELOPS", "t1")]
    rel += [
        ("j2", "DEVELOPS", "t3"),
        ("D", "DEVELOPS", "t1"),
        ("p-active", "PARTY", "B"),
        ("p-active", "PARTY", "j1"),
    ]
    rel += [("p-proposed", "PARTY", "C"), ("p-proposed", "PARTY", "j2")]
    rows += [{"type": t, "from": a, "to": b} for a, t, b in rel]
    return graph_from_rows(rows)


def test_gaps_by_hand(world: nx.MultiDiGraph) -> None:
    gaps = partnership_gaps(world)
    # A-f1: .9 x (.5 + .25 x 2/2 + .25 x 1/2); C-f2: .8 x (.5 + .25 x 1/2 + .25 x 1/1); D-f3: .9 x .5;
    # nobody has a commercialisation record, so each is halved by (0.5 + 0.5 x 0).
    assert_ranking(
        [(f"{g.institution.id}-{g.field.id}", g.score) for g in gaps],
        [("A-f1", 0.7875 / 2), ("C-f2", 0.7 / 2), ("D-f3", 0.45 / 2)],
    )
    a, c, d = gaps
    assert a.components == {"strength": 0.9, "breadth": 1.0, "japanese_interest": 0.5, "commercialisation": 0}
    assert [t.id for t in a.technologies] == ["t1", "t2"]
    assert a.strong_in_score == 0.9
    assert (a.institution.country, a.institution.region) == ("US", "north_america")
    # j1 reaches f1 only through t1 (0.25); f1 is held by A, B, J, j1 and D (through t1).
    assert_ranking([(r.id, r.score) for r in a.companies], [("j1", 0.9 * 0.25 / math.log(5))])
    assert a.companies_basis == "field"
    assert a.partnerships == []
    assert [(p.id, p.status) for p in c.partnerships] == [("p-proposed", "proposed")]
    assert_ranking([(r.id, r.score) for r in c.companies], [("j2", 0.8 * 0.25 / math.log(3))])
    # Nothing maps to f3, so D's companies come from its whole neighbourhood (t1, with j1).
    assert d.companies_basis == "institution"
    assert [r.id for r in d.companies] == ["j1"]
    assert [[(s.from_id, s.type, s.to_id) for s in p.steps] for p in a.evidence] == [
        [("A", "STRONG_IN", "f1")],
        [("A", "STRONG_IN", "f1"), ("f1", "COVERS", "t1"), ("j1", "DEVELOPS", "t1")],
        [("A", "STRONG_IN", "f1"), ("f1", "COVERS", "t2")],
    ]
    assert_steps_exist(world, gaps)


def test_gap_filters(world: nx.MultiDiGraph) -> None:
    assert [g.institution.id for g in partnership_gaps(world, region="global_south")] == ["C"]
    assert [g.institution.id for g in partnership_gaps(world, field="f1")] == ["A"]
    lower = partnership_gaps(world, min_score=0.7)
    scores = {(g.institution.id, g.field.id): g.score for g in lower}
    assert scores[("A", "f2")] == pytest.approx(0.7 * 0.875 * 0.5)
    assert partnership_gaps(world, min_score=0.96) == []
    assert all(len(g.companies) <= 1 for g in partnership_gaps(world, limit_companies=1))


def test_group_by_region(world: nx.MultiDiGraph) -> None:
    grouped = group_by_region(partnership_gaps(world, min_score=0.7))
    assert list(grouped) == ["north_america", "global_south", "europe"]
    assert [g.field.id for g in grouped["north_america"]["A"]] == ["f1", "f2"]
    assert group_by_region([]) == {}


def test_japanese_users_cover_deployments() -> None:
    graph = graph_from_rows(
        [
            {"kind": "company", "id": "jp", "is_japanese": True},
            {"kind": "company", "id": "us", "country": "US"},
            {"kind": "case_study", "id": "case"},
            {"kind": "technology", "id": "t"},
            {"type": "USES", "from": "case", "to": "t"},
            {"type": "DEPLOYED_BY", "from": "case", "to": "jp"},
            {"type": "DEVELOPS", "from": "us", "to": "t"},
        ]
    )
    found = japanese_users(graph, "t")
    assert list(found) == ["jp"]
    assert [s.type for s in found["jp"]] == ["USES", "DEPLOYED_BY"]


def test_sample_gaps_are_the_reports_gaps(sample_graph: nx.MultiDiGraph) -> None:
    gaps = partnership_gaps(sample_graph)
    pairs = {(g.institution.id, g.field.id) for g in gaps}
    expected = {
        ("inst-me-innovation-authority", "field-cybersecurity"),
        ("inst-me-innovation-authority", "field-venture-creation"),
        ("inst-asia-incubator-network", "field-quantum-computing"),
        ("inst-asia-incubator-network", "field-fintech"),
        ("inst-asia-incubator-network", "field-edtech"),
        ("inst-asia-incubator-network", "field-5g"),
        ("inst-eu-tech-transfer-network", "field-biochemistry"),
        ("inst-eu-tech-transfer-network", "field-medicine"),
        ("inst-eu-tech-transfer-network", "field-computer-science"),
    }
    assert expected <= pairs
    linked = active_partners(sample_graph)
    with_japanese = {
        i
        for i, partners in linked.items()
        if any(is_japanese(sample_graph, p) and p.startswith("co-") for p in partners)
    }
    assert {"inst-us-east-univ-ecosystem", "inst-us-ai-commercialisation"} <= with_japanese
    for gap in gaps:
        assert gap.institution.id not in with_japanese
        assert gap.institution.country != "JP"
        assert gap.strong_in_score >= 0.8
        assert gap.score <= gap.strong_in_score
        assert all(p.status != "active" for p in gap.partnerships)
        assert all(is_japanese(sample_graph, r.id) and r.shared for r in gap.companies)
    cyber = next(g for g in gaps if g.field.id == "field-cybersecurity")
    assert cyber.institution.region == "middle_east"
    assert [p.id for p in cyber.partnerships] == ["part-me-authority-dialogue"]
    assert {"co-jp-kasumi", "co-jp-tomoshibi"} == {r.id for r in cyber.companies}
    quantum = next(
        g
        for g in gaps
        if g.institution.id == "inst-asia-incubator-network" and g.field.id == "field-quantum-computing"
    )
    assert quantum.institution.region == "asia"
    assert quantum.companies[0].id == "co-jp-hiiragi"
    assert_steps_exist(sample_graph, gaps)
    assert_steps_exist(sample_graph, [r for g in gaps for r in g.companies])
    assert "middle_east" in group_by_region(gaps)


def test_synthetic_gaps(synthetic_graph: nx.MultiDiGraph) -> None:
    gaps = partnership_gaps(synthetic_graph)  # hubs hold the top scores, and most have Japanese partners
    assert gaps
    linked = active_partners(synthetic_graph)
    for gap in gaps:
        partners = linked.get(gap.institution.id, set())
        assert not any(
            synthetic_graph.nodes[p]["kind"] == "company" and is_japanese(synthetic_graph, p)
            for p in partners
        )
        assert gap.institution.country != "JP"
        assert gap.strong_in_score >= 0.8
        assert gap.companies
    assert [g.score for g in gaps] == sorted((g.score for g in gaps), reverse=True)
    assert_steps_exist(synthetic_graph, gaps[:50])
