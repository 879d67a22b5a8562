"""Partner selection: commercialisation strength, the partner matrix and the content review on hand-built
graphs with known answers, the sample's archetypes where the report puts them, and both stores alike."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

from gxgraph.analytics.commercialisation_strength import commercialisation_scores, commercialisation_strength
from gxgraph.analytics.graph import graph_from_rows
from gxgraph.analytics.partner_selection import partner_matrix, partnership_content_review
from gxgraph.analytics.partnership_gaps import partnership_gaps
from gxgraph.domain.kinds import PartnershipContent
from gxgraph.domain.know_how import PEOPLE_CONTENT, RESEARCH_CONTENT, STRUCTURAL_CONTENT, content_class
from gxgraph.domain.vocabulary import Role
from tests.analytics.evidence_checks import assert_paths_exist
from tests.conftest import Api


def _world(partnerships: list[tuple[str, str, list[str]]]) -> nx.MultiDiGraph:
    """Field f covers t1 and t2; g covers t3 (nobody's record touches it).

    A (US): a1 and a2 spun out of it (both develop t1), a licence of t1 to b1, a case study cs1 using
    t1 (which A develops) deployed by a1, and an incubated venture x that develops nothing.
    B (DE): incubated b1 (develops t2). C (KE): licensed to b1 a technology that does not exist, so
    b1's own t2 places it in f. D (US) has no record; J (JP) is Japanese. STRONG_IN f: A .9, B .85,
    C .5, D .95, J .99. ``partnerships``: (id, institution, content), each active with Japanese j.
    """
    rows: list[dict[str, Any]] = [
        {"kind": "field", "id": "f", "name_en": "F"},
        {"kind": "field", "id": "g"},
        {"kind": "company", "id": "j", "country": "JP", "is_japanese": True},
        {"kind": "case_study", "id": "cs1"},
    ]
    rows += [{"kind": "technology", "id": t} for t in ("t1", "t2", "t3")]
    rows += [{"kind": "company", "id": c, "country": "US"} for c in ("a1", "a2", "b1", "x")]
    for inst, country in {"A": "US", "B": "DE", "C": "KE", "D": "US", "J": "JP"}.items():
        rows.append({"kind": "institution", "id": inst, "country": country})
    rels: list[tuple[str, str, str, dict[str, Any]]] = [
        ("f", "COVERS", "t1", {}),
        ("f", "COVERS", "t2", {}),
        ("g", "COVERS", "t3", {}),
        ("a1", "DEVELOPS", "t1", {}),
        ("a2", "DEVELOPS", "t1", {}),
        ("b1", "DEVELOPS", "t2", {}),
        ("A", "DEVELOPS", "t1", {}),
        ("cs1", "USES", "t1", {}),
        ("cs1", "DEPLOYED_BY", "a1", {}),
        ("a1", "SPUN_OUT_OF", "A", {"year": 2015}),
        ("a2", "SPUN_OUT_OF", "A", {}),
        ("A", "LICENSED", "b1", {"technology": "t1", "year": 2020}),
        ("A", "INCUBATED", "x", {}),
        ("B", "INCUBATED", "b1", {}),
        ("C", "LICENSED", "b1", {"technology": "nope"}),
    ]
    rels += [(i, "STRONG_IN", "f", {"score": s}) for i, s in (("A", 0.9), ("B", 0.85), ("C", 0.5))]
    rels += [(i, "STRONG_IN", "f", {"score": s}) for i, s in (("D", 0.95), ("J", 0.99))]
    for deal, inst, content in partnerships:
        rows.append({"kind": "partnership", "id": deal, "status": "active", "content": content})
        rels += [(deal, "PARTY", inst, {}), (deal, "PARTY", "j", {})]
    rows += [{"type": t, "from": a, "to": b, **props} for a, t, b, props in rels]
    return graph_from_rows(rows)


@pytest.fixture
def world() -> nx.MultiDiGraph:
    return _world([("p-people", "A", ["staff_exchange"]), ("p-licence", "B", ["licensing"])])


def test_strength_in_a_field_by_hand(world: nx.MultiDiGraph) -> None:
    rows = commercialisation_strength(world, field="f")
    # Peaks in f: spin-outs 2 (A), licences 1 (A, C), incubated 1 (B), deployments 1 (A); x is in no field.
    # A: relatives 1, 1, 0, 1 -> best 1, breadth .75; damping 4/6 -> 2/3 x .875.
    # B and C: one route at its peak -> best 1, breadth .25; damping 1/3 -> 1/3 x .625.
    assert [(r.institution.id, round(r.score, 6)) for r in rows] == [
        ("A", round(2 / 3 * 0.875, 6)),
        ("B", round(0.625 / 3, 6)),
        ("C", round(0.625 / 3, 6)),
    ]
    a = rows[0]
    assert a.counts == {"spin_outs": 2, "licences": 1, "incubated": 0, "deployments": 1}
    assert a.components["breadth"] == 0.75
    assert a.components["damping"] == pytest.approx(4 / 6)
    assert a.field is not None
    assert a.field.name_en == "F"
    assert [e.note for e in a.evidence] == [
        "a1 spun out of A in 2015",
        "a2 spun out of A",
        "A licensed t1 to b1 in 2020",
        "a1 deployed cs1, which uses technology A develops",
    ]
    assert [(s.from_id, s.type, s.to_id) for s in a.evidence[0].steps] == [
        ("a1", "SPUN_OUT_OF", "A"),
        ("a1", "DEVELOPS", "t1"),
        ("f", "COVERS", "t1"),
    ]
    assert_paths_exist(world, [e for r in rows for e in r.evidence])
    # C's licence names no real technology, so the licensee's own t2 ties it to f.
    assert [s.type for s in rows[2].evidence[0].steps] == ["LICENSED", "DEVELOPS", "COVERS"]
    assert commercialisation_strength(world, field="g") == []
    assert len(commercialisation_strength(world, field="f", limit=1)) == 1


def test_strength_overall_counts_every_record(world: nx.MultiDiGraph) -> None:
    rows = {r.institution.id: r for r in commercialisation_strength(world)}
    assert rows["A"].counts == {"spin_outs": 2, "licences": 1, "incubated": 1, "deployments": 1}
    assert rows["A"].score == pytest.approx(5 / 7)  # every route at its peak; damping 5/7
    assert rows["A"].field is None
    assert rows["B"].score == pytest.approx(0.625 / 3)
    assert commercialisation_scores(world) == {
        ("A", "f"): pytest.approx(2 / 3 * 0.875),
        ("B", "f"): pytest.approx(0.625 / 3),
        ("C", "f"): pytest.approx(0.625 / 3),
    }


def test_damping_keeps_one_record_from_looking_world_class() -> None:
    graph = graph_from_rows(
        [
            {"kind": "institution", "id": "i"},
            {"kind": "company", "id": "c"},
            {"type": "SPUN_OUT_OF", "from": "c", "to": "i"},
        ]
    )
    (row,) = commercialisation_strength(graph)
    assert row.score == pytest.approx(1 / 3 * 0.625)  # the peak of its field, yet well below 0.5


def test_matrix_by_hand(world: nx.MultiDiGraph) -> None:
    matrix = partner_matrix(world, field="f")
    placed = {p.id: (p.science, round(p.commercialisation, 6), p.quadrant) for p in matrix.points}
    assert placed == {
        "A": (0.9, round(2 / 3 * 0.875, 6), "partner_now"),
        "B": (0.85, round(0.625 / 3, 6), "science_only"),
        "C": (0.5, round(0.625 / 3, 6), "neither"),
        "D": (0.95, 0.0, "science_only"),
    }
    assert "J" not in placed  # Japanese institutions are not candidates
    assert [p.id for p in matrix.points] == ["A", "B", "C", "D"]  # science x commercialisation
    assert matrix.quadrants == {
        "partner_now": ["A"],
        "science_only": ["B", "D"],
        "business_only": [],
        "neither": ["C"],
    }
    a = matrix.points[0]
    # A partners actively with Japan, but only exchanges people: still actionable.
    assert (a.partnered, a.know_how_partnership, a.actionable) == (True, False, True)
    assert [(d.id, d.content_class, d.structural) for d in a.partnerships] == [
        ("p-people", "people_only", False)
    ]
    b = next(p for p in matrix.points if p.id == "B")
    assert (b.partnered, b.know_how_partnership, b.actionable) == (True, True, False)
    assert matrix.actionable == ["A"]
    assert a.components == {"science": 0.9, "commercialisation": a.commercialisation}
    assert a.evidence[0].steps[0].type == "STRONG_IN"
    assert_paths_exist(world, [e for p in matrix.points for e in p.evidence])
    chart = matrix.chart
    assert chart["$schema"].endswith("vega-lite/v5.json")
    assert [v["id"] for v in chart["data"]["values"]] == ["A", "B", "C", "D"]
    assert chart["title"] == "Partner matrix: F"


def test_matrix_thresholds_and_know_how_partnerships() -> None:
    lower = partner_matrix(_world([]), field="f", commercialisation_threshold=0.2)
    assert lower.quadrants["business_only"] == ["C"]
    assert lower.quadrants["partner_now"] == ["A", "B"]
    assert lower.actionable == ["A", "B"]  # no partnerships at all
    # A structural partnership with a Japanese party takes A off the actionable list.
    both = partner_matrix(
        _world([("p-people", "A", ["staff_exchange"]), ("p-venture", "A", ["co_founded_ventures"])]),
        field="f",
    )
    assert both.actionable == []
    assert both.points[0].know_how_partnership


def test_matrix_over_all_fields(world: nx.MultiDiGraph) -> None:
    matrix = partner_matrix(world)
    assert matrix.field is None
    a = next(p for p in matrix.points if p.id == "A")
    assert (a.science, a.science_field) == (0.9, "f")
    assert a.commercialisation == pytest.approx(5 / 7)


def test_content_rule_covers_the_vocabulary_once() -> None:
    classes = [STRUCTURAL_CONTENT, RESEARCH_CONTENT, PEOPLE_CONTENT]
    assert set().union(*classes) == set(PartnershipContent)
    assert sum(len(c) for c in classes) == len(PartnershipContent)
    assert content_class(["staff_exchange", "executive_education"]) == "people_only"
    assert content_class(["staff_exchange", "commercialisation_know_how_programme"]) == "structural"


def test_content_review_by_hand() -> None:
    rows: list[dict[str, Any]] = [
        {"kind": "company", "id": "j", "country": "JP", "is_japanese": True},
        {"kind": "institution", "id": "i", "country": "IL"},
        {"kind": "partnership", "id": "p-people", "status": "active", "content": ["executive_education"]},
        {"kind": "partnership", "id": "p-research", "status": "active", "content": ["joint_research"]},
        {"kind": "partnership", "id": "p-ip", "status": "active", "content": ["data_ip_sharing"]},
        {"kind": "partnership", "id": "p-blank", "status": "active"},
        {"kind": "partnership", "id": "p-old", "status": "ended", "content": ["staff_exchange"]},
    ]
    rows += [{"type": "PARTY", "from": "p-people", "to": p} for p in ("i", "j")]
    review = partnership_content_review(graph_from_rows(rows))
    assert [r.partnership.id for r in review.reviews] == ["p-blank", "p-ip", "p-people", "p-research"]
    assert (review.people_only, review.research_only, review.unrecorded) == (
        ["p-people"],
        ["p-research"],
        ["p-blank"],
    )
    people = next(r for r in review.reviews if r.partnership.id == "p-people")
    assert [p.id for p in people.foreign_parties] == ["i"]
    assert [p.id for p in people.japanese_parties] == ["j"]
    assert [(s.from_id, s.type, s.to_id) for e in people.evidence for s in e.steps] == [
        ("p-people", "PARTY", "i"),
        ("p-people", "PARTY", "j"),
    ]
    ip = next(r for r in review.reviews if r.partnership.id == "p-ip")
    assert (ip.partnership.structural, ip.structural_content) == (True, ["data_ip_sharing"])
    everything = partnership_content_review(graph_from_rows(rows), status=None)
    assert everything.people_only == ["p-old", "p-people"]


def test_gap_ranking_prefers_the_institution_that_commercialises() -> None:
    rows: list[dict[str, Any]] = [
        {"kind": "field", "id": "f"},
        {"kind": "technology", "id": "t"},
        {"kind": "company", "id": "c", "country": "US"},
        {"kind": "institution", "id": "a", "country": "US"},
        {"kind": "institution", "id": "b", "country": "US"},
        {"type": "COVERS", "from": "f", "to": "t"},
        {"type": "DEVELOPS", "from": "c", "to": "t"},
        {"type": "STRONG_IN", "from": "a", "to": "f", "score": 0.9},
        {"type": "STRONG_IN", "from": "b", "to": "f", "score": 0.9},
        {"type": "SPUN_OUT_OF", "from": "c", "to": "b"},
    ]
    gaps = partnership_gaps(graph_from_rows(rows))
    # Equal science; b has one spin-out in f (strength 1/3 x .625), so b ranks first. Relevance is
    # .5 + .25 x breadth 1 + .25 x Japanese interest 0 = .75 for both.
    assert [g.institution.id for g in gaps] == ["b", "a"]
    business = 0.625 / 3
    assert gaps[0].components["commercialisation"] == pytest.approx(business)
    assert gaps[0].score == pytest.approx(0.9 * 0.75 * (0.5 + 0.5 * business))
    assert gaps[1].score == pytest.approx(0.9 * 0.75 * 0.5)


def test_sample_places_the_reports_archetypes(sample_graph: nx.MultiDiGraph) -> None:
    cyber = partner_matrix(sample_graph, field="field-cybersecurity")
    authority = cyber.points[0]
    # The report: world-leading in cybersecurity and in new-business creation know-how.
    assert authority.id == "inst-me-innovation-authority"
    assert (authority.quadrant, authority.science) == ("partner_now", 0.95)
    assert authority.commercialisation >= 0.8
    assert authority.actionable
    assert not authority.partnered
    assert cyber.quadrants["partner_now"] == ["inst-me-innovation-authority"]
    ai = partner_matrix(sample_graph, field="field-ai")
    us_ai = next(p for p in ai.points if p.id == "inst-us-ai-commercialisation")
    # Partnered actively, but the sample's programme only exchanges people: the report's warning.
    assert (us_ai.quadrant, us_ai.partnered, us_ai.know_how_partnership) == ("partner_now", True, False)
    assert "inst-us-ai-commercialisation" in ai.actionable
    medicine = partner_matrix(sample_graph, field="field-medicine")
    assert medicine.quadrants["partner_now"] == ["inst-eu-tech-transfer-network"]
    us_east = next(p for p in medicine.points if p.id == "inst-us-east-univ-ecosystem")
    assert (us_east.quadrant, us_east.know_how_partnership) == ("science_only", True)
    review = partnership_content_review(sample_graph)
    assert review.people_only == ["part-us-ai-commercialisation"]
    assert "part-us-univ-ecosystem" not in review.people_only + review.research_only
    for point in [*cyber.points, *ai.points, *medicine.points]:
        assert_paths_exist(sample_graph, point.evidence)


def test_sample_commercialisation_record_is_illustrative_and_consistent(
    sample_graph: nx.MultiDiGraph,
) -> None:
    record = [
        (a, b, attrs)
        for a, b, key, attrs in sample_graph.edges(keys=True, data=True)
        if key in ("SPUN_OUT_OF", "INCUBATED", "LICENSED")
    ]
    assert len(record) >= 25
    assert all(attrs["illustrative"] and attrs["source"].startswith("illustrative:") for *_, attrs in record)
    licensed = [attrs["technology"] for _, _, attrs in record if attrs["type"] == "LICENSED"]
    assert all(sample_graph.nodes[t]["kind"] == "technology" for t in licensed)
    deals = [d for d, kind in sample_graph.nodes(data="kind") if kind == "partnership"]
    recorded = [d for d in deals if sample_graph.nodes[d].get("content")]
    assert all(sample_graph.nodes[d]["illustrative"] for d in recorded)


def test_synthetic_graph_runs_every_analysis(synthetic_graph: nx.MultiDiGraph) -> None:
    rows = commercialisation_strength(synthetic_graph)
    assert rows
    assert all(0 < r.score < 1 for r in rows)
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    matrix = partner_matrix(synthetic_graph)
    assert matrix.points
    assert all(p.quadrant in matrix.quadrants for p in matrix.points)
    assert set(matrix.actionable) <= set(matrix.quadrants["partner_now"])
    review = partnership_content_review(synthetic_graph)
    assert review.reviews
    assert not review.unrecorded
    assert_paths_exist(synthetic_graph, [e for r in rows[:20] for e in r.evidence])


def test_partner_matrix_over_http(sample_api: Api) -> None:
    response = sample_api.client.get(
        "/v1/analytics/partner-matrix",
        params={"field": "field-cybersecurity"},
        headers=sample_api.headers(Role.ANALYST),
    )
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert results["quadrants"]["partner_now"] == ["inst-me-innovation-authority"]
    assert results["points"][0]["commercialisation"] >= 0.8
    assert results["chart"]["data"]["values"][0]["id"] == "inst-me-innovation-authority"
    # A field the graph does not hold is a 404 (schemathesis found a 500 here), for both analyses.
    for name in ("partner-matrix", "commercialisation-strength"):
        unknown = sample_api.client.get(
            f"/v1/analytics/{name}", params={"field": "zpj_l"}, headers=sample_api.headers(Role.ANALYST)
        )
        assert unknown.status_code == 404, unknown.text
        assert unknown.json()["error"]["message"] == "no field 'zpj_l'"
