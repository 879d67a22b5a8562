"""Graph backends of the structure analytics: one undirected simple graph on NetworkX or igraph.

:class:`Net` holds ``undirected(graph, exclude)`` of a projection (parallel relationships merged,
loops dropped) on one backend and answers what :mod:`gxgraph.analytics.structure` needs on it:
degrees, neighbours, betweenness, Louvain communities, personalised PageRank and Burt's
constraint. Nodes are indices into ``Net.names``. ``backend="auto"`` uses NetworkX below
:data:`NETWORKX_LIMIT` nodes and python-igraph (the optional ``fast`` extra, imported lazily) at or
above it when installed, else NetworkX; both give the same answers on small graphs.
"""

from __future__ import annotations

import importlib
import math
import random
import threading
import weakref
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, Literal

import networkx as nx

from gxgraph.analytics.graph import undirected

__all__ = ["NETWORKX_LIMIT", "Backend", "Net", "has_igraph", "net_of"]

NETWORKX_LIMIT = 1_000
"""Below this many nodes ``backend="auto"`` uses NetworkX, and NetworkX betweenness is exact."""
Backend = Literal["auto", "networkx", "igraph"]
_IGRAPH_RNG = threading.Lock()  # igraph's random generator is process-wide
_NETS: weakref.WeakKeyDictionary[nx.MultiDiGraph, dict[tuple[frozenset[str], str], Net]] = (
    weakref.WeakKeyDictionary()
)
_NETS_LOCK = threading.Lock()


def _igraph() -> Any:
    return importlib.import_module("igraph")  # optional, and Any: igraph ships no type stubs


def has_igraph() -> bool:
    """Whether python-igraph (the optional ``fast`` extra) can be imported."""
    try:
        _igraph()
    except ImportError:
        return False
    return True


class Net:
    """The undirected simple graph on one backend; nodes are indices into ``names``.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projection.
    exclude : iterable of str
        Relationship types left out, as in ``undirected(graph, exclude)``.
    backend : {"auto", "networkx", "igraph"}
        See the module docstring; ``"igraph"`` raises ImportError without python-igraph.

    Examples
    --------
    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = graph_from_rows([{"kind": "company", "id": i} for i in "abc"] + [
    ...     {"type": "DEVELOPS", "from": "a", "to": "b"}, {"type": "DEVELOPS", "from": "b", "to": "c"}])
    >>> net = Net(g, (), "networkx")
    >>> net.names, net.degree(), net.neighbours(1), net.betweenness(None)
    (['a', 'b', 'c'], [1, 2, 1], ['a', 'c'], [0.0, 1.0, 0.0])
    """

    def __init__(self, graph: nx.MultiDiGraph, exclude: Iterable[str], backend: Backend) -> None:
        self.names: list[str] = list(graph.nodes)
        n = len(self.names)
        self.ig: Any = None
        self.nx: Any = None
        if backend == "igraph" or (backend == "auto" and n >= NETWORKX_LIMIT and has_igraph()):
            excluded, index = set(exclude), {name: i for i, name in enumerate(self.names)}
            # The edge list graph.edges(keys=True) gives, read from the adjacency dicts: the edge
            # view costs several times more per edge, and this runs over every relationship.
            edges = [
                (i, index[b])
                for i, nbrs in enumerate(graph._succ.values())
                for b, keys in nbrs.items()
                for key in keys
                if key not in excluded
            ]
            self.ig = _igraph().Graph(n=n, edges=edges)
            self.ig.simplify()  # merges parallel edges and drops loops, as undirected() does
        else:
            self.nx = undirected(graph, exclude)

    def degree(self) -> list[int]:
        """Degree of every node, in ``names`` order."""
        return (
            list(self.ig.degree()) if self.ig is not None else [self.nx.degree(name) for name in self.names]
        )

    def neighbours(self, i: int) -> list[str]:
        """Names of node ``i``'s neighbours, sorted."""
        return (
            sorted(self.names[j] for j in self.ig.neighbors(i))
            if self.ig is not None
            else sorted(self.nx[self.names[i]])
        )

    def betweenness(self, sources: list[int] | None) -> list[float]:
        """Betweenness over unordered pairs, counting only paths that start at ``sources``."""
        if self.ig is not None:
            return list(self.ig.betweenness(directed=False, sources=sources))
        if sources is None:
            values = nx.betweenness_centrality(self.nx, normalized=False)
        else:
            picked = [self.names[i] for i in sources]
            values = nx.betweenness_centrality_subset(self.nx, picked, self.names, normalized=False)
        return [float(values[name]) for name in self.names]

    def louvain(self, seed: int, resolution: float) -> list[list[int]]:
        """Louvain communities as lists of node indices, deterministic for a ``seed``."""
        if self.ig is None:
            index = {name: i for i, name in enumerate(self.names)}
            found = nx.community.louvain_communities(self.nx, seed=seed, resolution=resolution)
            return [[index[name] for name in group] for group in found]
        ig = _igraph()
        with _IGRAPH_RNG:
            ig.set_random_number_generator(random.Random(seed))  # noqa: S311 - reproducibility, not secrecy
            try:
                membership = self.ig.community_multilevel(resolution=resolution).membership
            finally:
                ig.set_random_number_generator(random)
        groups: dict[int, list[int]] = defaultdict(list)
        for i, group in enumerate(membership):
            groups[group].append(i)
        return list(groups.values())

    def pagerank(self, reset: list[float], damping: float = 0.85) -> list[float]:
        """Personalised PageRank restarting in proportion to ``reset``, in ``names`` order."""
        if self.ig is not None:
            return list(self.ig.personalized_pagerank(directed=False, damping=damping, reset=reset))
        # Power iteration in pure Python: nx.pagerank needs SciPy, which the project does not ship.
        index = {name: i for i, name in enumerate(self.names)}
        nbrs = [[index[m] for m in self.nx[name]] for name in self.names]
        restart = [r / sum(reset) for r in reset]
        x = restart
        for _ in range(1000):
            new = [0.0] * len(x)
            for i, adj in enumerate(nbrs):
                for j in adj:
                    new[j] += damping * x[i] / len(adj)
            lost = 1.0 - sum(new)  # restarts plus the walk stuck on isolated nodes
            new = [v + lost * r for v, r in zip(new, restart, strict=True)]
            delta, x = sum(abs(a - b) for a, b in zip(new, x, strict=True)), new
            if delta < 1e-12:
                break
        return x

    def constraint(self, nodes: list[int]) -> list[float]:
        """Burt's constraint of each of ``nodes``, unweighted; NaN for an isolated node."""
        if self.ig is not None:
            return [float(c) for c in self.ig.constraint(nodes)]
        # Burt's constraint with every tie weighing 1 (nx.constraint's answer, without its O(d^3) cost):
        # c_i = sum_j ((1 + sum_{q in N(i) & N(j)} 1 / d_q) / d_i) ** 2
        values = []
        for i in nodes:
            mine = set(self.nx[self.names[i]])
            total = math.nan if not mine else 0.0
            for j in mine:
                shared = mine.intersection(self.nx[j])
                total += ((1 + sum(1 / len(self.nx[q]) for q in shared)) / len(mine)) ** 2
            values.append(total)
        return values


def net_of(graph: nx.MultiDiGraph, exclude: Iterable[str], backend: Backend) -> Net:
    """``Net(graph, exclude, backend)``, built once per frozen projection and shared by the analyses
    that ask for the same one (brokers and communities do); an unfrozen graph gets a new one each time.

    The projection is frozen, so what is derived from it never goes stale; the entry goes with the
    projection (weak keys). Cost: O(n + m) the first time, O(1) after.

    >>> from gxgraph.analytics.graph import graph_from_rows
    >>> g = nx.freeze(graph_from_rows([{"kind": "company", "id": "a"}]))
    >>> net_of(g, (), "networkx") is net_of(g, [], "networkx")
    True
    """
    if not nx.is_frozen(graph):
        return Net(graph, exclude, backend)
    key = (frozenset(exclude), backend)
    with _NETS_LOCK:
        found = _NETS.get(graph, {}).get(key)
    if found is None:
        found = Net(graph, key[0], backend)
        with _NETS_LOCK:
            found = _NETS.setdefault(graph, {}).setdefault(key, found)
    return found
