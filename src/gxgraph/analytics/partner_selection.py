"""Partner selection by the report's own criteria: world-class science *and* business conversion, and
what a partnership transfers.

The source report (p.6, 選定基準) says the institutions to partner with must be world top-class both in
science and technology and in converting them into business (ビジネスの転用), and that the content of
a partnership matters most: it must let Japan acquire know-how structurally. Three analyses follow.

**Commercialisation strength** is :mod:`gxgraph.analytics.commercialisation_strength`.

**Partner matrix** (:func:`partner_matrix`): every candidate (non-Japanese) institution of a field on
science strength (its ``STRONG_IN`` score) x commercialisation strength, in four quadrants
(``partner_now`` when both reach their thresholds, ``science_only``, ``business_only``, ``neither``),
with its partnerships that include a Japanese party and whether an active one transfers know-how
structurally. The *actionable* list is the ``partner_now`` quadrant without such an active
partnership. Without a field, each institution is placed by its best ``STRONG_IN`` score and its
whole record, normalised over all institutions.

**Partnership content review** (:func:`partnership_content_review`): each partnership's content class
under the rule of :mod:`gxgraph.domain.know_how`, and the gap list of those that only exchange
people (the report's warning).
"""

from __future__ import annotations

from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, Field

from gxgraph.analytics.commercialisation_strength import field_strengths, institution_records, require_field
from gxgraph.analytics.graph import country_regions, is_japanese, nodes_of_kind
from gxgraph.analytics.recommend import parties_of
from gxgraph.analytics.rows import EvidencePath, NodeRow, PlacedNodeRow, Scored, Step
from gxgraph.domain.know_how import ContentClass, content_class, transfers_know_how_structurally

__all__ = [
    "ContentReview",
    "MatrixPartnership",
    "MatrixPoint",
    "PartnerMatrix",
    "PartnershipContentReview",
    "Quadrant",
    "partner_matrix",
    "partnership_content_review",
]

Quadrant = Literal["partner_now", "science_only", "business_only", "neither"]


class MatrixPartnership(PlacedNodeRow):
    """A partnership of a matrix institution that includes a Japanese party."""

    status: str | None = None
    content: list[str] = Field(default_factory=list, description="What it transfers (may be empty).")
    content_class: ContentClass
    structural: bool = Field(description="True when its content acquires know-how structurally.")


class MatrixPoint(PlacedNodeRow, Scored):
    """An institution placed on science strength x commercialisation strength.

    ``score`` is science x commercialisation: both are needed, as the report says.
    """

    science: float = Field(description="STRONG_IN score in the field (the best one without a field).")
    science_field: str | None = Field(description="The field the science score is from.")
    commercialisation: float
    quadrant: Quadrant
    partnerships: list[MatrixPartnership] = Field(
        description="Partnerships (any status) of the institution that include a Japanese party."
    )
    partnered: bool = Field(description="An ACTIVE partnership with a Japanese party exists.")
    know_how_partnership: bool = Field(
        description="An ACTIVE partnership with a Japanese party transfers know-how structurally."
    )
    actionable: bool = Field(description="partner_now, but no active know-how-transferring partnership.")


class PartnerMatrix(BaseModel):
    """Candidate partners of a field on the report's two axes, with the quadrants and the actionable list."""

    field: NodeRow | None = Field(description="The field; null for all fields (best STRONG_IN score).")
    science_threshold: float
    commercialisation_threshold: float
    points: list[MatrixPoint] = Field(description="Every candidate, best first (score, then id).")
    quadrants: dict[str, list[str]] = Field(description="Quadrant -> institution ids, best first.")
    actionable: list[str] = Field(
        description="partner_now institutions without an active partnership that transfers know-how "
        "structurally: whom to approach, or whose partnership content to change."
    )
    chart: dict[str, Any] = Field(description="The matrix as a Vega-Lite v5 scatter-plot specification.")


def _japanese_partnerships(graph: nx.MultiDiGraph, inst: str) -> list[MatrixPartnership]:
    found = []
    for deal, keys in sorted(graph.pred[inst].items()):
        if "PARTY" not in keys or graph.nodes[deal].get("kind") != "partnership":
            continue
        others = [p for p in parties_of(graph, deal) if p != inst]
        if not any(is_japanese(graph, p) for p in others):
            continue
        content = list(graph.nodes[deal].get("content") or [])
        found.append(
            MatrixPartnership.of(
                graph,
                deal,
                status=graph.nodes[deal].get("status"),
                content=content,
                content_class=content_class(content),
                structural=transfers_know_how_structurally(content),
            )
        )
    return found


def _quadrant(science: float, business: float, science_min: float, business_min: float) -> Quadrant:
    if science >= science_min:
        return "partner_now" if business >= business_min else "science_only"
    return "business_only" if business >= business_min else "neither"


def _chart(title: str, points: list[MatrixPoint], science_min: float, business_min: float) -> dict[str, Any]:
    values = [
        {
            "id": p.id,
            "name": p.name_en,
            "science": p.science,
            "commercialisation": round(p.commercialisation, 4),
            "quadrant": p.quadrant,
            "partnered": p.partnered,
            "know_how_partnership": p.know_how_partnership,
        }
        for p in points
    ]
    axis = {"type": "quantitative", "scale": {"domain": [0, 1]}}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "point", "filled": True, "size": 120},
                "encoding": {
                    "x": {"field": "science", "title": "science strength (STRONG_IN)", **axis},
                    "y": {"field": "commercialisation", "title": "commercialisation strength", **axis},
                    "color": {"field": "quadrant", "type": "nominal"},
                    "shape": {"field": "partnered", "type": "nominal", "title": "active Japanese partner"},
                    "tooltip": [{"field": "name"}, {"field": "science"}, {"field": "commercialisation"}],
                },
            },
            {"mark": {"type": "rule", "strokeDash": [4, 4]}, "encoding": {"x": {"datum": science_min}}},
            {"mark": {"type": "rule", "strokeDash": [4, 4]}, "encoding": {"y": {"datum": business_min}}},
        ],
    }


def partner_matrix(
    graph: nx.MultiDiGraph,
    *,
    field: str | None = None,
    science_threshold: float = 0.8,
    commercialisation_threshold: float = 0.5,
) -> PartnerMatrix:
    """Place every candidate partner of a field on science x commercialisation strength.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    field : str, optional
        A field id; without it every institution is placed by its best ``STRONG_IN`` score and its
        whole commercialisation record.
    science_threshold : float
        ``STRONG_IN`` score from which science counts as world-class.
    commercialisation_threshold : float
        Commercialisation strength from which business conversion counts as world-class.

    Returns
    -------
    PartnerMatrix
        Candidates are the non-Japanese institutions ``STRONG_IN`` the field or with a record in it.
        Each point has both scores, its quadrant, its partnerships with Japanese parties and the
        ``actionable`` flag; ``chart`` is a Vega-Lite scatter plot of the points. Cost: O(n + m).

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "institution", "id": "i", "country": "IL"},
    ...     {"kind": "field", "id": "f"}, {"kind": "technology", "id": "t"},
    ...     {"kind": "company", "id": "c", "country": "IL"},
    ...     {"type": "STRONG_IN", "from": "i", "to": "f", "score": 0.95},
    ...     {"type": "COVERS", "from": "f", "to": "t"}, {"type": "DEVELOPS", "from": "c", "to": "t"},
    ...     {"type": "SPUN_OUT_OF", "from": "c", "to": "i"}, {"type": "INCUBATED", "from": "i", "to": "c"}])
    >>> m = partner_matrix(g, field="f", commercialisation_threshold=0.3)
    >>> [(p.id, p.science, round(p.commercialisation, 3), p.quadrant) for p in m.points], m.actionable
    ([('i', 0.95, 0.375, 'partner_now')], ['i'])
    """
    require_field(graph, field)
    records = institution_records(graph)
    strengths = field_strengths(graph, records, field)
    regions = country_regions(graph)
    points = []
    for inst in nodes_of_kind(graph, "institution"):
        if is_japanese(graph, inst):
            continue
        science, science_field, science_step = 0.0, None, None
        for fld, keys in sorted(graph.succ[inst].items()):
            if "STRONG_IN" in keys and field in (None, fld):
                score = float(keys["STRONG_IN"].get("score", 0.0))
                if score > science or science_field is None:
                    science, science_field = score, fld
                    science_step = Step(from_id=inst, type="STRONG_IN", to_id=fld)
        strength = strengths.get(inst)
        if science_field is None and strength is None:
            continue
        business = strength.score if strength else 0.0
        deals = _japanese_partnerships(graph, inst)
        active = [d for d in deals if d.status == "active"]
        know_how = any(d.structural for d in active)
        quadrant = _quadrant(science, business, science_threshold, commercialisation_threshold)
        evidence = []
        if science_step is not None:
            note = f"{inst} is strong in {science_field} ({science})"
            evidence.append(EvidencePath(note=note, steps=[science_step]))
        evidence += strength.evidence if strength else []
        points.append(
            MatrixPoint.of(
                graph,
                inst,
                regions,
                score=science * business,
                components={"science": science, "commercialisation": business},
                evidence=evidence,
                science=science,
                science_field=science_field,
                commercialisation=business,
                quadrant=quadrant,
                partnerships=deals,
                partnered=bool(active),
                know_how_partnership=know_how,
                actionable=quadrant == "partner_now" and not know_how,
            )
        )
    points.sort(key=lambda p: (-p.score, -p.science, p.id))
    quadrants: dict[str, list[str]] = {
        q: [] for q in ("partner_now", "science_only", "business_only", "neither")
    }
    for point in points:
        quadrants[point.quadrant].append(point.id)
    title = f"Partner matrix: {graph.nodes[field].get('name_en') or field}" if field else "Partner matrix"
    return PartnerMatrix(
        field=NodeRow.of(graph, field) if field else None,
        science_threshold=science_threshold,
        commercialisation_threshold=commercialisation_threshold,
        points=points,
        quadrants=quadrants,
        actionable=[p.id for p in points if p.actionable],
        chart=_chart(title, points, science_threshold, commercialisation_threshold),
    )


class ContentReview(BaseModel):
    """One partnership's content judged against the report's rule."""

    partnership: MatrixPartnership
    structural_content: list[str] = Field(description="The items of its content that count as structural.")
    foreign_parties: list[PlacedNodeRow]
    japanese_parties: list[PlacedNodeRow]
    evidence: list[EvidencePath] = Field(description="The PARTY relationships behind the parties named.")


class PartnershipContentReview(BaseModel):
    """Every reviewed partnership, and the gap lists the report warns about."""

    rule: str = Field(description="The rule applied, in one sentence (gxgraph.domain.know_how).")
    reviews: list[ContentReview] = Field(description="Each partnership of the status asked, by id.")
    people_only: list[str] = Field(
        description="Partnerships that only exchange or train people: the report's warning."
    )
    research_only: list[str] = Field(description="Joint research without a commercialisation channel.")
    unrecorded: list[str] = Field(description="Partnerships whose content is not recorded yet.")


RULE = (
    "A partnership acquires know-how structurally when its content includes licensing, co-founded "
    "ventures, incubation access, data/IP sharing or a commercialisation know-how programme; joint "
    "research alone is research_only, staff exchange and executive education alone are people_only."
)


def partnership_content_review(
    graph: nx.MultiDiGraph, *, status: str | None = "active"
) -> PartnershipContentReview:
    """Whether each partnership's content transfers know-how structurally, and which only exchange people.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    status : str, optional
        Review partnerships of this status (default ``active``); None reviews all.

    Returns
    -------
    PartnershipContentReview
        One review per partnership (by id), with its content class (:func:`~gxgraph.domain.know_how.
        content_class`), and the ids of the ``people_only``, ``research_only`` and ``unrecorded``
        ones. Cost: O(partnerships + their parties).

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([
    ...     {"kind": "partnership", "id": "p", "status": "active", "content": ["staff_exchange"]},
    ...     {"kind": "partnership", "id": "q", "status": "active", "content": ["licensing"]},
    ...     {"kind": "company", "id": "j", "is_japanese": True},
    ...     {"kind": "institution", "id": "i", "country": "US"},
    ...     {"type": "PARTY", "from": "p", "to": "j"}, {"type": "PARTY", "from": "p", "to": "i"}])
    >>> review = partnership_content_review(g)
    >>> [(r.partnership.id, r.partnership.content_class) for r in review.reviews], review.people_only
    ([('p', 'people_only'), ('q', 'structural')], ['p'])
    """
    regions = country_regions(graph)
    reviews = []
    for deal in nodes_of_kind(graph, "partnership"):
        attrs = graph.nodes[deal]
        if status is not None and attrs.get("status") != status:
            continue
        content = list(attrs.get("content") or [])
        parties = parties_of(graph, deal)
        japanese = [p for p in parties if is_japanese(graph, p)]
        foreign = [p for p in parties if not is_japanese(graph, p)]
        reviews.append(
            ContentReview(
                partnership=MatrixPartnership.of(
                    graph,
                    deal,
                    regions,
                    status=attrs.get("status"),
                    content=content,
                    content_class=content_class(content),
                    structural=transfers_know_how_structurally(content),
                ),
                structural_content=[c for c in content if transfers_know_how_structurally([c])],
                foreign_parties=[PlacedNodeRow.of(graph, p, regions) for p in foreign],
                japanese_parties=[PlacedNodeRow.of(graph, p, regions) for p in japanese],
                evidence=[
                    EvidencePath(
                        note=f"{party} is a party to {deal}",
                        steps=[Step(from_id=deal, type="PARTY", to_id=party)],
                    )
                    for party in [*foreign, *japanese]
                ],
            )
        )

    def having(kind: ContentClass) -> list[str]:
        return [r.partnership.id for r in reviews if r.partnership.content_class == kind]

    return PartnershipContentReview(
        rule=RULE,
        reviews=reviews,
        people_only=having("people_only"),
        research_only=having("research_only"),
        unrecorded=having("unrecorded"),
    )
