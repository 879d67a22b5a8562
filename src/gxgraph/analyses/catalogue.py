"""Every analysis gxgraph offers, each declared once: parameters, pure function, result, role.

The HTTP routes (``api/routes/analytics.py``) and the ``gxgraph analyze`` commands (``cli_analyze.py``)
are generated from :data:`ANALYSES`. To add an analysis, write its pure function in
``gxgraph.analytics`` (formula in its docstring) and register one spec here or, for the network's
structure, countries, replication and evaluation, in :mod:`.catalogue_network` (imported by the
package after this module, so the registry's order is this file's, then that one's).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, field_validator, model_validator

from gxgraph.analyses.spec import AnalysisParams, AnalysisSpec, Projected, Registry, memo_key, widest_limit
from gxgraph.analytics.commercialisation import CommercialisationGap, Perspective, commercialisation_gaps
from gxgraph.analytics.commercialisation_strength import CommercialisationStrength, commercialisation_strength
from gxgraph.analytics.expertise import IntroductionPath, Knower, warm_introduction, who_knows
from gxgraph.analytics.partner_selection import (
    PartnerMatrix,
    PartnershipContentReview,
    partner_matrix,
    partnership_content_review,
)
from gxgraph.analytics.partnership_gaps import PartnershipGap, group_by_region, partnership_gaps
from gxgraph.analytics.recommend import Method, Recommendation, recommend_partners
from gxgraph.analytics.techmap import TechnologyMap, technology_map
from gxgraph.domain.kinds import PartnershipStatus, Region, TechDomain
from gxgraph.domain.nodes import CountryCode, Slug
from gxgraph.reports.charts import technology_map_svg
from gxgraph.services.analysis import resolve_topics
from gxgraph.store.base import GraphStore

__all__ = ["ANALYSES", "WhoKnows"]

MAX_ROWS = 500
Limit = Annotated[int, Field(ge=1, le=MAX_ROWS, description="Most rows returned.")]
ShortLimit = Annotated[int, Field(ge=1, le=100, description="Most rows returned.")]
Score = Annotated[float, Field(ge=0, le=1)]
AxisFilter = Annotated[str, StringConstraints(min_length=1, max_length=100)]
PerspectiveParam = Annotated[
    Perspective,
    Field(description="japan: Japanese developers' strength vs Japanese deployment; global: everyone's."),
]
Year = Annotated[
    int, Field(ge=1900, le=2100, description="Year of the ranks; default each country's latest.")
]
KnowerKind = Literal["institution", "expert", "company"]

ANALYSES = Registry()


class CommercialisationGapsParams(AnalysisParams):
    perspective: PerspectiveParam = "japan"
    domain: TechDomain | None = Field(default=None, description="gx and dx include both.")
    country: CountryCode | None = Field(default=None, description="ISO code of at least one developer.")
    industry: AxisFilter | None = Field(default=None, description="Industry of the technology or a segment.")
    digital_technology: AxisFilter | None = Field(
        default=None, description="Digital technology of the technology or a segment."
    )
    min_trl: int | None = Field(default=None, ge=1, le=9, description="Least technology readiness level.")
    limit: Limit = 50


def _commercialisation_gaps(p: Projected, q: CommercialisationGapsParams) -> list[CommercialisationGap]:
    return commercialisation_gaps(
        p.graph,
        perspective=q.perspective,
        domain=q.domain.value if q.domain else None,
        country=q.country,
        industry=q.industry,
        digital_technology=q.digital_technology,
        min_trl=q.min_trl,
        limit=q.limit,
    )


ANALYSES.register(
    AnalysisSpec(
        name="commercialisation-gaps",
        ranked=True,
        params=CommercialisationGapsParams,
        result=list[CommercialisationGap],
        compute=_commercialisation_gaps,
        summary="Technologies with strong patents or research but weak (Japanese) deployment.",
        description="Ranks technologies by strength (patents, publications, research) against "
        "deployment, weighted by market and readiness, each row with its score components and the "
        "evidence paths behind them.",
        formula=commercialisation_gaps,
    )
)


class PartnershipGapsParams(AnalysisParams):
    min_score: Score = Field(default=0.8, description="STRONG_IN score that counts as world-class.")
    field: Slug | None = Field(default=None, description="Only this field id.")
    region: Region | None = Field(default=None, description="Only institutions in this region.")
    companies: int = Field(default=3, ge=0, le=20, description="Japanese companies proposed per gap.")
    limit: Limit = 50


def _partnership_gaps(p: Projected, q: PartnershipGapsParams) -> list[PartnershipGap]:
    found = partnership_gaps(
        p.graph,
        min_score=q.min_score,
        field=q.field,
        region=q.region.value if q.region else None,
        limit_companies=q.companies,
        index=p.knowledge_index(),
    )
    return found[: q.limit]


def _partnership_gaps_by_region(
    p: Projected, q: PartnershipGapsParams
) -> dict[str, dict[str, list[PartnershipGap]]]:
    # The ranking partnership-gaps memoises (at its widest limit) for the same parameters, sliced:
    # the report view then costs nothing more when the list was asked for, and vice versa.
    spec = ANALYSES["partnership-gaps"]
    widest = q.model_copy(update={"limit": widest_limit(PartnershipGapsParams)})
    ranking = p.memoised(memo_key(spec, widest), lambda graph: _partnership_gaps(p.on(graph), widest))
    return group_by_region(ranking[: q.limit])


ANALYSES.register(
    AnalysisSpec(
        name="partnership-gaps",
        ranked=True,
        params=PartnershipGapsParams,
        result=list[PartnershipGap],
        compute=_partnership_gaps,
        summary="World-class foreign institutions with no active partnership with a Japanese company.",
        description="Each (institution, field) gap, best first, with the Japanese companies best placed "
        "to close it and the shared fields and technologies that say why.",
        formula=partnership_gaps,
    )
)
ANALYSES.register(
    AnalysisSpec(
        name="partnership-gaps-by-region",
        params=PartnershipGapsParams,
        result=dict[str, dict[str, list[PartnershipGap]]],
        compute=_partnership_gaps_by_region,
        summary="The partnership gaps grouped by region, then institution (the report view).",
        description="The same gaps as partnership-gaps (the same parameters and limit), keyed by region "
        "and institution id, best first within each.",
        formula=group_by_region,
    )
)


class CommercialisationStrengthParams(AnalysisParams):
    field: Slug | None = Field(
        default=None, description="Only records this field covers, normalised within it; default all."
    )
    limit: Limit = 50


ANALYSES.register(
    AnalysisSpec(
        name="commercialisation-strength",
        ranked=True,
        params=CommercialisationStrengthParams,
        result=list[CommercialisationStrength],
        compute=lambda p, q: commercialisation_strength(p.graph, field=q.field, limit=q.limit),
        summary="Institutions ranked by their record of turning research into business.",
        description="Spin-outs, licences, incubated ventures and deployed case studies that use the "
        "institution's technologies, normalised within the field on a log scale and damped for small "
        "counts; each row with its counts, score components and the records as evidence paths.",
        formula=commercialisation_strength,
    )
)


class PartnerMatrixParams(AnalysisParams):
    field: Slug | None = Field(
        default=None, description="A field id; default all fields (each institution's best STRONG_IN)."
    )
    science_threshold: Score = Field(default=0.8, description="STRONG_IN score that counts as world-class.")
    commercialisation_threshold: Score = Field(
        default=0.5, description="Commercialisation strength that counts as world-class."
    )


ANALYSES.register(
    AnalysisSpec(
        name="partner-matrix",
        params=PartnerMatrixParams,
        result=PartnerMatrix,
        compute=lambda p, q: partner_matrix(
            p.graph,
            field=q.field,
            science_threshold=q.science_threshold,
            commercialisation_threshold=q.commercialisation_threshold,
        ),
        summary="Candidate partners on science strength x commercialisation strength, in four quadrants.",
        description="The report's selection criteria: every non-Japanese institution of the field placed "
        "on STRONG_IN x commercialisation strength (partner now / science only / business only / "
        "neither), with its partnerships with Japanese parties; the actionable list is the partner-now "
        "quadrant without an active partnership that transfers know-how structurally. The chart field "
        "is a Vega-Lite specification of the matrix.",
        formula=partner_matrix,
    )
)


class PartnershipContentReviewParams(AnalysisParams):
    status: PartnershipStatus | None = Field(
        default=PartnershipStatus.ACTIVE, description="Review partnerships of this status."
    )


ANALYSES.register(
    AnalysisSpec(
        name="partnership-content-review",
        params=PartnershipContentReviewParams,
        result=PartnershipContentReview,
        compute=lambda p, q: partnership_content_review(p.graph, status=q.status.value if q.status else None),
        summary="Whether each partnership transfers know-how structurally; those that only exchange people.",
        description="Each partnership's content (joint research, licensing, ventures, incubation, staff "
        "exchange, executive education, data/IP sharing, commercialisation programme) judged by the "
        "rule in gxgraph.domain.know_how, with the gap lists: people only (the report's warning), "
        "research only, and content not recorded.",
        formula=partnership_content_review,
    )
)


class RecommendationsParams(AnalysisParams):
    company: Slug = Field(description="The company to find partners for (usually Japanese).")
    target_kind: Literal["institution", "company"] = Field(
        default="institution", description="Recommend institutions, or companies for consortia."
    )
    method: Method = Field(default="adamic_adar", description="The link-prediction score.")
    exclude_existing: bool = Field(default=True, description="Leave out current active partners.")
    limit: ShortLimit = 10


ANALYSES.register(
    AnalysisSpec(
        name="recommendations",
        ranked=True,
        params=RecommendationsParams,
        result=list[Recommendation],
        compute=lambda p, q: recommend_partners(
            p.graph,
            q.company,
            target_kind=q.target_kind,
            method=q.method,
            exclude_existing=q.exclude_existing,
            limit=q.limit,
            index=p.knowledge_index(),
        ),
        summary="Partners a company should work with, with the shared nodes behind each score.",
        description="Link prediction over shared fields and technologies (Adamic-Adar, Jaccard, "
        "resource allocation) or a personalised PageRank walk; every row lists what it rests on. "
        "scripts/evaluate_recommendations.py measures the methods against baselines.",
        formula=recommend_partners,
    )
)


class WhoKnowsParams(AnalysisParams):
    q: str | None = Field(
        default=None, min_length=1, max_length=200, description="Free text, English or Japanese."
    )
    node: list[Slug] | None = Field(default=None, description="Field or technology ids (instead of q).")
    kind: list[KnowerKind] | None = Field(default=None, description="Only these kinds; default all three.")
    introduce_from: Slug | None = Field(
        default=None, description="A Japanese company: add warm introductions from it."
    )
    limit: ShortLimit = 20

    @field_validator("node", "kind")
    @classmethod
    def _as_set(cls, value: list[str] | None) -> list[str] | None:
        return sorted(set(value)) if value else None

    @model_validator(mode="after")
    def _asks_something(self) -> WhoKnowsParams:
        if self.q is None and not self.node:
            raise ValueError("give q (text) or node (ids) to ask about")
        return self


class WhoKnows(BaseModel):
    """Knowers of the resolved targets, best first; the same shape for ids and for free text."""

    targets: list[str] = Field(description="The field and technology ids asked about (q resolved to ids).")
    knowers: list[Knower]


def _resolve_topics(store: GraphStore, q: WhoKnowsParams) -> WhoKnowsParams:
    if q.q is None:
        return q
    targets = sorted(set(q.node or ()) | set(resolve_topics(store, q.q)))
    # The memo then keys on the ids, so two texts naming the same topics share one answer.
    return q.model_copy(update={"q": None, "node": targets})


def _who_knows(p: Projected, q: WhoKnowsParams) -> WhoKnows:
    targets = q.node or []
    kinds = q.kind or ["institution", "expert", "company"]
    knowers = who_knows(p.graph, targets, kinds=kinds, limit=q.limit, introduce_from=q.introduce_from)
    return WhoKnows(targets=targets, knowers=knowers)


ANALYSES.register(
    AnalysisSpec(
        name="who-knows",
        params=WhoKnowsParams,
        result=WhoKnows,
        compute=_who_knows,
        resolve=_resolve_topics,
        summary="Institutions, experts and companies that know a field or technology, by evidence.",
        description="Free text is resolved with the typeahead search to the best-matching fields and "
        "technologies; each knower comes with the path that justifies it and, from a Japanese "
        "company, the warmest introduction path.",
        formula=who_knows,
    )
)


class WarmIntroductionParams(AnalysisParams):
    from_company: Slug = Field(alias="from", description="A Japanese company's id.")
    to_node: Slug = Field(alias="to", description="Whom to reach.")
    max_hops: int = Field(default=6, ge=1, le=8, description="Longest chain considered.")


ANALYSES.register(
    AnalysisSpec(
        name="warm-introduction",
        params=WarmIntroductionParams,
        result=IntroductionPath | None,
        compute=lambda p, q: warm_introduction(p.graph, q.from_company, q.to_node, max_hops=q.max_hops),
        summary="Who knows who knows: the shortest chain from a Japanese company to anyone.",
        description="The chain goes through people, organisations, partnerships and shared "
        "deployments; null when the node is out of reach within max_hops.",
        formula=warm_introduction,
    )
)


class TechnologyMapParams(AnalysisParams):
    perspective: PerspectiveParam = "japan"
    gap_threshold: Score = Field(
        default=0.3, description="Gap score from which a technology counts as a gap."
    )


ANALYSES.register(
    AnalysisSpec(
        name="technology-map",
        params=TechnologyMapParams,
        result=TechnologyMap,
        compute=lambda p, q: technology_map(
            p.graph, gap_threshold=q.gap_threshold, perspective=q.perspective
        ),
        svg=technology_map_svg,
        summary="The industry x digital-technology map: CAGR, market size, deployments and gaps per cell.",
        description="One cell per industry and digital technology, with the latest segment figures, "
        "the technologies and deployments in it, the Japanese share and the gap count; the chart is "
        "a bubble chart that flags illustrative figures.",
        formula=technology_map,
    )
)
