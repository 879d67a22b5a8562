"""The graph schema in one place: which model each kind and type uses, and what may connect to what."""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any, NamedTuple

from gxgraph.domain import relationships as rel
from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.nodes import (
    BusinessModel,
    CaseStudy,
    Company,
    Country,
    Expert,
    FieldNode,
    Institution,
    Investor,
    MarketSegment,
    NodeBase,
    Partnership,
    Technology,
)

K = NodeKind

NODE_MODELS: dict[NodeKind, type[NodeBase]] = {
    K.INSTITUTION: Institution,
    K.FIELD: FieldNode,
    K.TECHNOLOGY: Technology,
    K.BUSINESS_MODEL: BusinessModel,
    K.CASE_STUDY: CaseStudy,
    K.COMPANY: Company,
    K.INVESTOR: Investor,
    K.EXPERT: Expert,
    K.PARTNERSHIP: Partnership,
    K.COUNTRY: Country,
    K.MARKET_SEGMENT: MarketSegment,
}

REL_MODELS: dict[RelType, type[rel.RelationshipBase]] = {
    RelType.STRONG_IN: rel.StrongIn,
    RelType.SUBFIELD_OF: rel.SubfieldOf,
    RelType.COVERS: rel.Covers,
    RelType.DEVELOPS: rel.Develops,
    RelType.ENABLES: rel.Enables,
    RelType.PROVEN_BY: rel.ProvenBy,
    RelType.DEPLOYED_BY: rel.DeployedBy,
    RelType.USES: rel.Uses,
    RelType.LOCATED_IN: rel.LocatedIn,
    RelType.AFFILIATED_WITH: rel.AffiliatedWith,
    RelType.EXPERT_IN: rel.ExpertIn,
    RelType.PARTY: rel.Party,
    RelType.INVESTS_IN: rel.InvestsIn,
    RelType.IN_SEGMENT: rel.InSegment,
    RelType.SPUN_OUT_OF: rel.SpunOutOf,
    RelType.INCUBATED: rel.Incubated,
    RelType.LICENSED: rel.Licensed,
}

_ORGS = frozenset({K.INSTITUTION, K.COMPANY})

REL_ENDPOINTS: dict[RelType, tuple[frozenset[NodeKind], frozenset[NodeKind]]] = {
    RelType.STRONG_IN: (frozenset({K.INSTITUTION, K.COUNTRY}), frozenset({K.FIELD})),
    RelType.SUBFIELD_OF: (frozenset({K.FIELD}), frozenset({K.FIELD})),
    RelType.COVERS: (frozenset({K.FIELD}), frozenset({K.TECHNOLOGY})),
    RelType.DEVELOPS: (_ORGS, frozenset({K.TECHNOLOGY})),
    RelType.ENABLES: (frozenset({K.TECHNOLOGY}), frozenset({K.BUSINESS_MODEL})),
    RelType.PROVEN_BY: (frozenset({K.BUSINESS_MODEL}), frozenset({K.CASE_STUDY})),
    RelType.DEPLOYED_BY: (frozenset({K.CASE_STUDY}), frozenset({K.COMPANY})),
    RelType.USES: (frozenset({K.CASE_STUDY}), frozenset({K.TECHNOLOGY})),
    RelType.LOCATED_IN: (
        frozenset({K.INSTITUTION, K.COMPANY, K.INVESTOR, K.CASE_STUDY, K.EXPERT}),
        frozenset({K.COUNTRY}),
    ),
    RelType.AFFILIATED_WITH: (frozenset({K.EXPERT}), _ORGS),
    RelType.EXPERT_IN: (frozenset({K.EXPERT}), frozenset({K.TECHNOLOGY, K.FIELD})),
    RelType.PARTY: (frozenset({K.PARTNERSHIP}), frozenset({K.INSTITUTION, K.COMPANY, K.INVESTOR})),
    RelType.INVESTS_IN: (frozenset({K.INVESTOR}), frozenset({K.COMPANY, K.TECHNOLOGY})),
    RelType.IN_SEGMENT: (frozenset({K.TECHNOLOGY}), frozenset({K.MARKET_SEGMENT})),
    RelType.SPUN_OUT_OF: (frozenset({K.COMPANY}), frozenset({K.INSTITUTION})),
    RelType.INCUBATED: (frozenset({K.INSTITUTION}), frozenset({K.COMPANY})),
    RelType.LICENSED: (frozenset({K.INSTITUTION}), frozenset({K.COMPANY})),
}


CLASSIFYING = frozenset({RelType.LOCATED_IN.value, RelType.IN_SEGMENT.value})
"""Relationships that place a node in a classification (a country, a market segment): such hubs link
everything they classify, so a neighbourhood walk does not pass through them by default."""


class EndpointProblem(NamedTuple):
    """Why one end (``from`` or ``to``) of a relationship does not fit the schema."""

    end: str
    message: str


def endpoint_problems(
    rel_type: RelType, source: str, target: str, kinds: Mapping[str, NodeKind]
) -> list[EndpointProblem]:
    """The ends of a ``rel_type`` relationship that are unknown nodes or of a kind it cannot link.

    ``kinds`` maps node ids to their kinds (those in the store, in a file, in the sample). Every writer
    of relationships (the API, imports, the sample builder) checks with this one function.

    >>> endpoint_problems(RelType.COVERS, "f1", "x", {"f1": NodeKind.FIELD})
    [EndpointProblem(end='to', message="unknown node 'x'")]
    >>> endpoint_problems(RelType.COVERS, "f1", "f2", {"f1": K.FIELD, "f2": K.FIELD})[0].message
    'COVERS cannot link a field (allowed: technology)'
    """
    problems = []
    for end, node_id, allowed in zip(("from", "to"), (source, target), REL_ENDPOINTS[rel_type], strict=True):
        kind = kinds.get(node_id)
        if kind is None:
            problems.append(EndpointProblem(end, f"unknown node {node_id!r}"))
        elif kind not in allowed:
            names = ", ".join(sorted(allowed))
            problems.append(EndpointProblem(end, f"{rel_type} cannot link a {kind} (allowed: {names})"))
    return problems


PROVENANCE_FIELDS = ("source", "contributed_by", "confidence", "illustrative", "updated_at")
"""Provenance fields shared by nodes and relationships."""

NESTED_FIELDS = frozenset({"indicators"})
"""Fields stored as JSON text because graph properties hold only primitives and lists of them."""


@dataclass(frozen=True)
class FieldFilters:
    """Which properties of one node kind a list request may filter and sort on."""

    equality: dict[str, Any]
    """Field name to the Python type of its values (enums, booleans, codes, short strings)."""
    ranges: dict[str, type]
    """Numeric or date field name to its type; filtered with ``{name}_min`` / ``{name}_max``."""
    sortable: tuple[str, ...]


def _base_type(annotation: Any) -> Any:
    """``int | None`` -> ``int``; ``Annotated[str, ...]`` -> ``str``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _base_type(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _base_type(args[0]) if len(args) == 1 else annotation
    return annotation


@cache
def field_filters(kind: NodeKind) -> FieldFilters:
    """Derive the filter and sort allow-lists of a kind from its model (never from the request)."""
    model = NODE_MODELS[kind]
    equality: dict[str, Any] = {}
    ranges: dict[str, type] = {}
    for name, info in model.model_fields.items():
        if name in ("id", "name_en", "name_ja", "description", "kind", "source", "outcome", "scope"):
            continue
        base = _base_type(info.annotation)
        if isinstance(base, type) and issubclass(base, Enum | bool | str):
            equality[name] = base
        elif base in (int, float, dt.date, dt.datetime):
            ranges[name] = base
    sortable = ("name_en", "id", *ranges)
    return FieldFilters(equality=equality, ranges=ranges, sortable=sortable)


def mermaid_diagram() -> str:
    """The schema as a Mermaid flowchart (README shows it; a test keeps it current)."""
    lines = ["flowchart LR"]
    for rel_type, (sources, targets) in REL_ENDPOINTS.items():
        for source in sorted(sources):
            for target in sorted(targets):
                lines.append(f"  {source.label} -- {rel_type.value} --> {target.label}")
    return "\n".join(lines)
