"""The analyses of the network's structure, of countries, of replication and the recommendations'
evaluation: the second half of the catalogue (:mod:`.catalogue` has the first, and the shared
parameter types), registered into the same :data:`~gxgraph.analyses.catalogue.ANALYSES` after it.
"""

from __future__ import annotations

from pydantic import Field, field_validator

from gxgraph.analyses.catalogue import ANALYSES, Limit, Score, ShortLimit
from gxgraph.analyses.spec import AnalysisParams, AnalysisSpec
from gxgraph.analytics.evaluation import EvaluationReport, evaluate
from gxgraph.analytics.profile import InnovationProfile, compare_countries, innovation_profile
from gxgraph.analytics.replication import ReplicationResult, replication_candidates
from gxgraph.analytics.structure import (
    Broker,
    CentralInstitution,
    Community,
    IsolatedCompany,
    brokers,
    central_institutions,
    communities,
    isolated_companies,
)
from gxgraph.domain.nodes import CountryCode, Slug

__all__: list[str] = []


class LimitParams(AnalysisParams):
    limit: Limit = 20


class CommunitiesParams(AnalysisParams):
    resolution: float = Field(
        default=1.0, gt=0, le=10, description="Louvain resolution; higher, smaller groups."
    )
    limit: Limit = 50


class IsolatedCompaniesParams(AnalysisParams):
    frontier_min_score: Score = Field(
        default=0.9, description="STRONG_IN score from which a field's technologies are frontier."
    )
    limit: Limit = 20


ANALYSES.register(
    AnalysisSpec(
        name="brokers",
        ranked=True,
        precompute=True,
        params=LimitParams,
        result=list[Broker],
        compute=lambda p, q: brokers(p.graph, limit=q.limit),
        summary="Brokers between regions and communities, with Burt's constraint.",
        description="Betweenness (sampled on large graphs) and the regions each actor bridges; low "
        "constraint means the actor spans structural holes.",
        formula=brokers,
    )
)
ANALYSES.register(
    AnalysisSpec(
        name="communities",
        ranked=True,
        precompute=True,
        params=CommunitiesParams,
        result=list[Community],
        compute=lambda p, q: communities(p.graph, resolution=q.resolution, limit=q.limit),
        summary="Communities (Louvain, seeded) with their dominant fields, regions and members.",
        description="Modularity communities of the actor graph, largest first, each with the fields "
        "and regions that dominate it and its best-connected members.",
        formula=communities,
    )
)
ANALYSES.register(
    AnalysisSpec(
        name="isolated-companies",
        ranked=True,
        params=IsolatedCompaniesParams,
        result=list[IsolatedCompany],
        compute=lambda p, q: isolated_companies(
            p.graph, frontier_min_score=q.frontier_min_score, limit=q.limit
        ),
        summary="Japanese companies furthest from frontier technologies.",
        description="Hops from each Japanese company to the nearest technology covered by a field "
        "where some institution is world-class, over relationships between actors.",
        formula=isolated_companies,
    )
)
ANALYSES.register(
    AnalysisSpec(
        name="central-institutions",
        ranked=True,
        precompute=True,
        params=LimitParams,
        result=list[CentralInstitution],
        compute=lambda p, q: central_institutions(p.graph, limit=q.limit),
        summary="Institutions most central to GX x DX.",
        description="PageRank restarting at technologies (GX x DX ones weigh double), times how evenly "
        "the institution spans GX and DX.",
        formula=central_institutions,
    )
)


class CountriesParams(AnalysisParams):
    iso: list[CountryCode] | None = Field(
        default=None, description="ISO codes; default every country with ranks."
    )
    year: int | None = Field(
        default=None, ge=1900, le=2100, description="Year of the ranks; default each country's latest."
    )
    limit: Limit = 50

    @field_validator("iso")
    @classmethod
    def _as_set(cls, value: list[str] | None) -> list[str] | None:
        return sorted(set(value)) if value else None


class CountryProfileParams(AnalysisParams):
    iso_code: CountryCode
    year: int | None = Field(
        default=None, ge=1900, le=2100, description="Year of the ranks; default each country's latest."
    )


ANALYSES.register(
    AnalysisSpec(
        name="countries",
        ranked=True,
        params=CountriesParams,
        result=list[InnovationProfile],
        compute=lambda p, q: compare_countries(p.graph, q.iso, year=q.year)[: q.limit],
        summary="Innovation profiles compared: input ranks against output ranks, by gap.",
        description="Input ranks (R&D, patents, IP receipts) against output ranks (ICT exports, "
        "productivity growth, creative exports, unicorns), their gap and the creative-destruction "
        "index by year; sorted by gap, illustrative figures flagged.",
        formula=compare_countries,
    )
)
ANALYSES.register(
    AnalysisSpec(
        name="country-profile",
        path="countries/{iso_code}",
        params=CountryProfileParams,
        result=InnovationProfile,
        compute=lambda p, q: innovation_profile(p.graph, q.iso_code, year=q.year),
        summary="One country's innovation profile: input vs output ranks, their gap, creative destruction.",
        description="The profile of one country for one year (its latest with ranks by default), "
        "every figure with its source and illustrative flag.",
        formula=innovation_profile,
    )
)


class ReplicationParams(AnalysisParams):
    partnership_id: Slug = Field(description="The partnership to replicate.")
    include_same_country: bool = Field(
        default=False, description="Also propose institutions in the partnership's own countries."
    )
    limit: ShortLimit = 10


ANALYSES.register(
    AnalysisSpec(
        name="replication",
        path="partnerships/{partnership_id}/replication",
        params=ReplicationParams,
        result=ReplicationResult,
        compute=lambda p, q: replication_candidates(
            p.graph, q.partnership_id, limit=q.limit, include_same_country=q.include_same_country
        ),
        summary="Institutions abroad, Global South included, whose profiles resemble a partnership's.",
        description="Candidates ranked by the similarity of their field profiles and technologies to "
        "the partnership's institutions abroad, with the shared fields and both scores.",
        formula=replication_candidates,
    )
)


class EvaluationParams(AnalysisParams):
    hidden: float = Field(default=0.2, ge=0.05, le=0.9, description="Share of active partnerships to hide.")
    seed: int = Field(default=0, ge=0, le=2**31 - 1, description="Seed of the hidden share.")
    max_queries: int = Field(
        default=1000,
        ge=1,
        le=100_000,
        description="Evaluate a seeded sample of at most this many query companies (the cost grows "
        "with their number).",
    )


ANALYSES.register(
    AnalysisSpec(
        name="recommendation-evaluation",
        params=EvaluationParams,
        result=EvaluationReport,
        compute=lambda p, q: evaluate(
            p.graph, hidden_fraction=q.hidden, seed=q.seed, max_queries=q.max_queries
        ),
        summary="Precision and recall of the partner recommendations against random and degree baselines.",
        description="Hides a seeded share of the active partnerships between Japanese companies and "
        "institutions and asks every method to find them again; the seconds are the only "
        "non-deterministic figures.",
        formula=evaluate,
    )
)
