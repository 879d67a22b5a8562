"""Network structure: brokers, communities, isolated Japanese companies, GX × DX central institutions.

Brokers and communities use the undirected actor graph,
``undirected(graph, exclude_types=CLASSIFICATION_TYPES)``.

* :func:`brokers`: ``score = 0.7 * b / b_max + 0.3 * r / R``, where ``b`` is normalised betweenness
  (``b_max`` the best among the candidates), ``r`` the regions bridged (distinct regions among the
  neighbours; a partnership stands for its parties' regions, as it is a tie rather than an actor) and
  ``R`` the regions in the graph. Betweenness is exact below :data:`EXACT_LIMIT` nodes on igraph
  (:data:`NETWORKX_LIMIT` on NetworkX), else it is estimated from :data:`DEFAULT_SAMPLE` seeded
  sources ``S`` (``b = b_S * n / |S|``). Burt's constraint (unweighted, as ``nx.constraint``) is
  computed only for the rows returned, as it costs O(degree²) per node.
* :func:`communities`: Louvain modularity communities, seeded.
* :func:`isolated_companies`: hops from each Japanese company to the nearest *frontier* technology
  (one covered by a field where an institution has ``STRONG_IN >= frontier_min_score``), over actor
  relationships (:func:`~gxgraph.analytics.expertise.actor_bfs`); ``score = 1 - 1/hops``, 1 if none.
* :func:`central_institutions`: personalised PageRank (damping 0.85) restarting at technologies
  (domain ``both`` weight 1, ``gx`` or ``dx`` 0.5) on the undirected graph without ``LOCATED_IN`` and
  ``IN_SEGMENT`` (countries and segments would pass rank between unrelated actors; fields stay, since
  research strength reaches technologies through ``STRONG_IN`` and ``COVERS``);
  ``score = p / p_max * (0.5 + 0.5 * balance)``, ``balance = 2 min(g, d) / (g + d)`` over the GX and
  DX technologies the institution develops or is strong in (``both`` counts for each).

Backends: NetworkX below :data:`NETWORKX_LIMIT` nodes; python-igraph at or above it when installed,
else NetworkX. igraph is the fast path: at 3,000 nodes exact betweenness takes 35 s on NetworkX and
1 s on igraph; at 100,000 nodes NetworkX's Louvain takes 45 s and its betweenness 1 s per source,
igraph 3.5 s and 0.03 s. ``backend=`` forces one; both agree on small graphs (tests). The layer
itself lives in :mod:`gxgraph.analytics.backends`.
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

import networkx as nx
from pydantic import BaseModel

from gxgraph.analytics.backends import NETWORKX_LIMIT, Backend, net_of
from gxgraph.analytics.expertise import actor_bfs, trace
from gxgraph.analytics.graph import CLASSIFICATION_TYPES, country_regions, is_japanese, region_of
from gxgraph.analytics.rows import EvidencePath, NodeRow, PlacedNodeRow, Scored, Step

__all__ = [
    "BROKER_KINDS",
    "DEFAULT_SAMPLE",
    "EXACT_LIMIT",
    "NETWORKX_LIMIT",
    "Broker",
    "CentralInstitution",
    "Community",
    "IsolatedCompany",
    "Member",
    "Share",
    "brokers",
    "central_institutions",
    "communities",
    "isolated_companies",
]

EXACT_LIMIT = 5_000
"""Below this many nodes igraph betweenness is exact (about 1 s at 3,000 nodes)."""
DEFAULT_SAMPLE = 200
"""Betweenness sources sampled at or above :data:`EXACT_LIMIT` nodes (about 6 s at 100k with igraph)."""
BROKER_KINDS = ("institution", "company", "investor", "expert")
"""Kinds ranked as brokers; partnerships, fields and technologies still carry the paths."""
_DOMAIN_RESET = {"both": 1.0, "gx": 0.5, "dx": 0.5}


class Broker(PlacedNodeRow, Scored):
    """A node that joins otherwise distant parts of the network."""

    degree: int
    betweenness: float
    regions_bridged: list[str]
    constraint: float | None = None


class Share(BaseModel):
    id: str
    weight: float


class Member(NodeRow):
    """One of a community's best-connected members."""

    degree: int


class Community(BaseModel):
    """A Louvain community; ``community_id`` is its rank by size."""

    community_id: int
    size: int
    kinds: dict[str, int]
    dominant_fields: list[Share]
    dominant_regions: list[Share]
    top_members: list[Member]


class IsolatedCompany(PlacedNodeRow, Scored):
    """A Japanese company and its distance to the frontier (``hops`` None: out of reach)."""

    sector: str | None = None
    size: str | None = None
    hops: int | None
    nearest_frontier: str | None = None
    path: list[str]


class CentralInstitution(PlacedNodeRow, Scored):
    """An institution central to GX × DX."""

    institution_type: str | None = None
    pagerank: float
    gx_technologies: int
    dx_technologies: int


def _link(graph: nx.MultiDiGraph, a: str, b: str) -> Step:
    """The first stored actor relationship between two adjacent nodes, in its stored direction."""
    for src, dst in ((a, b), (b, a)):
        keys = sorted(k for k in graph.succ[src].get(dst, {}) if k not in CLASSIFICATION_TYPES)
        if keys:
            return Step(from_id=src, type=keys[0], to_id=dst)
    raise KeyError((a, b))


def brokers(
    graph: nx.MultiDiGraph,
    *,
    limit: int = 20,
    sample_size: int | None = None,
    seed: int = 0,
    kinds: Sequence[str] = BROKER_KINDS,
    backend: Backend = "auto",
) -> list[Broker]:
    """Rank brokers by betweenness and regions bridged, with Burt's constraint for the rows returned.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    limit : int
        Rows returned.
    sample_size : int, optional
        Betweenness sources; by default exact on small graphs (module docstring), else
        :data:`DEFAULT_SAMPLE`.
    seed : int
        Seeds the source sample.
    kinds : sequence of str
        Kinds ranked.
    backend : {"auto", "networkx", "igraph"}
        See the module docstring.

    Returns
    -------
    list of Broker
        Best first, scored among the ``max(5 * limit, 50)`` candidates of highest betweenness.
        Cost: O(k m) for ``k`` sources (O(n m) exact), plus O(d²) per row returned.

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "company", "id": i} for i in "abc"] + [
    ...     {"type": "DEVELOPS", "from": "a", "to": "b"}, {"type": "DEVELOPS", "from": "b", "to": "c"}])
    >>> [(b.id, b.betweenness, b.constraint) for b in brokers(g)]
    [('b', 1.0, 0.5), ('a', 0.0, 1.0), ('c', 0.0, 1.0)]
    """
    net = net_of(graph, CLASSIFICATION_TYPES, backend)
    names, n, degree = net.names, len(net.names), net.degree()
    exact_below = EXACT_LIMIT if net.ig is not None else NETWORKX_LIMIT
    k = sample_size if sample_size is not None else (None if n < exact_below else DEFAULT_SAMPLE)
    sources = sorted(random.Random(seed).sample(range(n), k)) if k is not None and k < n else None  # noqa: S311
    scale = (n / len(sources) if sources else 1.0) * (2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0)
    between = [b * scale for b in net.betweenness(sources)]
    candidates = [i for i in range(n) if graph.nodes[names[i]].get("kind") in kinds]
    pool = sorted(candidates, key=lambda i: (-between[i], names[i]))[: max(5 * limit, 50)]
    regions = country_regions(graph)
    region_count = len({r for _, r in graph.nodes(data="region") if r} | set(regions.values())) or 1
    top = max((between[i] for i in pool), default=0.0) or 1.0
    rows: list[Broker] = []
    for i in pool:
        node, reach = names[i], dict[str, list[Step]]()
        for nbr in net.neighbours(i):
            # Steps only for the first path to each region: a hub has thousands of neighbours.
            if graph.nodes[nbr].get("kind") == "partnership":
                parties = (p for p, keys in graph.succ[nbr].items() if "PARTY" in keys and p != node)
                for party in sorted(parties):
                    region = region_of(graph, party, regions)
                    if region and region not in reach:
                        party_step = Step(from_id=nbr, type="PARTY", to_id=party)
                        reach[region] = [_link(graph, node, nbr), party_step]
            else:
                region = region_of(graph, nbr, regions)
                if region and region not in reach:
                    reach[region] = [_link(graph, node, nbr)]
        comps = {"betweenness": round(between[i] / top, 6), "regions": round(len(reach) / region_count, 6)}
        extra = {"degree": degree[i], "betweenness": round(between[i], 9), "regions_bridged": sorted(reach)}
        evidence = [EvidencePath(note=f"reaches {r}", steps=reach[r]) for r in sorted(reach)]
        score = round(0.7 * comps["betweenness"] + 0.3 * comps["regions"], 6)
        rows.append(
            Broker.of(graph, node, regions, score=score, components=comps, evidence=evidence, **extra)
        )
    rows = sorted(rows, key=lambda row: (-row.score, row.id))[:limit]
    index = {name: i for i, name in enumerate(names)}
    for row, value in zip(rows, net.constraint([index[row.id] for row in rows]), strict=True):
        row.constraint = None if math.isnan(value) else round(value, 6)
    return rows


def communities(
    graph: nx.MultiDiGraph,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    limit: int | None = None,
    backend: Backend = "auto",
) -> list[Community]:
    """Louvain communities of the actor graph, with what each is about and who anchors it.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    seed : int
        Seeds Louvain's node order (results are deterministic per seed).
    resolution : float
        Above 1 gives smaller communities, below 1 larger ones.
    limit : int, optional
        Communities returned (largest first); all by default.
    backend : {"auto", "networkx", "igraph"}
        See the module docstring.

    Returns
    -------
    list of Community
        Largest first (ties: smallest member id). ``dominant_fields`` weighs each field by the
        ``STRONG_IN`` scores of members, plus 1 when the field is a member; ``dominant_regions``
        counts members; ``top_members`` are the five highest degrees. Cost: about O(m log n).

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "company", "id": i} for i in "abcdef"] + [
    ...     {"type": "DEVELOPS", "from": a, "to": b} for a, b in ("ab", "bc", "ac", "de", "ef", "df", "cd")])
    >>> [[m.id for m in c.top_members] for c in communities(g)]
    [['c', 'a', 'b'], ['d', 'e', 'f']]
    """
    net = net_of(graph, CLASSIFICATION_TYPES, backend)
    names, degree = net.names, net.degree()
    groups = sorted((sorted(group) for group in net.louvain(seed, resolution)), key=lambda g: (-len(g), g[0]))
    regions = country_regions(graph)
    result: list[Community] = []
    for number, group in enumerate(groups[:limit]):
        members = [names[i] for i in group]
        fields: dict[str, float] = defaultdict(float)
        for node in members:
            if graph.nodes[node].get("kind") == "field":
                fields[node] += 1.0
            for field, keys in graph._succ[node].items():  # not the view: this reads every member
                if "STRONG_IN" in keys:
                    fields[field] += float(keys["STRONG_IN"].get("score") or 0.0)
        places = Counter(r for r in (region_of(graph, node, regions) for node in members) if r)
        kinds = Counter(str(graph.nodes[m].get("kind")) for m in members)
        top = sorted(group, key=lambda i: (-degree[i], names[i]))[:5]
        result.append(
            Community(
                community_id=number,
                size=len(group),
                kinds=dict(sorted(kinds.items())),
                dominant_fields=[Share(id=f, weight=round(w, 6)) for f, w in _top(fields)],
                dominant_regions=[Share(id=r, weight=w) for r, w in _top(places)],
                top_members=[Member.of(graph, names[i], degree=degree[i]) for i in top],
            )
        )
    return result


def _top(counts: Mapping[str, float], k: int = 3) -> list[tuple[str, float]]:
    return sorted(((key, float(v)) for key, v in counts.items() if v > 0), key=lambda kv: (-kv[1], kv[0]))[:k]


def isolated_companies(
    graph: nx.MultiDiGraph, *, frontier_min_score: float = 0.9, limit: int = 20
) -> list[IsolatedCompany]:
    """Japanese companies farthest from frontier technologies.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    frontier_min_score : float
        ``STRONG_IN`` score from which an institution's field makes the technologies it covers frontier.
    limit : int
        Rows returned.

    Returns
    -------
    list of IsolatedCompany
        Out of reach first, then by hops descending, then id; the evidence is the path to the nearest
        frontier technology and why it is frontier. Cost: one O(n + m log d) multi-source search.

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([
    ...     {"kind": "institution", "id": "lab"}, {"kind": "field", "id": "f"},
    ...     {"kind": "technology", "id": "t"}, {"kind": "company", "id": "near", "is_japanese": True},
    ...     {"kind": "company", "id": "far", "is_japanese": True},
    ...     {"type": "STRONG_IN", "from": "lab", "to": "f", "score": 0.95},
    ...     {"type": "COVERS", "from": "f", "to": "t"}, {"type": "DEVELOPS", "from": "near", "to": "t"},
    ... ])
    >>> [(c.id, c.hops, c.nearest_frontier) for c in isolated_companies(g)]
    [('far', None, None), ('near', 1, 't')]
    """
    frontier: dict[str, list[Step]] = {}
    # The institutions' adjacency in edge order, rather than the edge view over every relationship.
    for source, outgoing in graph._succ.items():
        if graph._node[source].get("kind") != "institution":
            continue
        for field, keys in outgoing.items():
            score = keys["STRONG_IN"].get("score") if "STRONG_IN" in keys else None
            if score is not None and score >= frontier_min_score:
                for tech in sorted(t for t, covers in graph._succ[field].items() if "COVERS" in covers):
                    why = [
                        Step(from_id=source, type="STRONG_IN", to_id=field),
                        Step(from_id=field, type="COVERS", to_id=tech),
                    ]
                    frontier.setdefault(tech, why)
    parents = actor_bfs(graph, frontier)
    found: list[tuple[float, str, int | None]] = []
    for node, kind in graph.nodes(data="kind"):
        if kind == "company" and is_japanese(graph, node):
            hops: int | None = None
            if node in parents:  # walking up the tree is cheaper than building every path
                hops, link = 0, parents[node]
                while link is not None:
                    hops, link = hops + 1, parents[link[0]]
            found.append((1.0 if hops is None else 1.0 - 1.0 / max(hops, 1), node, hops))
    regions = country_regions(graph)
    rows: list[IsolatedCompany] = []
    for score, node, hops in sorted(found, key=lambda row: (-row[0], row[1]))[:limit]:
        path, steps = trace(parents, node) if hops is not None else ([], [])
        tech = path[-1] if path else None
        evidence = [EvidencePath(note=f"nearest frontier technology {tech}", steps=steps)] if tech else []
        evidence += [EvidencePath(note=f"{tech} is frontier", steps=frontier[tech])] if tech else []
        comps = {"hops": float(hops)} if hops is not None else {"unreachable": 1.0}
        extra = {key: graph.nodes[node].get(key) for key in ("sector", "size")}
        extra |= {"hops": hops, "nearest_frontier": tech, "path": path, "evidence": evidence}
        rows.append(
            IsolatedCompany.of(graph, node, regions, score=round(score, 6), components=comps, **extra)
        )
    return rows


def central_institutions(
    graph: nx.MultiDiGraph, *, limit: int = 20, backend: Backend = "auto"
) -> list[CentralInstitution]:
    """Institutions central to GX × DX: personalised PageRank from technologies, times GX/DX balance.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    limit : int
        Rows returned.
    backend : {"auto", "networkx", "igraph"}
        See the module docstring.

    Returns
    -------
    list of CentralInstitution
        Best first; the evidence shows one GX and one DX technology each reaches. Cost: O(m) per
        PageRank iteration, plus the institutions' ``DEVELOPS`` and ``STRONG_IN``/``COVERS`` edges.

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([
    ...     {"kind": "institution", "id": "both-lab"}, {"kind": "institution", "id": "gx-lab"},
    ...     {"kind": "technology", "id": "h2", "domain": "gx"},
    ...     {"kind": "technology", "id": "ai", "domain": "dx"},
    ...     {"type": "DEVELOPS", "from": "both-lab", "to": "h2"},
    ...     {"type": "DEVELOPS", "from": "both-lab", "to": "ai"},
    ...     {"type": "DEVELOPS", "from": "gx-lab", "to": "h2"},
    ... ])
    >>> [(c.id, c.gx_technologies, c.dx_technologies) for c in central_institutions(g)]
    [('both-lab', 1, 1), ('gx-lab', 1, 0)]
    """
    net = net_of(graph, {"LOCATED_IN", "IN_SEGMENT"}, backend)
    attrs = [graph.nodes[name] for name in net.names]
    reset = [_DOMAIN_RESET.get(a.get("domain"), 0.0) if a.get("kind") == "technology" else 0.0 for a in attrs]
    rank_of = dict(zip(net.names, net.pagerank(reset if any(reset) else [1.0] * len(reset)), strict=True))
    institutions = [node for node, kind in graph.nodes(data="kind") if kind == "institution"]
    top = max((rank_of[i] for i in institutions), default=0.0) or 1.0
    regions = country_regions(graph)
    domain = {node: d for node, d in graph.nodes(data="domain") if d}
    scored = []
    for inst in institutions:
        route: dict[str, str] = {}  # technology -> how: "" develops it, else the field it is strong in
        for dst, keys in graph.succ[inst].items():
            if "DEVELOPS" in keys:
                route[dst] = ""
            if "STRONG_IN" in keys:
                for tech, covers in graph.succ[dst].items():
                    if "COVERS" in covers and (tech not in route or (route[tech] and dst < route[tech])):
                        route[tech] = dst
        sides = {side: [t for t in route if domain.get(t) in (side, "both")] for side in ("gx", "dx")}
        gx, dx = len(sides["gx"]), len(sides["dx"])
        balance, share = (2 * min(gx, dx) / (gx + dx) if gx + dx else 0.0), rank_of[inst] / top
        firsts = {side: (min(techs), route[min(techs)]) for side, techs in sides.items() if techs}
        scored.append((round(share * (0.5 + 0.5 * balance), 6), inst, share, balance, gx, dx, firsts))
    rows: list[CentralInstitution] = []
    for score, inst, share, balance, gx, dx, firsts in sorted(scored, key=lambda r: (-r[0], r[1]))[:limit]:
        evidence = []  # built for the rows returned only: steps are costly at 100k nodes
        for side, (tech, field) in firsts.items():
            steps = [
                Step(from_id=inst, type="STRONG_IN", to_id=field),
                Step(from_id=field, type="COVERS", to_id=tech),
            ]
            steps = steps if field else [Step(from_id=inst, type="DEVELOPS", to_id=tech)]
            evidence.append(EvidencePath(note=f"reaches {side.upper()} technology {tech}", steps=steps))
        comps = {"pagerank": round(share, 6), "balance": round(balance, 6)}
        extra = {"institution_type": graph.nodes[inst].get("institution_type"), "pagerank": rank_of[inst]}
        extra |= {"gx_technologies": gx, "dx_technologies": dx, "evidence": evidence}
        rows.append(CentralInstitution.of(graph, inst, regions, score=score, components=comps, **extra))
    return rows
