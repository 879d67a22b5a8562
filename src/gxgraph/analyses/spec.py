"""What an analysis is: one declared spec that every front door (HTTP, CLI, tests, reports) is built from.

An :class:`AnalysisSpec` names the analysis, its parameters model (the one place where enums, bounds,
patterns and defaults live), the pure function over the projection, the result type and the role
it needs. :func:`validate_params` and :func:`run_analysis` are the only ways a door turns input into
an answer, so every door validates, defaults, memoises and fails the same way.
"""

from __future__ import annotations

import json
import logging
import string
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import annotated_types
import networkx as nx
from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from gxgraph.analytics.recommend import KnowledgeIndex
from gxgraph.domain.vocabulary import Role
from gxgraph.errors import GxGraphError, InvalidInput
from gxgraph.services.analysis import Analysis, run
from gxgraph.services.projection import Projection, ProjectionCache
from gxgraph.store.base import GraphStore

__all__ = [
    "AnalysisParams",
    "AnalysisSpec",
    "Projected",
    "Registry",
    "memo_key",
    "precompute",
    "run_analysis",
    "validate_params",
    "widest_limit",
]

log = logging.getLogger("gxgraph.analytics")
P = TypeVar("P", bound="AnalysisParams")
R = TypeVar("R")

KNOWLEDGE_INDEX_KEY = ("knowledge-index",)


class AnalysisParams(BaseModel):
    """Base of every parameters model: unknown parameters are refused, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Projected:
    """The projection an analysis runs on, with per-version helpers memoised beside its results."""

    def __init__(self, graph: nx.MultiDiGraph, cache: ProjectionCache | None = None) -> None:
        self.graph = graph
        self._cache = cache

    def knowledge_index(self) -> KnowledgeIndex:
        """The recommendation index of this projection, kept in the projection's memo (so it goes
        when the projection goes)."""
        return self.memoised(KNOWLEDGE_INDEX_KEY, KnowledgeIndex)

    def memoised(self, key: Hashable, compute: Callable[[nx.MultiDiGraph], R]) -> R:
        """``compute(graph)``, kept in this projection's memo under ``key`` (computed here without a
        cache): how one analysis reuses what another computed on the same version."""
        if self._cache is None:
            return compute(self.graph)
        result, served = self._cache.compute(key, compute)
        # A rebuild finishing between the two lookups would hand back another version's answer.
        return result if served.projection.graph is self.graph else compute(self.graph)

    def on(self, graph: nx.MultiDiGraph) -> Projected:
        """This projection's helpers for ``graph`` (what a memoised computation is handed)."""
        return self if graph is self.graph else Projected(graph, self._cache)


def _pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.replace("_", "-").split("-"))


@dataclass(frozen=True, eq=False)
class AnalysisSpec(Generic[P, R]):
    """One analysis, declared once.

    ``compute`` is the pure function over the projection; its formula lives in the docstring of
    ``formula`` (an analytic function), which the generated documentation names. ``path`` is the
    route under ``/v1/analytics`` (default: ``name``); ``{field}`` segments are path parameters over
    HTTP and positional arguments on the CLI. ``resolve`` rewrites parameters that need the store
    (free text to ids) before the memo is consulted. ``svg`` renders the result as a chart.
    """

    name: str
    params: type[P]
    result: Any
    compute: Callable[[Projected, P], R]
    summary: str
    description: str
    formula: Callable[..., Any]
    role: Role = Role.ANALYST
    path: str = ""
    resolve: Callable[[GraphStore, P], P] | None = None
    svg: Callable[[R], str] | None = None
    ranked: bool = False
    """The result is a ranked list whose first rows do not depend on ``limit``: it is computed once per
    graph version at the widest limit, and each answer is a slice of it."""
    precompute: bool = False
    """Heavy with its default parameters: computed in the background as soon as a projection is built,
    so requests find it memoised (the parameters model must then have a default for every field)."""
    envelope: type[Analysis[Any]] = field(init=False)
    path_params: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        route = self.path or self.name
        names = tuple(part[1] for part in string.Formatter().parse(route) if part[1])
        unknown = set(names) - set(self.params.model_fields)
        if unknown:
            raise TypeError(
                f"{self.name}: path parameters {sorted(unknown)} are not in {self.params.__name__}"
            )
        if self.ranked and widest_limit(self.params) is None:
            raise TypeError(f"{self.name}: a ranked analysis needs a `limit` parameter with an upper bound")
        object.__setattr__(self, "path", route)
        object.__setattr__(self, "path_params", names)
        envelope = create_model(
            f"{_pascal(self.name)}Analysis",
            __base__=Analysis[self.result],  # type: ignore[name-defined]
            __doc__=f"The answer of `{self.name}` in the envelope every analysis shares: {self.summary}",
        )
        object.__setattr__(self, "envelope", envelope)

    @property
    def documentation(self) -> str:
        """The description every door shows: the paragraph, and where the formula is written."""
        where = f"{self.formula.__module__}.{self.formula.__qualname__}"
        return f"{self.description}\n\nFormula and cost: the docstring of `{where}` and its module."


class Registry:
    """The analyses every door offers, by name, in declaration order."""

    def __init__(self, specs: tuple[AnalysisSpec[Any, Any], ...] = ()) -> None:
        self._specs: dict[str, AnalysisSpec[Any, Any]] = {}
        for spec in specs:
            self.register(spec)

    def register(self, spec: AnalysisSpec[P, R]) -> AnalysisSpec[P, R]:
        if spec.name in self._specs:
            raise KeyError(f"analysis {spec.name!r} is already registered")
        self._specs[spec.name] = spec
        return spec

    def __getitem__(self, name: str) -> AnalysisSpec[Any, Any]:
        return self._specs[name]

    def __iter__(self) -> Iterator[AnalysisSpec[Any, Any]]:
        return iter(self._specs.values())

    def __len__(self) -> int:
        return len(self._specs)

    def names(self) -> list[str]:
        return list(self._specs)


def validate_params(spec: AnalysisSpec[P, Any], values: Mapping[str, Any]) -> P:
    """``values`` (keyed by parameter name as the doors spell it) as the spec's parameters, or
    InvalidInput whose details name each problem as the HTTP validator does (``["query", name]``)."""
    try:
        return spec.params.model_validate(dict(values))
    except ValidationError as exc:
        raise InvalidInput("the request does not match the schema", _details(spec, exc)) from exc


def _details(spec: AnalysisSpec[Any, Any], exc: ValidationError) -> list[dict[str, Any]]:
    details = []
    for error in exc.errors():
        loc = [str(part) for part in error.get("loc", ())]
        where = "path" if loc and loc[0] in spec.path_params else "query"
        details.append({"loc": [where, *loc], "msg": str(error.get("msg")), "type": str(error.get("type"))})
    return details


def memo_key(spec: AnalysisSpec[Any, Any], params: AnalysisParams) -> tuple[str, str]:
    """The key an answer is memoised under in its projection's memo: the name and the parameters."""
    return spec.name, json.dumps(params.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)


def precompute(registry: Registry) -> Callable[[ProjectionCache, Projection, Projection | None], None]:
    """The ``on_build`` hook of a projection cache: answers the registry's ``precompute`` analyses
    with their default parameters, in declaration order, on the first projection, and afterwards only
    those that were asked of the projection being replaced: a busy write load then does not recompute
    heavy answers nobody reads."""

    def warm(cache: ProjectionCache, projection: Projection, previous: Projection | None) -> None:
        for spec in registry:
            if not spec.precompute:
                continue
            if not cache.is_latest(projection):
                return  # a newer projection replaced this one: its own turn comes next
            params = _computed(spec, spec.params())
            if previous is None or memo_key(spec, params) in previous.asked:
                _warm_one(cache, projection, spec, params)

    return warm


def _warm_one(
    cache: ProjectionCache, projection: Projection, spec: AnalysisSpec[Any, Any], params: AnalysisParams
) -> None:
    try:
        cache.compute_on(
            projection, memo_key(spec, params), lambda graph: spec.compute(Projected(graph, cache), params)
        )
    except GxGraphError as exc:  # a request for it computes it again, and reports the failure
        log.warning("precomputing %s failed: %s", spec.name, exc.message)


def _computed(spec: AnalysisSpec[P, Any], params: P) -> P:
    """The parameters an answer is computed (and memoised) with: a ranked analysis at its widest limit."""
    return params.model_copy(update={"limit": widest_limit(spec.params)}) if spec.ranked else params


def widest_limit(params: type[AnalysisParams]) -> int | None:
    """The upper bound of a parameters model's ``limit``, if it has a bounded one."""
    info = params.model_fields.get("limit")
    bounds: list[Any] = [m.le for m in info.metadata if isinstance(m, annotated_types.Le)] if info else []
    return int(bounds[0]) if bounds else None


def run_analysis(
    spec: AnalysisSpec[P, R], params: P, cache: ProjectionCache, store: GraphStore
) -> Analysis[R]:
    """Answer ``spec`` with ``params`` on the newest projection, memoised per graph version.

    A ranked analysis is computed (and memoised) once at its widest limit; smaller limits are slices.
    """
    if spec.resolve is not None:
        params = spec.resolve(store, params)
    computed = _computed(spec, params)
    analysis = run(
        cache,
        memo_key(spec, computed),
        lambda graph: spec.compute(Projected(graph, cache), computed),
        envelope=spec.envelope,
    )
    if spec.ranked:
        ranking: list[Any] = analysis.results  # type: ignore[assignment]  # ranked specs answer lists
        return analysis.model_copy(update={"results": ranking[: getattr(params, "limit")]})  # noqa: B009
    return analysis
