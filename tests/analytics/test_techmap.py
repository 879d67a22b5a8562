"""The technology map (cells, deployment shares, gap counts) and its SVG bubble chart."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any

import networkx as nx
import pytest

from gxgraph.analytics.commercialisation import gap_scores
from gxgraph.analytics.graph import graph_from_rows, is_japanese, nodes_of_kind
from gxgraph.analytics.techmap import TechMapCell, TechnologyMap, technology_map
from gxgraph.reports.charts import ILLUSTRATIVE_MARK, technology_map_svg

SVG = "{http://www.w3.org/2000/svg}"


def _rel(type_: str, source: str, target: str, **props: Any) -> dict[str, Any]:
    return {"type": type_, "from": source, "to": target, **props}


@pytest.fixture
def hand_graph() -> nx.MultiDiGraph:
    """Three cells; t3 sits in two of them; c3 is deployed by a foreign and a Japanese company.

    Gap scores (perspective japan): t1 is deployed in Japan (0); t2 has the maximum Japanese patents
    (strength 0.5), no Japanese deployment, the best market (1.0) and no TRL (0.75): 0.375.
    """
    seg = {"kind": "market_segment"}
    energy_ai = {**seg, "industry": "energy", "digital_technology": "ai"}
    return graph_from_rows(
        [
            {**energy_ai, "id": "e1", "year": 2023, "cagr_pct": 10.0, "market_size_usd": 1e9},
            {
                **energy_ai,
                "id": "e2",
                "year": 2030,
                "cagr_pct": 25.0,
                "market_size_usd": 5e9,
                "illustrative": True,
            },
            {
                **seg,
                "id": "m1",
                "industry": "manufacturing",
                "digital_technology": "iot",
                "market_size_usd": 2e9,
            },
            {
                **seg,
                "id": "f1",
                "industry": "finance",
                "digital_technology": "ai",
                "year": 2025,
                "cagr_pct": 5.0,
            },
            *({"kind": "technology", "id": t} for t in ("t1", "t2", "t3", "t4")),
            {"kind": "company", "id": "jp", "is_japanese": True},
            {"kind": "company", "id": "us", "country": "US"},
            *({"kind": "case_study", "id": c} for c in ("c1", "c2", "c3", "c4")),
            _rel("IN_SEGMENT", "t1", "e1"),
            _rel("IN_SEGMENT", "t2", "e2"),
            _rel("IN_SEGMENT", "t3", "e2"),
            _rel("IN_SEGMENT", "t3", "m1"),
            _rel("USES", "c1", "t1"),
            _rel("USES", "c2", "t1"),
            _rel("USES", "c2", "t2"),
            _rel("USES", "c3", "t3"),
            _rel("USES", "c4", "t4"),
            _rel("DEPLOYED_BY", "c1", "jp"),
            _rel("DEPLOYED_BY", "c2", "us"),
            _rel("DEPLOYED_BY", "c3", "us"),
            _rel("DEPLOYED_BY", "c3", "jp"),
            _rel("DEPLOYED_BY", "c4", "jp"),
            _rel("DEVELOPS", "jp", "t1", patents=99),
            _rel("DEVELOPS", "jp", "t2", patents=99),
        ]
    )


def _cells(tech_map: TechnologyMap) -> dict[tuple[str, str], TechMapCell]:
    return {(c.industry, c.digital_technology): c for c in tech_map.cells}


def test_hand_map_cells(hand_graph: nx.MultiDiGraph) -> None:
    tech_map = technology_map(hand_graph)
    assert tech_map.industries == ["energy", "finance", "manufacturing"]
    assert tech_map.digital_technologies == ["ai", "iot"]
    assert [(c.industry, c.digital_technology) for c in tech_map.cells] == [
        ("energy", "ai"),
        ("finance", "ai"),
        ("manufacturing", "iot"),
    ]
    cells = _cells(tech_map)
    energy = cells["energy", "ai"]
    # Figures from the latest year, members from every year.
    assert (energy.id, energy.segment_ids, energy.year) == ("e2", ["e1", "e2"], 2030)
    assert (energy.cagr_pct, energy.market_size_usd, energy.illustrative) == (25.0, 5e9, True)
    assert energy.technology_ids == ["t1", "t2", "t3"]
    # c2 uses two of the cell's technologies but is one deployment; c1 and c3 have a Japanese deployer.
    assert (energy.deployments, energy.japanese_deployments) == (3, 2)
    assert energy.japanese_deployment_share == pytest.approx(2 / 3, abs=1e-6)
    assert (energy.gap_count, energy.gap_technology_ids) == (1, ["t2"])
    manufacturing = cells["manufacturing", "iot"]
    assert (manufacturing.technology_ids, manufacturing.deployments) == (["t3"], 1)
    assert manufacturing.japanese_deployment_share == 1.0
    assert (manufacturing.year, manufacturing.cagr_pct, manufacturing.illustrative) == (None, None, False)
    finance = cells["finance", "ai"]
    assert (finance.technologies, finance.deployments, finance.japanese_deployment_share) == (0, 0, None)
    assert tech_map.illustrative


def test_gap_threshold(hand_graph: nx.MultiDiGraph) -> None:
    assert gap_scores(hand_graph) == {"t1": 0.0, "t2": 0.375}
    assert _cells(technology_map(hand_graph, gap_threshold=0.375))["energy", "ai"].gap_count == 1
    assert _cells(technology_map(hand_graph, gap_threshold=0.4))["energy", "ai"].gap_count == 0
    # t3 has no strength at all: never a gap, even at threshold 0.
    assert _cells(technology_map(hand_graph, gap_threshold=0.0))["energy", "ai"].gap_technology_ids == [
        "t1",
        "t2",
    ]


def test_not_illustrative_without_illustrative_segments() -> None:
    seg = {"kind": "market_segment", "id": "s", "industry": "x", "digital_technology": "y"}
    assert not technology_map(graph_from_rows([seg])).illustrative
    assert technology_map(graph_from_rows([])).cells == []


def test_sample_map(sample_graph: nx.MultiDiGraph) -> None:
    tech_map = technology_map(sample_graph)
    industries = {
        "energy",
        "manufacturing",
        "mobility",
        "healthcare",
        "finance",
        "education",
        "agriculture",
        "buildings",
    }
    assert set(tech_map.industries) == industries
    assert len(tech_map.digital_technologies) == 7
    assert len(tech_map.cells) == len(nodes_of_kind(sample_graph, "market_segment")) == 56
    assert tech_map.illustrative
    assert all(cell.illustrative for cell in tech_map.cells)  # every sample figure is invented
    in_segment = Counter(v for _, v, k in sample_graph.edges(keys=True) if k == "IN_SEGMENT")
    for cell in tech_map.cells:
        assert cell.technologies == in_segment[cell.id] == len(cell.technology_ids)
        if cell.deployments:
            assert cell.japanese_deployment_share is not None
            assert 0.0 <= cell.japanese_deployment_share <= 1.0
        else:
            assert cell.japanese_deployment_share is None
    twin = _cells(tech_map)["manufacturing", "digital_twin"]
    assert "tech-factory-digital-twin" in twin.gap_technology_ids
    assert twin.deployments >= 1
    assert twin.japanese_deployment_share == 0.0  # deployed only abroad
    robots = _cells(tech_map)["manufacturing", "ai"]
    assert "tech-collaborative-robots" in robots.technology_ids
    assert "tech-collaborative-robots" not in robots.gap_technology_ids


def test_synthetic_map_uses_latest_year_and_counts_every_member(synthetic_graph: nx.MultiDiGraph) -> None:
    tech_map = technology_map(synthetic_graph)
    nodes = synthetic_graph.nodes
    for cell in tech_map.cells:
        years = [nodes[s]["year"] for s in cell.segment_ids]
        assert cell.year == max(years)
        assert cell.cagr_pct == nodes[cell.id]["cagr_pct"]
    # Each synthetic technology sits in exactly one segment, so cells partition them.
    linked = {u for u, _, k in synthetic_graph.edges(keys=True) if k == "IN_SEGMENT"}
    assert sum(cell.technologies for cell in tech_map.cells) == len(linked)
    scores = gap_scores(synthetic_graph)
    for cell in tech_map.cells:
        assert cell.gap_technology_ids == [t for t in cell.technology_ids if scores.get(t, -1.0) >= 0.3]
    deployed_by_japan = {
        u
        for u, v, k in synthetic_graph.edges(keys=True)
        if k == "DEPLOYED_BY" and is_japanese(synthetic_graph, v)
    }
    cell = max(tech_map.cells, key=lambda c: c.deployments)
    cases = {
        u for u, v, k in synthetic_graph.edges(keys=True) if k == "USES" and v in set(cell.technology_ids)
    }
    assert cell.deployments == len(cases)
    assert cell.japanese_deployments == len(cases & deployed_by_japan)


# --- the SVG bubble chart ---------------------------------------------------------------------------


def _cell(**fields: Any) -> TechMapCell:
    base: dict[str, Any] = {
        "industry": "energy",
        "digital_technology": "ai",
        "id": "s",
        "segment_ids": ["s"],
        "cagr_pct": 20.0,
        "market_size_usd": 5e9,
        "illustrative": False,
        "technologies": 2,
        "deployments": 0,
        "japanese_deployments": 0,
        "japanese_deployment_share": None,
        "gap_count": 0,
        "technology_ids": ["a", "b"],
        "gap_technology_ids": [],
    }
    return TechMapCell(**{**base, **fields})


def _map(cells: list[TechMapCell]) -> TechnologyMap:
    return TechnologyMap(
        industries=sorted({c.industry for c in cells}),
        digital_technologies=sorted({c.digital_technology for c in cells}),
        gap_threshold=0.3,
        perspective="japan",
        illustrative=any(c.illustrative for c in cells),
        cells=cells,
    )


def _roles(svg: str) -> list[str]:
    return [el.get("aria-roledescription") or "" for el in ET.fromstring(svg).iter()]


def test_chart_draws_one_bubble_per_cell_with_figures(sample_graph: nx.MultiDiGraph) -> None:
    tech_map = technology_map(sample_graph)
    svg = technology_map_svg(tech_map)
    plotted = [c for c in tech_map.cells if c.market_size_usd is not None and c.cagr_pct is not None]
    assert plotted
    assert _roles(svg).count("circle") == len(plotted)
    assert tech_map.illustrative
    assert ILLUSTRATIVE_MARK in svg


def test_chart_escapes_text_and_marks_only_illustrative_cells() -> None:
    cell = TechMapCell(
        id="seg-x", industry="a<b & c", digital_technology='"ai"', name_en="A<B & C × AI",
        segment_ids=["seg-x"], cagr_pct=12.0, market_size_usd=1e9, year=2024, illustrative=False,
        technologies=1, deployments=0, japanese_deployments=0, japanese_deployment_share=None,
        gap_count=0, technology_ids=[], gap_technology_ids=[],
    )  # fmt: skip

    def chart(cells: list[TechMapCell], illustrative: bool) -> str:
        return technology_map_svg(
            TechnologyMap(
                industries=["a<b & c"],
                digital_technologies=['"ai"'],
                gap_threshold=0.3,
                perspective="japan",
                illustrative=illustrative,
                cells=cells,
            )
        )

    plain = chart([cell], illustrative=False)
    assert "A<B" not in plain  # escaped: the document parses
    assert _roles(plain).count("circle") == 1
    assert ILLUSTRATIVE_MARK not in plain
    assert ILLUSTRATIVE_MARK in chart([cell.model_copy(update={"illustrative": True})], illustrative=True)
