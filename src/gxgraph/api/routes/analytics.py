"""Analytics: commercialisation and partnership gaps, recommendations, who knows what, the technology
map, network structure, innovation profiles and replication. Each answer names its graph version."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from gxgraph.analytics.commercialisation import CommercialisationGap, commercialisation_gaps
from gxgraph.analytics.expertise import IntroductionPath, Knower, warm_introduction, who_knows
from gxgraph.analytics.partnership_gaps import PartnershipGap, partnership_gaps
from gxgraph.analytics.profile import InnovationProfile, compare_countries, innovation_profile
from gxgraph.analytics.recommend import Recommendation, recommend_partners
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
from gxgraph.analytics.techmap import TechnologyMap, technology_map
from gxgraph.api.deps import AnalystKey, FromNode, NodeId, SlugQuery, StoreDep, ToNode
from gxgraph.api.errors import ERROR_RESPONSES
from gxgraph.domain.kinds import Region, TechDomain
from gxgraph.domain.nodes import SLUG_PATTERN
from gxgraph.errors import InvalidInput
from gxgraph.reports.techmap_svg import render_bubble_chart
from gxgraph.services.analysis import Analysis, knowledge_index, resolve_topics, run
from gxgraph.services.projection import ProjectionCache

router = APIRouter(prefix="/analytics", tags=["analytics"], responses=ERROR_RESPONSES)

Perspective = Annotated[
    Literal["japan", "global"],
    Query(description="japan: Japanese developers' strength vs Japanese deployment; global: everyone's."),
]
Limit = Annotated[int, Query(ge=1, le=500)]


def _cache(request: Request) -> ProjectionCache:
    cache: ProjectionCache = request.app.state.projections
    return cache


@router.get("/commercialisation-gaps")
def get_commercialisation_gaps(
    request: Request,
    _: AnalystKey,
    perspective: Perspective = "japan",
    domain: TechDomain | None = None,
    country: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{2}$", description="A developer's ISO code.")
    ] = None,
    industry: Annotated[str | None, Query(max_length=100)] = None,
    digital_technology: Annotated[str | None, Query(max_length=100)] = None,
    min_trl: Annotated[int | None, Query(ge=1, le=9)] = None,
    limit: Limit = 50,
) -> Analysis[list[CommercialisationGap]]:
    """Technologies with strong patents or research but weak deployment, ranked with evidence.

    score = strength x (1 - deployment) x (0.5 + 0.5 market) x (0.5 + 0.5 readiness), every part in
    [0, 1]: strength = 0.5 patents + 0.3 publications + 0.2 research (log-scaled against the graph's
    maximum); deployment counts case studies (Japanese ones under the japan perspective); market is
    segment CAGR and size; readiness is (TRL - 1) / 8. Missing market or TRL counts as neutral 0.5.
    """
    code = country.upper() if country else None
    params = (perspective, domain, code, industry, digital_technology, min_trl, limit)
    return run(
        _cache(request),
        ("commercialisation_gaps", *params),
        lambda graph: commercialisation_gaps(
            graph,
            perspective=perspective,
            domain=domain.value if domain else None,
            country=code,
            industry=industry,
            digital_technology=digital_technology,
            min_trl=min_trl,
            limit=limit,
        ),
    )


def _technology_map(request: Request, perspective: str, gap_threshold: float) -> Analysis[TechnologyMap]:
    return run(
        _cache(request),
        ("technology_map", perspective, gap_threshold),
        lambda graph: technology_map(graph, gap_threshold=gap_threshold, perspective=perspective),  # type: ignore[arg-type]
    )


GapThreshold = Annotated[
    float, Query(ge=0, le=1, description="Gap score from which a technology counts as a gap.")
]


@router.get("/technology-map")
def get_technology_map(
    request: Request, _: AnalystKey, perspective: Perspective = "japan", gap_threshold: GapThreshold = 0.3
) -> Analysis[TechnologyMap]:
    """The industry x digital-technology map: CAGR, market size, technologies, deployments, gaps per cell."""
    return _technology_map(request, perspective, gap_threshold)


@router.get(
    "/technology-map.svg", response_class=Response, responses={200: {"content": {"image/svg+xml": {}}}}
)
def get_technology_map_chart(
    request: Request, _: AnalystKey, perspective: Perspective = "japan", gap_threshold: GapThreshold = 0.3
) -> Response:
    """The technology map as a bubble chart: CAGR against market size, sized by technologies."""
    analysis = _technology_map(request, perspective, gap_threshold)
    headers = {"X-Graph-Version": str(analysis.graph_version)}
    return Response(render_bubble_chart(analysis.results), media_type="image/svg+xml", headers=headers)


Method = Literal["adamic_adar", "jaccard", "resource_allocation", "personalized_pagerank"]


@router.get("/recommendations")
def get_recommendations(
    request: Request,
    _: AnalystKey,
    company: Annotated[
        str, Query(pattern=SLUG_PATTERN, description="The company to find partners for (usually Japanese).")
    ],
    target_kind: Literal["institution", "company"] = "institution",
    method: Method = "adamic_adar",
    exclude_existing: Annotated[bool, Query(description="Leave out current active partners.")] = True,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> Analysis[list[Recommendation]]:
    """Partners a company should work with (institutions, or companies for consortia), with the shared
    fields and technologies behind each score.

    Adamic-Adar sums w_company x w_partner / ln(d) over shared knowledge nodes (d = how many
    organisations hold the node); resource allocation divides by d; Jaccard is weighted overlap;
    personalised PageRank walks from the company (restart 0.15). Evaluated against random and degree
    baselines by scripts/evaluate_recommendations.py.
    """
    return run(
        _cache(request),
        ("recommendations", company, target_kind, method, exclude_existing, limit),
        lambda graph: recommend_partners(
            graph,
            company,
            target_kind=target_kind,
            method=method,
            exclude_existing=exclude_existing,
            limit=limit,
            index=knowledge_index(graph),
        ),
    )


@router.get("/partnership-gaps")
def get_partnership_gaps(
    request: Request,
    _: AnalystKey,
    min_score: Annotated[
        float, Query(ge=0, le=1, description="STRONG_IN score that counts as world-class.")
    ] = 0.8,
    field: SlugQuery | None = None,
    region: Region | None = None,
    companies: Annotated[int, Query(ge=0, le=20, description="Japanese companies proposed per gap.")] = 3,
) -> Analysis[list[PartnershipGap]]:
    """Fields where a foreign institution is world-class but no active partnership links it to a
    Japanese company, with the Japanese companies best placed to close each gap and why.

    score = STRONG_IN score x (0.5 + 0.25 breadth + 0.25 Japanese interest): breadth is the share of
    technologies the field covers (against the broadest field), Japanese interest the share of those a
    Japanese company develops or deploys.
    """
    return run(
        _cache(request),
        ("partnership_gaps", min_score, field, region, companies),
        lambda graph: partnership_gaps(
            graph,
            min_score=min_score,
            field=field,
            region=region.value if region else None,
            limit_companies=companies,
            index=knowledge_index(graph),
        ),
    )


@router.get("/partnerships/{partnership_id}/replication")
def get_replication(
    request: Request,
    _: AnalystKey,
    partnership_id: NodeId,
    include_same_country: bool = False,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> Analysis[ReplicationResult]:
    """Institutions abroad (Global South included) with field profiles like a working partnership's.

    score = 0.75 x cosine similarity of STRONG_IN field profiles + 0.25 x Jaccard overlap of
    technologies developed; the shared fields come with both institutions' scores.
    """
    return run(
        _cache(request),
        ("replication", partnership_id, include_same_country, limit),
        lambda graph: replication_candidates(
            graph, partnership_id, limit=limit, include_same_country=include_same_country
        ),
    )


class WhoKnows(BaseModel):
    """Knowers of the resolved targets, best first."""

    targets: list[str] = Field(description="The field and technology ids asked about (resolved from q).")
    knowers: list[Knower]


@router.get("/who-knows")
def get_who_knows(
    request: Request,
    store: StoreDep,
    _: AnalystKey,
    q: Annotated[str | None, Query(max_length=200, description="Free text, English or Japanese.")] = None,
    node: Annotated[list[str] | None, Query(description="Field or technology ids (instead of q).")] = None,
    kind: Annotated[list[Literal["institution", "expert", "company"]] | None, Query()] = None,
    introduce_from: Annotated[
        str | None, Query(pattern=SLUG_PATTERN, description="A Japanese company: add warm introductions.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Analysis[WhoKnows]:
    """Institutions, experts and companies that know a field or technology, ranked by evidence, each
    with the path that justifies it and, from a Japanese company, the warmest introduction path.

    Free text is resolved with the typeahead search to the best-matching fields and technologies.
    score = weighted mean of the kind's evidence, each part in [0, 1]: institutions STRONG_IN 0.35,
    patents and publications 0.30, affiliated experts 0.20, active partnerships 0.15; companies output
    0.40, deployments 0.30, experts 0.15, partnerships 0.15; experts EXPERT_IN level 0.75, employer 0.25.
    """
    targets = sorted(set(node or []))
    if q:
        targets = sorted(set(targets) | set(resolve_topics(store, q)))
    if not targets:
        raise InvalidInput(
            "give q (text) or node (ids) to ask about", [{"loc": ["query", "q"], "msg": "missing"}]
        )
    kinds = tuple(sorted(set(kind))) if kind else ("institution", "expert", "company")
    return run(
        _cache(request),
        ("who_knows", tuple(targets), kinds, introduce_from, limit),
        lambda graph: WhoKnows(
            targets=targets,
            knowers=who_knows(graph, targets, kinds=kinds, limit=limit, introduce_from=introduce_from),
        ),
    )


@router.get("/warm-introduction")
def get_warm_introduction(
    request: Request,
    _: AnalystKey,
    from_company: FromNode,
    to_node: ToNode,
    max_hops: Annotated[int, Query(ge=1, le=8)] = 6,
) -> Analysis[IntroductionPath | None]:
    """Who knows who knows: the shortest chain of people, organisations and partnerships from a
    Japanese company to anyone; null when out of reach."""
    return run(
        _cache(request),
        ("warm_introduction", from_company, to_node, max_hops),
        lambda graph: warm_introduction(graph, from_company, to_node, max_hops=max_hops),
    )


@router.get("/brokers")
def get_brokers(request: Request, _: AnalystKey, limit: Limit = 20) -> Analysis[list[Broker]]:
    """Brokers between regions and communities: betweenness (sampled above 5,000 nodes) and regions
    bridged, with Burt's constraint (low = spans structural holes).

    score = 0.7 betweenness / top betweenness + 0.3 regions bridged / regions in the graph.
    """
    return run(_cache(request), ("brokers", limit), lambda graph: brokers(graph, limit=limit))


@router.get("/communities")
def get_communities(
    request: Request,
    _: AnalystKey,
    resolution: Annotated[
        float, Query(gt=0, le=10, description="Louvain resolution; higher, smaller groups.")
    ] = 1.0,
    limit: Limit = 50,
) -> Analysis[list[Community]]:
    """Communities (Louvain, seeded) with their dominant fields, regions and best-connected members."""
    return run(
        _cache(request),
        ("communities", resolution, limit),
        lambda graph: communities(graph, resolution=resolution, limit=limit),
    )


@router.get("/isolated-companies")
def get_isolated_companies(
    request: Request,
    _: AnalystKey,
    frontier_min_score: Annotated[float, Query(ge=0, le=1)] = 0.9,
    limit: Limit = 20,
) -> Analysis[list[IsolatedCompany]]:
    """Japanese companies furthest (in hops) from frontier technologies, those covered by fields where
    some institution is world-class; score = 1 - 1/hops, 1 when unreachable."""
    return run(
        _cache(request),
        ("isolated_companies", frontier_min_score, limit),
        lambda graph: isolated_companies(graph, frontier_min_score=frontier_min_score, limit=limit),
    )


@router.get("/central-institutions")
def get_central_institutions(
    request: Request, _: AnalystKey, limit: Limit = 20
) -> Analysis[list[CentralInstitution]]:
    """Institutions most central to GX x DX: PageRank restarting at technologies (GX x DX ones weigh
    double), times how evenly the institution spans GX and DX."""
    return run(
        _cache(request),
        ("central_institutions", limit),
        lambda graph: central_institutions(graph, limit=limit),
    )


@router.get("/countries")
def get_country_profiles(
    request: Request,
    _: AnalystKey,
    iso: Annotated[
        list[str] | None, Query(description="ISO codes; default every country with ranks.")
    ] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
) -> Analysis[list[InnovationProfile]]:
    """Innovation profiles compared: input ranks (R&D, patents, IP receipts) against output ranks (ICT
    exports, productivity growth, creative exports, unicorns), the gap, and the creative-destruction
    index (firm entry + exit rate) by year; sorted by gap, illustrative figures flagged."""
    codes = tuple(sorted(code.upper() for code in iso)) if iso else None
    return run(
        _cache(request),
        ("compare_countries", codes, year),
        lambda graph: compare_countries(graph, list(codes) if codes else None, year=year),
    )


@router.get("/countries/{iso_code}")
def get_country_profile(
    request: Request,
    _: AnalystKey,
    iso_code: Annotated[str, Path(pattern=r"^[A-Za-z]{2}$")],
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
) -> Analysis[InnovationProfile]:
    """One country's innovation profile: input vs output ranks, their gap, creative destruction."""
    code = iso_code.upper()
    return run(
        _cache(request),
        ("innovation_profile", code, year),
        lambda graph: innovation_profile(graph, code, year=year),
    )
