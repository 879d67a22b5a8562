"""Partner recommendations (link prediction) for Japanese companies, each with its reasons.

**Knowledge neighbourhood** ``N(o)`` of an institution or company: the fields and technologies it
relates to, each weighted in (0, 1]; when several routes reach a node the strongest counts.

* institution: fields it is ``STRONG_IN`` (weight = score), technologies it ``DEVELOPS`` (1);
* company: technologies it ``DEVELOPS`` (1) or that case studies ``DEPLOYED_BY`` it ``USES`` (1);
* both: fields that ``COVERS`` one of those technologies (0.25: a field is far broader than one
  technology) and, with ``experts=True``, what an ``AFFILIATED_WITH`` expert is ``EXPERT_IN``
  (0.5 x level).

Partnerships, investors and countries are not knowledge, so partnerships never leak into the
features (:mod:`gxgraph.analytics.evaluation` relies on it). The *knowledge degree* ``d(z)`` is the
number of organisations whose neighbourhood holds ``z`` (at least 2 when shared). Over the shared nodes
``S = N(s) ∩ N(v)`` of source ``s`` and candidate ``v``:

* ``adamic_adar`` = sum of ``w_s(z) w_v(z) / ln d(z)``; ``resource_allocation`` = sum of
  ``w_s(z) w_v(z) / d(z)``; ``jaccard`` = ``sum_S min(w_s, w_v) / sum_{N(s) ∪ N(v)} max(w_s, w_v)``;
* ``personalized_pagerank`` = the stationary mass ``pi(v)`` of a walk from ``s`` that restarts with
  probability 0.15 on ``undirected(graph, PPR_EXCLUDED_TYPES)`` (country, segment and field-tree hubs
  would put every pair two steps apart), built lazily where the walk goes. ``networkx.pagerank``
  needs scipy, which is not a dependency, so ``pi`` comes from forward push (Andersen, Chung & Lang
  2006) to a residual of ``PPR_EPSILON`` per unit of stored degree. Its reasons are ``v``'s
  neighbours ``z`` with the flow ``0.85 pi(z) / deg(z)`` each sends to ``v``; they sum to ``pi(v)``.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict, deque
from collections.abc import Collection, Iterator
from typing import Any, Literal, get_args

import networkx as nx

from gxgraph.analytics.graph import country_regions, nodes_of_kind
from gxgraph.analytics.rows import EvidencePath, PlacedNodeRow, Scored, Step
from gxgraph.errors import InvalidInput, NotFound

__all__ = [
    "METHODS",
    "PPR_EXCLUDED_TYPES",
    "KnowledgeIndex",
    "Recommendation",
    "SharedNode",
    "active_partners",
    "rank_partners",
    "recommend_partners",
]

Method = Literal["adamic_adar", "jaccard", "resource_allocation", "personalized_pagerank"]
METHODS: tuple[str, ...] = get_args(Method)
PPR_EXCLUDED_TYPES = frozenset({"LOCATED_IN", "IN_SEGMENT", "SUBFIELD_OF"})
PPR_DAMPING, PPR_EPSILON = 0.85, 1e-5
_COVERING, _EXPERT = 0.25, 0.5
_ORGS = frozenset({"institution", "company"})
Route = tuple[tuple[str, str, str], ...]


class SharedNode(PlacedNodeRow):
    """One reason for a recommendation: a node both sides reach, and its part of the score."""

    contribution: float


class Recommendation(PlacedNodeRow, Scored):
    """A recommended partner (``id``); ``shared`` holds the reasons, largest contribution first."""

    shared: list[SharedNode]


def check_method(method: str) -> None:
    if method not in METHODS:
        raise InvalidInput(f"unknown method {method!r}; expected one of {', '.join(METHODS)}")


def _routes(graph: nx.MultiDiGraph, org: str, experts: bool, covering: dict[str, Any]) -> dict[str, Any]:
    """Node -> (weight, route of stored steps from ``org``); ``covering`` memoises tech -> fields."""
    best: dict[str, tuple[float, Route]] = {}

    def offer(node: str, weight: float, route: Route) -> None:
        if weight > 0 and (node not in best or weight > best[node][0]):
            best[node] = (weight, route)

    # Raw adjacency: the public views cost more than the walk itself (and graph views filter these too).
    succ, pred, techs = graph._succ, graph._pred, []
    for node, keys in succ[org].items():
        if "DEVELOPS" in keys:
            techs.append(node)
            offer(node, 1.0, ((org, "DEVELOPS", node),))
        if "STRONG_IN" in keys:
            offer(node, float(keys["STRONG_IN"].get("score", 1.0)), ((org, "STRONG_IN", node),))
    for src, keys in pred[org].items():
        if "DEPLOYED_BY" in keys:
            for tech, rels in succ[src].items():
                if "USES" in rels:
                    techs.append(tech)
                    offer(tech, 1.0, ((src, "DEPLOYED_BY", org), (src, "USES", tech)))
        elif experts and "AFFILIATED_WITH" in keys:
            for node, rels in succ[src].items():
                if "EXPERT_IN" in rels:
                    hops = ((src, "AFFILIATED_WITH", org), (src, "EXPERT_IN", node))
                    offer(node, _EXPERT * float(rels["EXPERT_IN"].get("level") or 1.0), hops)
    for tech in techs:
        if tech not in covering:  # a hub technology has thousands of in-edges: scan them once
            covering[tech] = [fld for fld, keys in pred[tech].items() if "COVERS" in keys]
        for fld in covering[tech]:
            offer(fld, _COVERING, (*best[tech][1], (fld, "COVERS", tech)))
    return best


class KnowledgeIndex:
    """Knowledge neighbourhoods and their inverse (holders), computed lazily and memoised.

    Reuse one index for many queries on one unchanged graph. Cost: a query computes the holders of
    the source's neighbourhood, O(degrees within three hops of them), each once per index.

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "institution", "id": "i"}, {"kind": "field", "id": "f"},
    ...     {"kind": "field", "id": "g"}, {"kind": "technology", "id": "t"},
    ...     {"type": "STRONG_IN", "from": "i", "to": "f", "score": 0.9},
    ...     {"type": "DEVELOPS", "from": "i", "to": "t"},
    ...     {"type": "COVERS", "from": "f", "to": "t"}, {"type": "COVERS", "from": "g", "to": "t"}])
    >>> KnowledgeIndex(g).neighbourhood("i"), KnowledgeIndex(g).holders("g")
    ({'t': 1.0, 'f': 0.9, 'g': 0.25}, {'i': 0.25})
    """

    def __init__(self, graph: nx.MultiDiGraph, *, experts: bool = True) -> None:
        self.graph, self.experts = graph, experts
        self._nbhd: dict[str, dict[str, float]] = {}
        self._holders: dict[str, dict[str, float]] = {}
        self._covering: dict[str, list[str]] = {}
        self._regions: dict[str, str] | None = None

    @property
    def regions(self) -> dict[str, str]:
        """``country_regions(graph)``, once: it scans every node."""
        if self._regions is None:
            self._regions = country_regions(self.graph)
        return self._regions

    def routes(self, org: str) -> dict[str, tuple[float, Route]]:
        """Node -> (weight, evidence route) of ``N(org)``."""
        return _routes(self.graph, org, self.experts, self._covering)

    def neighbourhood(self, org: str) -> dict[str, float]:
        """``N(org)``: node -> weight."""
        if org not in self._nbhd:
            self._nbhd[org] = {z: w for z, (w, _) in self.routes(org).items()}
        return self._nbhd[org]

    def holders(self, node: str) -> dict[str, float]:
        """Organisation -> weight of ``node`` in its neighbourhood (``_routes`` walked backwards)."""
        if node in self._holders:
            return self._holders[node]
        succ, pred, attrs = self.graph._succ, self.graph._pred, self.graph._node
        found: dict[str, float] = {}

        def offer(org: str, weight: float) -> None:
            if weight > found.get(org, 0.0) and attrs[org].get("kind") in _ORGS:
                found[org] = weight

        def direct(tech: str, weight: float) -> None:
            for src, keys in pred[tech].items():
                if "DEVELOPS" in keys:
                    offer(src, weight)
                if "USES" in keys:
                    for org, rels in succ[src].items():
                        if "DEPLOYED_BY" in rels:
                            offer(org, weight)

        direct(node, 1.0)
        for src, keys in pred[node].items():
            if "STRONG_IN" in keys:
                offer(src, float(keys["STRONG_IN"].get("score", 1.0)))
            if self.experts and "EXPERT_IN" in keys:
                for org, rels in succ[src].items():
                    if "AFFILIATED_WITH" in rels:
                        offer(org, _EXPERT * float(keys["EXPERT_IN"].get("level") or 1.0))
        for tech, keys in succ[node].items():
            if "COVERS" in keys:
                direct(tech, _COVERING)
        self._holders[node] = found
        return found

    def term(self, node: str, mine: float, theirs: float, method: str) -> float:
        """One shared node's part of a score (of its numerator, for Jaccard)."""
        if method == "jaccard":
            return min(mine, theirs)
        degree = len(self.holders(node))
        return mine * theirs / (math.log(degree) if method == "adamic_adar" else degree)

    def scores(
        self, source: str, candidates: Collection[str], method: str, focus: Collection[str] | None = None
    ) -> dict[str, float]:
        """Candidate -> score against ``source``, for candidates sharing a node (in ``focus``)."""
        acc: defaultdict[str, float] = defaultdict(float)
        for node, mine in self.neighbourhood(source).items():
            if focus is None or node in focus:
                holders = self.holders(node)
                if method == "jaccard":
                    for other, theirs in holders.items():
                        if other != source and other in candidates:
                            acc[other] += min(mine, theirs)
                    continue
                # term()'s divisor, once per shared node rather than once per pair (same arithmetic).
                divisor = math.log(len(holders)) if method == "adamic_adar" else len(holders)
                for other, theirs in holders.items():
                    if other != source and other in candidates:
                        acc[other] += mine * theirs / divisor
        if method != "jaccard":
            return dict(acc)
        total = sum(self.neighbourhood(source).values())
        return {v: s / (total + sum(self.neighbourhood(v).values()) - s) for v, s in acc.items()}


def parties_of(graph: nx.MultiDiGraph, deal: str) -> list[str]:
    return [p for p, keys in graph._succ[deal].items() if "PARTY" in keys]


def active_partners(graph: nx.MultiDiGraph, hidden: Collection[str] = ()) -> dict[str, set[str]]:
    """Party -> the other parties of its ACTIVE partnerships, but those in ``hidden``.
    Cost: O(n + partnership parties).

    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> active_partners(graph_from_rows([{"kind": "partnership", "id": "p", "status": "active"},
    ...     {"kind": "company", "id": "c"}, {"kind": "institution", "id": "i"},
    ...     {"type": "PARTY", "from": "p", "to": "c"}, {"type": "PARTY", "from": "p", "to": "i"}]))
    {'c': {'i'}, 'i': {'c'}}
    """
    linked: defaultdict[str, set[str]] = defaultdict(set)
    for deal in nodes_of_kind(graph, "partnership"):
        if graph.nodes[deal].get("status") == "active" and deal not in hidden:
            parties = parties_of(graph, deal)
            for party in parties:
                linked[party].update(p for p in parties if p != party)
    return dict(linked)


class WalkGraph:
    """``undirected(graph, excluded)`` built lazily: one adjacency list per node the walk touches.

    ``removed`` relationships (source, target, type) are walked as if deleted from ``graph``, without
    the copy of the whole graph a deletion would need (:mod:`gxgraph.analytics.evaluation`).
    """

    def __init__(
        self,
        graph: nx.MultiDiGraph,
        excluded: Collection[str],
        removed: Collection[tuple[str, str, str]] = (),
    ) -> None:
        self.graph, self.excluded = graph, frozenset(excluded)
        self.adj: dict[str, list[str]] = {}
        self.bound: dict[str, float] = {}
        """Node -> ``PPR_EPSILON`` x its stored degree: the residual from which a push leaves it."""
        self._removed: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
        for source, target, rel_type in removed:
            self._removed[source, target].add(rel_type)
        self._lost: Counter[str] = Counter()  # node -> stored neighbours lost with every type removed
        for (source, target), types in self._removed.items():
            if types.issuperset(graph._succ[source].get(target, ())):
                self._lost.update((source, target))

    def _kept(self, source: str, target: str, keys: Collection[str]) -> Collection[str]:
        removed = self._removed.get((source, target))
        return keys if removed is None else [key for key in keys if key not in removed]

    def _sides(self, u: str) -> Iterator[tuple[str, Collection[str]]]:
        """``u``'s stored neighbours, out then in, each with the types joining them that are kept."""
        for v, keys in self.graph._succ[u].items():
            yield v, self._kept(u, v, keys)
        for v, keys in self.graph._pred[u].items():
            yield v, self._kept(v, u, keys)

    def __getitem__(self, u: str) -> list[str]:
        if u not in self.adj:
            kept = (v for v, keys in self._sides(u) if v != u and keys and not self.excluded.issuperset(keys))
            self.adj[u] = list(dict.fromkeys(kept))
        return self.adj[u]

    def stored_degree(self, u: str) -> int:
        """Neighbours of ``u`` in the stored graph, either direction (a neighbour both ways counts twice)."""
        return len(self.graph._succ[u]) + len(self.graph._pred[u]) - self._lost[u]

    def step(self, a: str, b: str) -> Step:
        """The stored relationship behind the projected edge a-b, in its stored direction."""
        ahead = sorted(set(self.graph._succ[a].get(b, ())) - self.excluded)
        if ahead:
            return Step(from_id=a, type=ahead[0], to_id=b)
        return Step(from_id=b, type=min(set(self.graph._succ[b][a]) - self.excluded), to_id=a)


def personalized_pagerank(walk: WalkGraph, source: str) -> tuple[dict[str, float], dict[str, str]]:
    """Forward-push personalised PageRank: node -> mass, and the node that first reached each node."""
    mass: defaultdict[str, float] = defaultdict(float)
    residual, parent, queue, queued = {source: 1.0}, {source: source}, deque([source]), {source}
    adj, bound = walk.adj, walk.bound
    # The hot loop of every PageRank answer and of the evaluation: names bound locally, the
    # adjacency and the push bounds memoised in the walk; the arithmetic is unchanged.
    get = residual.get
    while queue:
        u = queue.popleft()
        queued.discard(u)
        ru = residual.pop(u)
        nbrs = adj[u] if u in adj else walk[u]
        if not nbrs:  # an isolated source keeps its mass
            mass[u] += ru
            continue
        mass[u] += (1 - PPR_DAMPING) * ru
        share = PPR_DAMPING * ru / len(nbrs)
        for v in nbrs:
            if v not in parent:
                parent[v] = u
            residual[v] = rv = get(v, 0.0) + share
            if v not in queued:
                # The stored degree bounds the projected one and needs no adjacency list of v yet.
                limit = bound.get(v)
                if limit is None:
                    limit = bound[v] = PPR_EPSILON * walk.stored_degree(v)
                if rv > limit:
                    queue.append(v)
                    queued.add(v)
    return dict(mass), parent


def top_scores(scores: dict[str, float], limit: int | None) -> list[tuple[str, float]]:
    return sorted(((v, s) for v, s in scores.items() if s > 0), key=_largest)[:limit]


def _largest(item: tuple[str, float]) -> tuple[float, str]:
    return -item[1], item[0]


def _by_kind(graph: nx.MultiDiGraph, parts: dict[str, float]) -> dict[str, float]:
    components: defaultdict[str, float] = defaultdict(float)
    for node, part in parts.items():
        components[graph.nodes[node]["kind"]] += part
    return dict(components)


def _row(
    graph: nx.MultiDiGraph, regions: dict[str, str], other: str, score: float, terms: list[tuple[str, float]],
    components: dict[str, float], evidence: list[EvidencePath],
) -> Recommendation:  # fmt: skip
    shared = [SharedNode.of(graph, z, contribution=c) for z, c in terms]
    return Recommendation.of(
        graph, other, regions, score=score, components=components, evidence=evidence, shared=shared
    )


def rank_partners(
    graph: nx.MultiDiGraph,
    source_id: str,
    candidates: Collection[str],
    *,
    method: Method = "adamic_adar",
    limit: int = 10,
    index: KnowledgeIndex | None = None,
    focus: Collection[str] | None = None,
) -> list[Recommendation]:
    """Rank given candidates for any institution or company (``recommend_partners`` picks them).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    source_id : str
        The institution or company partners are sought for; never recommended itself.
    candidates : collection of str
        Organisations that may be recommended.
    method : {"adamic_adar", "jaccard", "resource_allocation", "personalized_pagerank"}
        The score (module docstring).
    limit : int
        Number of rows.
    index : KnowledgeIndex, optional
        Reuse memoised neighbourhoods across calls on the same graph.
    focus : collection of str, optional
        Count only these shared nodes (e.g. a field and its technologies); not for PageRank.

    Returns
    -------
    list of Recommendation
        Best first (score, then id); candidates sharing nothing are left out. ``shared`` lists every
        shared node (PageRank: the top five inflows); up to three evidence paths, e.g. company
        -DEVELOPS-> technology <-DEVELOPS- institution. Cost: see ``KnowledgeIndex``; PageRank
        O(pushes x degree) with at most 1 / (0.15 ``PPR_EPSILON``) pushes.

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "company", "id": "c"}, {"kind": "institution", "id": "i"},
    ...     {"kind": "technology", "id": "t"}, {"type": "DEVELOPS", "from": "c", "to": "t"},
    ...     {"type": "DEVELOPS", "from": "i", "to": "t"}])
    >>> [(r.id, round(r.score, 3), [s.id for s in r.shared]) for r in rank_partners(g, "c", ["i"])]
    [('i', 1.443, ['t'])]
    >>> [(s.from_id, s.type, s.to_id) for s in rank_partners(g, "c", ["i"])[0].evidence[0].steps]
    [('c', 'DEVELOPS', 't'), ('i', 'DEVELOPS', 't')]
    """
    check_method(method)
    if graph.nodes.get(source_id, {}).get("kind") not in _ORGS:
        raise NotFound(f"no institution or company with id {source_id!r}")
    index = index or KnowledgeIndex(graph)
    regions, rows = index.regions, []
    if method == "personalized_pagerank":
        if focus is not None:
            raise InvalidInput("focus applies to the knowledge-overlap methods only")
        walk = WalkGraph(graph, PPR_EXCLUDED_TYPES)
        mass, parent = personalized_pagerank(walk, source_id)
        for other, score in top_scores(
            {v: mass[v] for v in candidates if v in mass and v != source_id}, limit
        ):
            flows = {z: PPR_DAMPING * mass[z] / len(walk[z]) for z in walk[other] if z in mass}
            terms, evidence = sorted(flows.items(), key=_largest), []
            for z, _ in terms[:3]:
                hops, node = [(z, other)], z
                while node != source_id:  # back along the nodes that first passed mass on
                    hops.append((parent[node], node))
                    node = parent[node]
                steps = [walk.step(a, b) for a, b in reversed(hops)]
                evidence.append(EvidencePath(note=f"the walk reaches {other} through {z}", steps=steps))
            rows.append(_row(graph, regions, other, score, terms[:5], _by_kind(graph, flows), evidence))
        return rows
    mine = index.routes(source_id)
    for other, score in top_scores(index.scores(source_id, candidates, method, focus), limit):
        theirs = index.routes(other)
        shared = [z for z in mine if z in theirs and (focus is None or z in focus)]
        parts = {z: index.term(z, mine[z][0], theirs[z][0], method) for z in shared}
        terms, components = sorted(parts.items(), key=_largest), _by_kind(graph, parts)
        routes = [(z, mine[z][1] + theirs[z][1]) for z, _ in terms[:3]]
        evidence = [
            EvidencePath(
                note=f"both reach {z}", steps=[Step(from_id=a, type=t, to_id=b) for a, t, b in route]
            )
            for z, route in routes
        ]
        if method == "jaccard":
            union = sum(index.neighbourhood(source_id).values()) + sum(index.neighbourhood(other).values())
            components = {"shared_weight": sum(parts.values()), "union_weight": union - sum(parts.values())}
        rows.append(_row(graph, regions, other, score, terms, components, evidence))
    return rows


def recommend_partners(
    graph: nx.MultiDiGraph,
    company_id: str,
    *,
    target_kind: Literal["institution", "company"] = "institution",
    method: Method = "adamic_adar",
    exclude_existing: bool = True,
    limit: int = 10,
    index: KnowledgeIndex | None = None,
) -> list[Recommendation]:
    """Institutions (or companies, for consortia) a company should partner with, with reasons.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    company_id : str
        The company, usually a Japanese one.
    target_kind : {"institution", "company"}
        What to recommend.
    method : {"adamic_adar", "jaccard", "resource_allocation", "personalized_pagerank"}
        The score (module docstring).
    exclude_existing : bool
        Leave out organisations already in an ACTIVE partnership with the company.
    limit : int
        Number of rows.
    index : KnowledgeIndex, optional
        Reuse memoised neighbourhoods across calls on the same graph.

    Returns
    -------
    list of Recommendation
        Best first. Cost: O(n) to list candidates, plus ``rank_partners``.

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "company", "id": "c", "is_japanese": True},
    ...     {"kind": "institution", "id": "i"}, {"kind": "institution", "id": "j"},
    ...     {"kind": "technology", "id": "t"}, {"type": "DEVELOPS", "from": "c", "to": "t"},
    ...     {"type": "DEVELOPS", "from": "i", "to": "t"}, {"type": "DEVELOPS", "from": "j", "to": "t"}])
    >>> [(r.id, round(r.score, 3)) for r in recommend_partners(g, "c")]
    [('i', 0.91), ('j', 0.91)]
    """
    if graph.nodes.get(company_id, {}).get("kind") != "company":
        raise NotFound(f"no company with id {company_id!r}")
    if target_kind not in ("institution", "company"):
        raise InvalidInput(f"target_kind must be 'institution' or 'company', not {target_kind!r}")
    skip = active_partners(graph).get(company_id, set()) if exclude_existing else set()
    candidates = {v for v in nodes_of_kind(graph, target_kind) if v != company_id and v not in skip}
    return rank_partners(graph, company_id, candidates, method=method, limit=limit, index=index)
