"""The report's technology map: industry x digital technology cells with growth, size and deployment.

The report (p.8) maps GX x DX business on an industry axis and a digital-technology axis, each cell
with its CAGR and market size. Here a cell comes from the ``MarketSegment`` nodes of one
(``industry``, ``digital_technology``) pair:

* figures (``year``, ``cagr_pct``, ``market_size_usd``, ``illustrative``) are those of the cell's
  latest segment (highest ``year``; see :func:`~gxgraph.analytics.commercialisation.latest_segments`);
* membership is the union over every year: a technology ``IN_SEGMENT`` of any of the cell's segments
  belongs to the cell;
* ``deployments`` counts distinct case studies that ``USES`` a member technology, and
  ``japanese_deployment_share`` the share of them ``DEPLOYED_BY`` at least one Japanese company
  (``None`` with no deployment);
* ``gap_count`` counts members whose commercialisation-gap score (perspective ``"japan"`` by default)
  is at least ``gap_threshold``; the scores come from one call of
  :func:`~gxgraph.analytics.commercialisation.gap_scores`, and a technology with no strength at all
  (no score) is never a gap.

``illustrative`` says whether a cell's figures are invented sample data: the map must never pass them
off as sourced facts.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from pydantic import BaseModel, Field

from gxgraph.analytics.commercialisation import Perspective, gap_scores, latest_segments
from gxgraph.analytics.graph import is_japanese
from gxgraph.analytics.rows import NodeRow

__all__ = ["TechMapCell", "TechnologyMap", "technology_map"]


class TechMapCell(NodeRow):
    """One industry x digital-technology cell of the technology map.

    The cell is named by its latest segment (``id``, ``kind`` ``market_segment``, its names): the
    figures it shows are that segment's.
    """

    industry: str
    digital_technology: str
    segment_ids: list[str] = Field(description="Every segment of the cell, all years.")
    year: int | None = None
    cagr_pct: float | None = None
    market_size_usd: float | None = None
    illustrative: bool = Field(description="True when the figures are invented sample data.")
    source: str | None = None
    technologies: int = Field(description="Technologies IN_SEGMENT of the cell.")
    deployments: int = Field(description="Distinct case studies that use the cell's technologies.")
    japanese_deployments: int = Field(description="Those deployed by at least one Japanese company.")
    japanese_deployment_share: float | None = Field(description="None when there is no deployment.")
    gap_count: int = Field(description="Technologies whose gap score is at least the threshold.")
    technology_ids: list[str]
    gap_technology_ids: list[str]


class TechnologyMap(BaseModel):
    """The whole map: its axes and its cells, sorted by industry then digital technology."""

    industries: list[str]
    digital_technologies: list[str]
    gap_threshold: float
    perspective: str
    illustrative: bool = Field(description="True when any cell's figures are illustrative.")
    cells: list[TechMapCell]


def technology_map(
    graph: nx.MultiDiGraph, *, gap_threshold: float = 0.3, perspective: Perspective = "japan"
) -> TechnologyMap:
    """Build the technology map from the market segments, with deployment and gap counts per cell.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    gap_threshold : float
        A technology is a gap when its commercialisation-gap score is at least this.
    perspective : {"japan", "global"}
        Perspective of the gap scores.

    Returns
    -------
    TechnologyMap
        One cell per (industry, digital technology) with segments. Cost: O(n + m) for a fixed axis
        vocabulary (a case study is counted once per cell of the technologies it uses).

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> seg = {"kind": "market_segment", "industry": "energy", "digital_technology": "ai"}
    >>> g = graph_from_rows([
    ...     {**seg, "id": "s1", "year": 2023, "cagr_pct": 10.0, "illustrative": True},
    ...     {**seg, "id": "s2", "year": 2030, "cagr_pct": 25.0, "illustrative": True},
    ...     {"kind": "technology", "id": "t1"}, {"kind": "technology", "id": "t2", "trl": 9},
    ...     {"kind": "company", "id": "jp", "is_japanese": True}, {"kind": "company", "id": "us"},
    ...     {"kind": "case_study", "id": "c1"}, {"kind": "case_study", "id": "c2"},
    ...     {"type": "IN_SEGMENT", "from": "t1", "to": "s1"},
    ...     {"type": "IN_SEGMENT", "from": "t2", "to": "s2"},
    ...     {"type": "USES", "from": "c1", "to": "t1"}, {"type": "DEPLOYED_BY", "from": "c1", "to": "jp"},
    ...     {"type": "USES", "from": "c2", "to": "t1"}, {"type": "USES", "from": "c2", "to": "t2"},
    ...     {"type": "DEPLOYED_BY", "from": "c2", "to": "us"},
    ...     {"type": "DEVELOPS", "from": "jp", "to": "t2", "patents": 5},
    ... ])
    >>> tech_map = technology_map(g)  # t2: strength 0.5, not deployed in Japan, TRL 9 -> gap 0.375
    >>> [(c.id, c.year, c.cagr_pct, c.illustrative) for c in tech_map.cells]
    [('s2', 2030, 25.0, True)]
    >>> cell = tech_map.cells[0]
    >>> cell.technology_ids, cell.deployments, cell.japanese_deployment_share, cell.gap_technology_ids
    (['t1', 't2'], 2, 0.5, ['t2'])
    """
    latest = latest_segments(graph)
    cell_of = {s: (graph.nodes[s]["industry"], graph.nodes[s]["digital_technology"]) for s in latest}
    segments: dict[tuple[str, str], list[str]] = defaultdict(list)
    for segment in sorted(latest):
        segments[cell_of[segment]].append(segment)
    members: dict[tuple[str, str], set[str]] = defaultdict(set)
    cells_of_tech: dict[str, set[tuple[str, str]]] = defaultdict(set)
    uses: list[tuple[str, str]] = []
    japanese_cases: set[str] = set()
    # The raw adjacency skips the edge view's per-edge tuple (~30 % less CPU at 500k edges).
    for source, neighbours in graph.adjacency():
        for target, keyed in neighbours.items():
            if "IN_SEGMENT" in keyed and target in cell_of:
                members[cell_of[target]].add(source)
                cells_of_tech[source].add(cell_of[target])
            if "USES" in keyed:
                uses.append((source, target))
            if "DEPLOYED_BY" in keyed and is_japanese(graph, target):
                japanese_cases.add(source)
    # IN_SEGMENT and USES edges interleave in sorted order, so cases are placed after the pass.
    cases: dict[tuple[str, str], set[str]] = defaultdict(set)
    for case, tech in uses:
        for cell in cells_of_tech.get(tech, ()):
            cases[cell].add(case)
    scores = gap_scores(graph, perspective=perspective)
    cells = []
    for key in sorted(segments):
        head_id = latest[segments[key][0]]
        head = graph.nodes[head_id]
        techs = sorted(members[key])
        deployed = len(cases[key])
        japanese = len(cases[key] & japanese_cases)
        gaps = [t for t in techs if t in scores and scores[t] >= gap_threshold]
        cells.append(
            TechMapCell.of(
                graph,
                head_id,
                industry=key[0],
                digital_technology=key[1],
                segment_ids=segments[key],
                year=head.get("year"),
                cagr_pct=head.get("cagr_pct"),
                market_size_usd=head.get("market_size_usd"),
                illustrative=bool(head.get("illustrative")),
                source=head.get("source"),
                technologies=len(techs),
                deployments=deployed,
                japanese_deployments=japanese,
                japanese_deployment_share=round(japanese / deployed, 6) if deployed else None,
                gap_count=len(gaps),
                technology_ids=techs,
                gap_technology_ids=gaps,
            )
        )
    return TechnologyMap(
        industries=sorted({key[0] for key in segments}),
        digital_technologies=sorted({key[1] for key in segments}),
        gap_threshold=gap_threshold,
        perspective=perspective,
        illustrative=any(cell.illustrative for cell in cells),
        cells=cells,
    )
