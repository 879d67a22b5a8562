"""Replication candidates: hand-computed similarity, the sample's US ecosystem model, synthetic runs."""

from __future__ import annotations

import networkx as nx
import pytest

from gxgraph.analytics.graph import graph_from_rows, is_japanese, nodes_of_kind
from gxgraph.analytics.replication import replication_candidates
from gxgraph.errors import NotFound
from tests.analytics.test_recommend import assert_ranking, assert_steps_exist


@pytest.fixture
def world() -> nx.MultiDiGraph:
    """Partnership p joins U (US: f1 .8, f2 .6; develops t1, t2), W (JP: f3 .9) and Japanese company k.

    Candidates: K1 (KE: f1 .8, f2 .6), G1 (DE: f1 .4; develops t1), U2 (US: f1 .8), J2 (JP: f1 .8),
    N1 (BR: f9 .9, shares nothing).
    """
    insts = {"U": "US", "W": "JP", "K1": "KE", "G1": "DE", "U2": "US", "J2": "JP", "N1": "BR"}
    rows: list[dict[str, object]] = [{"kind": "institution", "id": i, "country": c} for i, c in insts.items()]
    regions = {
        "US": "north_america",
        "KE": "global_south",
        "DE": "europe",
        "JP": "japan",
        "BR": "global_south",
    }
    rows += [
        {"kind": "country", "id": f"country-{c}", "iso_code": c, "region": r} for c, r in regions.items()
    ]
    rows += [{"kind": "partnership", "id": "p", "status": "active", "name_en": "P"}]
    rows += [{"kind": "company", "id": "k", "is_japanese": True}]
    rows += [{"kind": "field", "id": f} for f in ("f1", "f2", "f3", "f9")]
    rows += [{"kind": "technology", "id": t} for t in ("t1", "t2")]
    rows += [{"type": "PARTY", "from": "p", "to": x} for x in ("U", "W", "k")]
    strong = [("U", "f1", 0.8), ("U", "f2", 0.6), ("W", "f3", 0.9), ("K1", "f1", 0.8), ("K1", "f2", 0.6)]
    strong += [("G1", "f1", 0.4), ("U2", "f1", 0.8), ("J2", "f1", 0.8), ("N1", "f9", 0.9)]
    rows += [{"type": "STRONG_IN", "from": i, "to": f, "score": s} for i, f, s in strong]
    rows += [{"type": "DEVELOPS", "from": i, "to": t} for i, t in (("U", "t1"), ("U", "t2"), ("G1", "t1"))]
    return graph_from_rows(rows)


def test_replication_by_hand(world: nx.MultiDiGraph) -> None:
    result = replication_candidates(world, "p")
    # K1: cosine 1 (same profile), no technology; G1: cosine .8 x .4 / (1 x .4) = .8, Jaccard {t1} / {t1, t2}.
    assert_ranking(
        [(c.id, c.score) for c in result.candidates],
        [("K1", 0.75), ("G1", 0.75 * 0.8 + 0.25 * 0.5)],
    )
    k1, g1 = result.candidates
    assert (k1.global_south, g1.global_south) == (True, False)
    assert k1.region == "global_south"
    assert [(f.id, f.source_institution, f.source_score, f.candidate_score) for f in k1.shared_fields] == [
        ("f1", "U", 0.8, 0.8),
        ("f2", "U", 0.6, 0.6),
    ]
    assert g1.components == pytest.approx({"field_similarity": 0.8, "technology_overlap": 0.5})
    assert [t.id for t in g1.shared_technologies] == ["t1"]
    assert [[(s.from_id, s.type, s.to_id) for s in e.steps] for e in g1.evidence] == [
        [("U", "STRONG_IN", "f1"), ("G1", "STRONG_IN", "f1")],
        [("U", "DEVELOPS", "t1"), ("G1", "DEVELOPS", "t1")],
    ]
    assert [i.id for i in result.source_institutions] == ["U"]  # W is the Japanese side
    assert [c.id for c in result.japanese_companies] == ["k"]
    assert (result.partnership.status, result.partnership.name_en) == ("active", "P")
    assert_steps_exist(world, result.candidates)


def test_same_country_limit_and_errors(world: nx.MultiDiGraph) -> None:
    wider = replication_candidates(world, "p", include_same_country=True)
    # U2: cosine .8 x .8 / (1 x .8) = .8, and no technology.
    assert_ranking([(c.id, c.score) for c in wider.candidates], [("K1", 0.75), ("G1", 0.725), ("U2", 0.6)])
    assert "J2" not in {c.id for c in wider.candidates}  # Japan carries the model, never hosts it
    assert [c.id for c in replication_candidates(world, "p", limit=1).candidates] == ["K1"]
    with pytest.raises(NotFound):
        replication_candidates(world, "U")


def test_sample_us_ecosystem_replicates_abroad_and_to_the_global_south(sample_graph: nx.MultiDiGraph) -> None:
    result = replication_candidates(sample_graph, "part-us-univ-ecosystem")
    assert [i.id for i in result.source_institutions] == ["inst-us-east-univ-ecosystem"]
    assert len(result.japanese_companies) == 10
    ids = [c.id for c in result.candidates]
    assert {"inst-za-decarbonisation", "inst-in-tech-consortium", "inst-id-energy-transition"} <= set(ids)
    assert (
        ids[0] == "inst-intl-climate-tech-body"
    )  # climate science and carbon management, both at 0.8 / 0.75
    assert "inst-us-ai-commercialisation" not in ids  # same country
    for candidate in result.candidates:
        assert candidate.country not in ("US", "JP")
        assert candidate.global_south == (candidate.region == "global_south")
        assert candidate.shared_fields or candidate.shared_technologies
    india = next(c for c in result.candidates if c.id == "inst-in-tech-consortium")
    assert [(f.id, f.source_score, f.candidate_score) for f in india.shared_fields] == [
        ("field-computer-science", 0.9, 0.75)
    ]
    assert [p.id for p in india.partnerships] == ["part-replication-in"]
    assert_steps_exist(sample_graph, result.candidates)


def test_synthetic_replication(synthetic_graph: nx.MultiDiGraph) -> None:
    active = [
        p
        for p in nodes_of_kind(synthetic_graph, "partnership")
        if synthetic_graph.nodes[p]["status"] == "active"
    ]
    for deal in active[:10]:
        result = replication_candidates(synthetic_graph, deal)
        countries = {i.country for i in result.source_institutions}
        assert [c.score for c in result.candidates] == sorted(
            (c.score for c in result.candidates), reverse=True
        )
        for candidate in result.candidates:
            assert not is_japanese(synthetic_graph, candidate.id)
            assert candidate.country not in countries
        assert_steps_exist(synthetic_graph, result.candidates)
    assert any(
        c.global_south
        for deal in active[:10]
        for c in replication_candidates(synthetic_graph, deal).candidates
    )
