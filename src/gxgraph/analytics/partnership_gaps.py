"""Partnership gaps: world-class research abroad that no Japanese company is partnering with yet.

A gap is an (institution, field) pair where a non-Japanese institution is ``STRONG_IN`` the field
with a score of at least ``min_score`` and none of the institution's ACTIVE partnerships includes a
Japanese company (proposed or ended partnerships do not close a gap; they are listed with it).

``score = strength x (0.5 + 0.25 breadth + 0.25 japanese_interest) x (0.5 + 0.5 commercialisation)``,
where

* ``strength`` is the ``STRONG_IN`` score;
* ``breadth`` is the number of technologies the field ``COVERS`` over the most any field covers
  (0-1): a broad field opens more doors;
* ``japanese_interest`` is the share of those technologies a Japanese company ``DEVELOPS`` or
  deploys (a case study ``DEPLOYED_BY`` it ``USES`` it): how much Japanese industry can absorb;
* ``commercialisation`` is the institution's commercialisation strength in the field
  (:func:`gxgraph.analytics.partner_selection.commercialisation_scores`: spin-outs, licences,
  incubated ventures and deployed case studies, normalised within the field and damped for small
  counts): the report asks for partners world-class in business conversion as well as in science.

The relevance terms and the commercialisation factor can each at most halve the strength, so a
world-leading field stays near the top even when no technology is mapped to it yet, and between two
equally strong institutions the one with a record of turning research into business ranks first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal, Self

import networkx as nx

from gxgraph.analytics.commercialisation_strength import commercialisation_scores
from gxgraph.analytics.graph import country_regions, is_japanese, nodes_of_kind
from gxgraph.analytics.recommend import KnowledgeIndex, Recommendation, active_partners, rank_partners
from gxgraph.analytics.rows import EvidencePath, PlacedNodeRow, Scored, Step

__all__ = ["PartnershipGap", "PartnershipRef", "group_by_region", "japanese_users", "partnership_gaps"]


class PartnershipRef(PlacedNodeRow):
    """A partnership named in a result, with its status."""

    status: str | None = None

    @classmethod
    def of(
        cls, graph: nx.MultiDiGraph, node: str, regions: Mapping[str, str] | None = None, **fields: Any
    ) -> Self:
        """The partnership ``node`` as :meth:`PlacedNodeRow.of` describes it, with its status."""
        return super().of(graph, node, regions, status=graph.nodes[node].get("status"), **fields)


class PartnershipGap(Scored):
    """A world-class (institution, field) pair with no active Japanese company partner."""

    field: PlacedNodeRow
    institution: PlacedNodeRow
    strong_in_score: float
    technologies: list[PlacedNodeRow]
    partnerships: list[PartnershipRef]
    companies: list[Recommendation]
    companies_basis: Literal["field", "institution"]


def japanese_users(graph: nx.MultiDiGraph, tech: str) -> dict[str, list[Step]]:
    """Japanese company -> the steps showing it develops or deploys ``tech``. Cost: O(2-hop degree).

    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "company", "id": "c", "is_japanese": True},
    ...     {"kind": "technology", "id": "t"}, {"type": "DEVELOPS", "from": "c", "to": "t"}])
    >>> [(c, [s.type for s in steps]) for c, steps in japanese_users(g, "t").items()]
    [('c', ['DEVELOPS'])]
    """
    found: dict[str, list[Step]] = {}
    for src, keys in graph.pred[tech].items():
        if "DEVELOPS" in keys and graph.nodes[src]["kind"] == "company" and is_japanese(graph, src):
            found.setdefault(src, [Step(from_id=src, type="DEVELOPS", to_id=tech)])
        if "USES" in keys:
            for org, rels in graph.succ[src].items():
                if "DEPLOYED_BY" in rels and is_japanese(graph, org):
                    steps = [
                        Step(from_id=src, type="USES", to_id=tech),
                        Step(from_id=src, type="DEPLOYED_BY", to_id=org),
                    ]
                    found.setdefault(org, steps)
    return dict(sorted(found.items()))


def partnership_gaps(
    graph: nx.MultiDiGraph,
    *,
    min_score: float = 0.8,
    field: str | None = None,
    region: str | None = None,
    limit_companies: int = 3,
    index: KnowledgeIndex | None = None,
) -> list[PartnershipGap]:
    """Fields where a non-Japanese institution is world-class but has no active Japanese company partner.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    min_score : float
        Least ``STRONG_IN`` score that counts as world-class.
    field : str, optional
        Only this field id.
    region : str, optional
        Only institutions in this region.
    limit_companies : int
        Japanese companies proposed per gap: ``rank_partners`` (Adamic-Adar) counting only the field
        and its technologies, or, when no company shares any of them, the whole neighbourhood
        (``companies_basis`` says which).
    index : KnowledgeIndex, optional
        Reuse memoised neighbourhoods.

    Returns
    -------
    list of PartnershipGap
        Best first (score, institution id, field id); the score is the module docstring's mix.
        Cost: O(n + m) plus one company ranking per gap.

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "institution", "id": "i", "country": "IL"},
    ...     {"kind": "field", "id": "f"}, {"kind": "technology", "id": "t"},
    ...     {"kind": "company", "id": "c", "is_japanese": True},
    ...     {"type": "STRONG_IN", "from": "i", "to": "f", "score": 0.9},
    ...     {"type": "COVERS", "from": "f", "to": "t"}, {"type": "DEVELOPS", "from": "c", "to": "t"}])
    >>> [(gap.institution.id, gap.field.id, gap.score, [c.id for c in gap.companies])
    ...  for gap in partnership_gaps(g)]
    [('i', 'f', 0.45, ['c'])]
    """
    index = index or KnowledgeIndex(graph)
    regions, linked = country_regions(graph), active_partners(graph)
    japanese = {c for c in nodes_of_kind(graph, "company") if is_japanese(graph, c)}
    covers = {
        f: [t for t, keys in graph.succ[f].items() if "COVERS" in keys] for f in nodes_of_kind(graph, "field")
    }
    widest = max((len(ts) for ts in covers.values()), default=0) or 1
    business = commercialisation_scores(graph)
    users: dict[str, dict[str, list[Step]]] = {}
    gaps = []
    for inst in nodes_of_kind(graph, "institution"):
        where = PlacedNodeRow.of(graph, inst, regions)
        if (
            is_japanese(graph, inst)
            or japanese & linked.get(inst, set())
            or region not in (None, where.region)
        ):
            continue
        deals = [
            PartnershipRef.of(graph, deal)
            for deal, keys in graph.pred[inst].items()
            if "PARTY" in keys and graph.nodes[deal].get("status") != "active"
        ]
        for fld, keys in graph.succ[inst].items():
            if "STRONG_IN" not in keys or field not in (None, fld):
                continue
            strength = float(keys["STRONG_IN"].get("score", 1.0))
            if strength < min_score:
                continue
            techs = covers.get(fld, [])
            for tech in techs:
                users.setdefault(tech, japanese_users(graph, tech))
            interest = sum(1 for t in techs if users[t]) / len(techs) if techs else 0.0
            components = {
                "strength": strength,
                "breadth": len(techs) / widest,
                "japanese_interest": interest,
                "commercialisation": business.get((inst, fld), 0.0),
            }
            relevance = 0.5 + 0.25 * components["breadth"] + 0.25 * interest
            score = strength * relevance * (0.5 + 0.5 * components["commercialisation"])
            strong = Step(from_id=inst, type="STRONG_IN", to_id=fld)
            evidence = [EvidencePath(note=f"{inst} is world-class in {fld}", steps=[strong])]
            for tech in sorted(techs, key=lambda t: not users[t])[:5]:  # Japanese-used technologies first
                who = next(iter(users[tech].items()), None)
                note = f"{fld} covers {tech}" + (f", which {who[0]} works with" if who else "")
                steps = [strong, Step(from_id=fld, type="COVERS", to_id=tech), *(who[1] if who else [])]
                evidence.append(EvidencePath(note=note, steps=steps))
            basis: Literal["field", "institution"] = "field"
            focus = {fld, *techs}
            companies = rank_partners(graph, inst, japanese, limit=limit_companies, index=index, focus=focus)
            if not companies:
                basis = "institution"
                companies = rank_partners(graph, inst, japanese, limit=limit_companies, index=index)
            gap = PartnershipGap(
                score=score,
                components=components,
                evidence=evidence,
                field=PlacedNodeRow.of(graph, fld),
                institution=where,
                strong_in_score=strength,
                technologies=[PlacedNodeRow.of(graph, t) for t in techs],
                partnerships=sorted(deals, key=lambda d: d.id),
                companies=companies,
                companies_basis=basis,
            )
            gaps.append(gap)
    return sorted(gaps, key=lambda gap: (-gap.score, gap.institution.id, gap.field.id))


def group_by_region(gaps: Iterable[PartnershipGap]) -> dict[str, dict[str, list[PartnershipGap]]]:
    """Region -> institution id -> its gaps, for the report view; order follows the input (best first).

    Parameters
    ----------
    gaps : iterable of PartnershipGap
        Usually ``partnership_gaps(...)``; an institution without a region goes under ``"unknown"``.

    Returns
    -------
    dict
        Region -> institution id -> gaps. Cost: O(len(gaps)).

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "institution", "id": "i", "region": "asia"},
    ...     {"kind": "field", "id": "f"},
    ...     {"type": "STRONG_IN", "from": "i", "to": "f", "score": 0.9}])
    >>> {r: list(insts) for r, insts in group_by_region(partnership_gaps(g)).items()}
    {'asia': ['i']}
    """
    grouped: dict[str, dict[str, list[PartnershipGap]]] = {}
    for gap in gaps:
        region = grouped.setdefault(gap.institution.region or "unknown", {})
        region.setdefault(gap.institution.id, []).append(gap)
    return grouped
