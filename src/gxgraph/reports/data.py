"""What a report says, assembled from the analyses registry: every figure comes from an analysis run by
its spec (:func:`gxgraph.analyses.run_analysis`), none is computed here again.

:func:`assemble` runs the analyses a partnership-gap report needs on one graph version and adds what
the renderers need to name and mark things: the names of every node a row or an evidence path
mentions, which rows rest on illustrative facts, and the provenance of the graph (who contributed
what, from which sources, how fresh, how much is illustrative). If a write lands while the analyses
run, they run again, so every section reflects the same graph version.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from enum import StrEnum
from typing import Annotated, Any, Literal

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from gxgraph.analyses import ANALYSES, run_analysis, validate_params
from gxgraph.analytics.commercialisation import CommercialisationGap
from gxgraph.analytics.graph import nodes_of_kind
from gxgraph.analytics.partner_selection import PartnerMatrix
from gxgraph.analytics.partnership_gaps import PartnershipGap, group_by_region
from gxgraph.analytics.profile import InnovationProfile
from gxgraph.analytics.rows import EvidencePath
from gxgraph.analytics.structure import Broker, Community
from gxgraph.analytics.techmap import TechnologyMap
from gxgraph.domain.kinds import Region
from gxgraph.errors import GraphChanged
from gxgraph.reports.messages import Lang
from gxgraph.services.projection import ProjectionCache
from gxgraph.store.base import GraphStore

__all__ = [
    "NodeInfo",
    "Progress",
    "Provenance",
    "ReportData",
    "ReportFormat",
    "ReportRequest",
    "assemble",
]

Progress = Callable[[float, str], None]
"""Called with the share of the work done (0-1) and the step under way."""

MAX_ATTEMPTS = 3
TOP_SOURCES = 15
BROKER_ROWS = 10
COMMUNITY_ROWS = 10


class ReportFormat(StrEnum):
    """The file formats a report is written in."""

    PDF = "pdf"
    HTML = "html"
    XLSX = "xlsx"
    CSV = "csv"
    MD = "md"


class ReportRequest(BaseModel):
    """What report to write: its language, format and scope, and the baseline of "what changed"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    report: Literal["partnership-gaps"] = Field(
        default="partnership-gaps", description="The report to write."
    )
    lang: Lang = Field(default=Lang.EN, description="ja or en; Japanese reports use name_ja where present.")
    format: ReportFormat = Field(default=ReportFormat.PDF, description="pdf, html, xlsx, csv (zip) or md.")
    region: Region | None = Field(default=None, description="Only partnership gaps in this region.")
    domain: Literal["gx", "dx"] | None = Field(
        default=None, description="Only commercialisation gaps in this domain (gx and dx include both)."
    )
    industry: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = Field(
        default=None, description="Only commercialisation gaps of this industry."
    )
    since_version: int | None = Field(
        default=None,
        ge=0,
        description="List what changed since the report made at this graph version (or the newest "
        "report made before it) with the same scope.",
    )

    def filters(self) -> dict[str, str]:
        """The scope as text, for the title page and to match a baseline with the same scope."""
        values = {"region": self.region, "domain": self.domain, "industry": self.industry}
        return {name: str(value) for name, value in values.items() if value is not None}


class NodeInfo(BaseModel):
    """How a report names a node it mentions."""

    kind: str | None = None
    name_en: str | None = None
    name_ja: str | None = None
    country: str | None = None
    illustrative: bool = False


class SourceCount(BaseModel):
    source: str
    uses: int
    illustrative: bool


class ContributorCount(BaseModel):
    contributed_by: str
    nodes: int
    relationships: int
    illustrative: int


class Provenance(BaseModel):
    """Where the graph's facts come from."""

    nodes: int
    relationships: int
    illustrative_nodes: int
    illustrative_relationships: int
    latest_update: str | None = Field(description="The newest updated_at of any node, if recorded.")
    contributors: list[ContributorCount]
    sources: list[SourceCount] = Field(description="The most used sources, most used first.")


class ReportData(BaseModel):
    """Everything a partnership-gap report shows, at one graph version."""

    request: ReportRequest
    graph_version: int
    generated_at: dt.datetime
    projection: dict[str, int]
    min_score: float
    commercialisation_gaps: list[CommercialisationGap]
    partnership_gaps: list[PartnershipGap]
    partnership_gaps_by_region: dict[str, dict[str, list[PartnershipGap]]]
    countries: list[InnovationProfile]
    technology_map: TechnologyMap
    brokers: list[Broker]
    communities: list[Community]
    partner_matrix: PartnerMatrix = Field(
        description="Every field's candidates on the report's two criteria."
    )
    nodes: dict[str, NodeInfo] = Field(description="Every node a row or evidence path mentions.")
    illustrative_rows: dict[str, list[bool]] = Field(
        description="Per table, whether each row rests on an illustrative node or relationship."
    )
    case_studies: list[str]
    partnerships: dict[str, str | None] = Field(description="Partnership id -> status.")
    provenance: Provenance

    def name(self, node: str, lang: Lang | str) -> str:
        """The node's name in ``lang`` (English, then the id, when it has none)."""
        info = self.nodes.get(node)
        if info is None:
            return node
        japanese = info.name_ja if Lang(lang) is Lang.JA else None
        return japanese or info.name_en or info.name_ja or node


def _analyses(request: ReportRequest) -> dict[str, dict[str, Any]]:
    """Analysis name -> its parameters for this request (None values left out)."""
    partnership = {"region": request.region.value if request.region else None}
    wanted: dict[str, dict[str, Any]] = {
        "commercialisation-gaps": {"domain": request.domain, "industry": request.industry},
        "partnership-gaps": partnership,
        "countries": {},
        "technology-map": {},
        "brokers": {"limit": BROKER_ROWS},
        "communities": {"limit": COMMUNITY_ROWS},
        "partner-matrix": {},
    }
    return {name: {k: v for k, v in values.items() if v is not None} for name, values in wanted.items()}


def _ids(value: Any) -> Iterator[str]:
    """Every node id in a dumped result: the values of ``id``, ``from`` and ``to`` keys, at any depth."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key in ("id", "from", "to") and isinstance(item, str):
                yield item
            else:
                yield from _ids(item)
    elif isinstance(value, list):
        for item in value:
            yield from _ids(item)


def _node_info(graph: nx.MultiDiGraph, node: str) -> NodeInfo:
    attrs = graph.nodes[node]
    return NodeInfo(
        kind=attrs.get("kind"),
        name_en=attrs.get("name_en"),
        name_ja=attrs.get("name_ja"),
        country=attrs.get("country") or attrs.get("iso_code"),
        illustrative=bool(attrs.get("illustrative")),
    )


def _rests_on_illustrative(graph: nx.MultiDiGraph, nodes: list[str], evidence: list[EvidencePath]) -> bool:
    """True when one of ``nodes`` or a relationship of ``evidence`` is marked illustrative."""
    if any(graph.nodes[node].get("illustrative") for node in nodes if node in graph):
        return True
    for path in evidence:
        for step in path.steps:
            data = graph.get_edge_data(step.from_id, step.to_id, step.type) or {}
            if data.get("illustrative"):
                return True
    return False


def _provenance(graph: nx.MultiDiGraph) -> Provenance:
    contributors: dict[str, Counter[str]] = {}
    sources: Counter[str] = Counter()
    invented: set[str] = set()
    latest: str | None = None
    illustrative = {"nodes": 0, "relationships": 0}

    def count(attrs: Mapping[str, Any], what: str) -> None:
        who = contributors.setdefault(str(attrs.get("contributed_by") or "unknown"), Counter())
        who[what] += 1
        if attrs.get("illustrative"):
            who["illustrative"] += 1
            illustrative[what] += 1
        source = attrs.get("source")
        if source:
            sources[source] += 1
            if attrs.get("illustrative"):
                invented.add(source)

    for _, attrs in graph.nodes(data=True):
        count(attrs, "nodes")
        stamp = attrs.get("updated_at")
        if stamp and (latest is None or str(stamp) > latest):
            latest = str(stamp)
    for _, _, attrs in graph.edges(data=True):
        count(attrs, "relationships")
    return Provenance(
        nodes=graph.number_of_nodes(),
        relationships=graph.number_of_edges(),
        illustrative_nodes=illustrative["nodes"],
        illustrative_relationships=illustrative["relationships"],
        latest_update=latest,
        contributors=[
            ContributorCount(
                contributed_by=who,
                nodes=counts["nodes"],
                relationships=counts["relationships"],
                illustrative=counts["illustrative"],
            )
            for who, counts in sorted(contributors.items())
        ],
        sources=[
            SourceCount(source=source, uses=uses, illustrative=source in invented)
            for source, uses in sources.most_common(TOP_SOURCES)
        ],
    )


def assemble(
    store: GraphStore,
    cache: ProjectionCache,
    request: ReportRequest,
    progress: Progress | None = None,
    share: float = 1.0,
) -> ReportData:
    """Run the report's analyses on one graph version and gather what the renderers need.

    Parameters
    ----------
    store, cache
        The store and its analytics projection cache.
    request
        The report asked for.
    progress
        Told the share done after each analysis, scaled to ``share`` of the whole job.
    share
        The part of the job's progress this assembly stands for (rendering is the rest).

    Returns
    -------
    ReportData
        Every section's results at one graph version. Cost: that of the analyses (memoised per
        graph version), plus O(n + m) for the names, marks and provenance.
    """
    wanted = _analyses(request)
    for _ in range(MAX_ATTEMPTS):
        results: dict[str, Any] = {}
        versions: set[int] = set()
        size: dict[str, int] = {}
        for step, (name, values) in enumerate(wanted.items()):
            if progress:
                progress(share * step / (len(wanted) + 1), name)
            spec = ANALYSES[name]
            answer = run_analysis(spec, validate_params(spec, values), cache, store)
            results[name] = answer.results
            versions.add(answer.graph_version)
            size = answer.projection
        projection = cache.serve().projection
        if versions == {projection.version}:
            break
    else:
        raise GraphChanged(f"the graph changed during {MAX_ATTEMPTS} attempts to assemble the report")
    if progress:
        progress(share * len(wanted) / (len(wanted) + 1), "provenance")
    graph = projection.graph
    min_score = validate_params(ANALYSES["partnership-gaps"], wanted["partnership-gaps"]).min_score
    data = ReportData(
        request=request,
        graph_version=projection.version,
        generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
        projection=size,
        min_score=min_score,
        commercialisation_gaps=results["commercialisation-gaps"],
        partnership_gaps=results["partnership-gaps"],
        # The by-region spec's own grouping of the same answer: asking that spec would rank every gap again.
        partnership_gaps_by_region=group_by_region(results["partnership-gaps"]),
        countries=results["countries"],
        technology_map=results["technology-map"],
        brokers=results["brokers"],
        communities=results["communities"],
        partner_matrix=results["partner-matrix"],
        nodes={},
        illustrative_rows={
            "commercialisation": [
                _rests_on_illustrative(graph, [row.id], row.evidence)
                for row in results["commercialisation-gaps"]
            ],
            "partnership": [
                _rests_on_illustrative(graph, [row.institution.id, row.field.id], row.evidence)
                for row in results["partnership-gaps"]
            ],
            "brokers": [_rests_on_illustrative(graph, [row.id], row.evidence) for row in results["brokers"]],
            "partners": [
                _rests_on_illustrative(graph, [row.id], row.evidence)
                for row in results["partner-matrix"].points
            ],
        },
        case_studies=sorted(nodes_of_kind(graph, "case_study")),
        partnerships={node: graph.nodes[node].get("status") for node in nodes_of_kind(graph, "partnership")},
        provenance=_provenance(graph),
    )
    mentioned = set(_ids(data.model_dump(mode="json", by_alias=True)))
    mentioned |= set(data.case_studies) | set(data.partnerships)
    data.nodes = {node: _node_info(graph, node) for node in sorted(mentioned) if node in graph}
    return data
