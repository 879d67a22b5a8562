"""Replication: where else could a partnership that works be set up, including the Global South?

The *profile* of a partnership is the ``STRONG_IN`` field-score vector of its institution parties
abroad (all its institutions when none is abroad), taking the higher score when two share a field,
plus the technologies they ``DEVELOPS``. A candidate is any other non-Japanese institution, by default
in a country none of them is in. Its score is

``0.75 x cosine(profile fields, candidate fields) + 0.25 x Jaccard(profile technologies, candidate
technologies)``:

fields say what an institution is known for, technologies what it makes, and the first is what a
replication is modelled on. Candidates sharing neither are left out. ``global_south`` comes from the
institution's region. The result also names the partnership's Japanese companies: they could carry
the model over.
"""

from __future__ import annotations

import math

import networkx as nx
from pydantic import BaseModel

from gxgraph.analytics.graph import country_regions, is_japanese, nodes_of_kind, region_of
from gxgraph.analytics.partnership_gaps import PartnershipRef
from gxgraph.analytics.rows import EvidencePath, PlacedNodeRow, Scored, Step
from gxgraph.errors import NotFound

__all__ = ["ReplicationCandidate", "ReplicationResult", "SharedField", "replication_candidates"]

_FIELDS, _TECHS = 0.75, 0.25


class SharedField(PlacedNodeRow):
    """A field both the source institution and the candidate are strong in, with both scores."""

    source_institution: str
    source_score: float
    candidate_score: float


class ReplicationCandidate(PlacedNodeRow, Scored):
    """An institution abroad (``id``) that resembles the partnership's institutions."""

    global_south: bool
    shared_fields: list[SharedField]
    shared_technologies: list[PlacedNodeRow]
    partnerships: list[PartnershipRef]


class ReplicationResult(BaseModel):
    """The partnership, who carries it (its institutions and Japanese companies), and where it could go."""

    partnership: PartnershipRef
    source_institutions: list[PlacedNodeRow]
    japanese_companies: list[PlacedNodeRow]
    candidates: list[ReplicationCandidate]


def _strengths(graph: nx.MultiDiGraph, inst: str) -> dict[str, float]:
    return {
        f: float(k["STRONG_IN"].get("score", 1.0)) for f, k in graph.succ[inst].items() if "STRONG_IN" in k
    }


def _develops(graph: nx.MultiDiGraph, inst: str) -> set[str]:
    return {t for t, keys in graph.succ[inst].items() if "DEVELOPS" in keys}


def replication_candidates(
    graph: nx.MultiDiGraph, partnership_id: str, *, limit: int = 10, include_same_country: bool = False
) -> ReplicationResult:
    """Institutions in other countries that could host a copy of a working partnership.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    partnership_id : str
        The partnership to replicate (usually an active one).
    limit : int
        Number of candidates.
    include_same_country : bool
        Also propose institutions in a source institution's country.

    Returns
    -------
    ReplicationResult
        Candidates best first (score, then id), each with its shared fields (both scores) and
        technologies as reasons and evidence. Cost: O(institutions x their fields and technologies).

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "partnership", "id": "p", "status": "active"},
    ...     {"kind": "institution", "id": "us", "country": "US"},
    ...     {"kind": "institution", "id": "ke", "country": "KE"},
    ...     {"kind": "country", "id": "country-ke", "iso_code": "KE", "region": "global_south"},
    ...     {"kind": "field", "id": "f"}, {"type": "PARTY", "from": "p", "to": "us"},
    ...     {"type": "STRONG_IN", "from": "us", "to": "f", "score": 0.9},
    ...     {"type": "STRONG_IN", "from": "ke", "to": "f", "score": 0.6}])
    >>> [(c.id, c.score, c.global_south) for c in replication_candidates(g, "p").candidates]
    [('ke', 0.75, True)]
    """
    if graph.nodes.get(partnership_id, {}).get("kind") != "partnership":
        raise NotFound(f"no partnership with id {partnership_id!r}")
    regions = country_regions(graph)
    parties = sorted(p for p, keys in graph.succ[partnership_id].items() if "PARTY" in keys)
    institutions = [p for p in parties if graph.nodes[p]["kind"] == "institution"]
    sources = [i for i in institutions if not is_japanese(graph, i)] or institutions
    profile: dict[str, tuple[float, str]] = {}
    for inst in sources:
        for fld, score in _strengths(graph, inst).items():
            if score > profile.get(fld, (-1.0, ""))[0]:
                profile[fld] = (score, inst)
    techs = set().union(*(_develops(graph, i) for i in sources))
    norm = math.sqrt(sum(s * s for s, _ in profile.values()))
    countries = {graph.nodes[i].get("country") for i in sources} - {None}
    candidates = []
    for inst in nodes_of_kind(graph, "institution"):
        if inst in sources or is_japanese(graph, inst):
            continue
        if not include_same_country and graph.nodes[inst].get("country") in countries:
            continue
        strengths, theirs = _strengths(graph, inst), _develops(graph, inst)
        shared, common = sorted(set(strengths) & set(profile)), sorted(techs & theirs)
        if not shared and not common:
            continue
        scale = norm * math.sqrt(sum(s * s for s in strengths.values()))
        cosine = sum(profile[f][0] * strengths[f] for f in shared) / scale if scale else 0.0
        overlap = len(common) / len(techs | theirs) if common else 0.0
        evidence = [
            EvidencePath(
                note=f"both strong in {f}",
                steps=[
                    Step(from_id=profile[f][1], type="STRONG_IN", to_id=f),
                    Step(from_id=inst, type="STRONG_IN", to_id=f),
                ],
            )
            for f in shared
        ]
        for tech in common:
            src = min(i for i in sources if tech in _develops(graph, i))
            steps = [
                Step(from_id=src, type="DEVELOPS", to_id=tech),
                Step(from_id=inst, type="DEVELOPS", to_id=tech),
            ]
            evidence.append(EvidencePath(note=f"both develop {tech}", steps=steps))
        fields = [
            SharedField.of(
                graph,
                f,
                source_institution=profile[f][1],
                source_score=profile[f][0],
                candidate_score=strengths[f],
            )
            for f in shared
        ]
        deals = sorted(
            (PartnershipRef.of(graph, d) for d, keys in graph.pred[inst].items() if "PARTY" in keys),
            key=lambda d: d.id,
        )
        candidates.append(
            ReplicationCandidate.of(
                graph,
                inst,
                regions,
                score=_FIELDS * cosine + _TECHS * overlap,
                components={"field_similarity": cosine, "technology_overlap": overlap},
                evidence=evidence,
                global_south=region_of(graph, inst, regions) == "global_south",
                shared_fields=sorted(fields, key=lambda sf: (-sf.source_score * sf.candidate_score, sf.id)),
                shared_technologies=[PlacedNodeRow.of(graph, t) for t in common],
                partnerships=deals,
            )
        )
    candidates.sort(key=lambda c: (-c.score, c.id))
    return ReplicationResult(
        partnership=PartnershipRef.of(graph, partnership_id),
        source_institutions=[PlacedNodeRow.of(graph, i, regions) for i in sources],
        japanese_companies=[
            PlacedNodeRow.of(graph, p, regions)
            for p in parties
            if graph.nodes[p]["kind"] == "company" and is_japanese(graph, p)
        ],
        candidates=candidates[:limit],
    )
