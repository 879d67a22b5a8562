"""All shortest undirected paths between two nodes, by a breadth-first search from both ends.

FalkorDB's ``allShortestPaths`` searches from one end only, so a path through a hub (a country, a
field) walks the hub's whole neighbourhood and beyond: 11.5 s between a technology and a company of
the 1M synthetic graph. Searching from both ends, a level at a time from whichever side reads fewer
relationships (counted by the store while the frontiers are small, the smaller frontier after),
meets in the middle after reading both sides' few levels. The store is asked only for ids and types
(``expand_path_frontier.cypher``); the properties of the paths found are read afterwards.

Every shortest path of length ``D`` crosses the last level ``k`` the source side searched (``k <= D``,
or the search would have met the target sooner) at a node whose distance to the target is
``D - k``, within the target side's search. So the paths are the source side's paths to those
meeting nodes joined with the target side's, each path once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from gxgraph.store.base import Row

RelKey = tuple[str, str, str]
"""A relationship as (type, from, to)."""
Path = tuple[list[str], list[RelKey]]
"""A path's node ids, and its relationships in order."""
Expand = Callable[[list[str], int], list[Row]]
"""The relationships around some nodes in either direction, at most a number of rows: rows of
``from_id``, ``type``, ``outgoing`` (truthy when the relationship leaves ``from_id``) and ``id``."""
Count = Callable[[list[str]], int]
"""How many rows ``Expand`` would give for some nodes."""


COUNTED_FRONTIER = 64
"""Frontiers of up to this many nodes are compared by the relationships expanding them reads (a hub
among a few nodes costs more than many plain nodes); larger ones by their size, since asking the
store costs milliseconds per node (2,351 nodes: 10.7 s at 1M)."""


@dataclass
class _Side:
    """One end's search: each node's distance, and the steps that reach it at that distance."""

    root: str
    levels: int = 0
    distance: dict[str, int] = field(default_factory=dict)
    parents: dict[str, list[tuple[str, RelKey]]] = field(default_factory=dict)
    frontier: list[str] = field(default_factory=list)
    reads: int | None = None

    def __post_init__(self) -> None:
        self.distance[self.root] = 0
        self.frontier = [self.root]

    def cost(self, count: Count) -> int:
        """How many rows expanding the frontier reads (asked once per level)."""
        if self.reads is None:
            self.reads = count(self.frontier)
        return self.reads

    def advance(self, hops: list[Row]) -> None:
        """Take the next level from the rows ``expand`` gave for the frontier."""
        self.levels += 1
        self.reads = None
        reached: list[str] = []
        for hop in hops:
            here, other = hop["from_id"], hop["id"]
            seen = self.distance.get(other)
            if seen is not None and seen < self.levels:
                continue  # reached earlier by a shorter way (or the frontier itself)
            key = (hop["type"], here, other) if hop["outgoing"] else (hop["type"], other, here)
            if seen is None:
                self.distance[other] = self.levels
                self.parents[other] = []
                reached.append(other)
            self.parents[other].append((here, key))
        self.frontier = reached

    def paths_to(self, node: str) -> Iterator[Path]:
        """Every shortest path from the root to ``node``, root first."""
        if node == self.root:
            yield [node], []
            return
        for previous, key in self.parents[node]:
            for nodes, keys in self.paths_to(previous):
                yield [*nodes, node], [*keys, key]


def shortest_paths(
    expand: Expand, count: Count, source: str, target: str, max_hops: int, limit: int, budget: int
) -> list[Path] | None:
    """At most ``limit`` of the shortest undirected paths of at most ``max_hops`` relationships from
    ``source`` to ``target``; ``None`` when that would read more than ``budget`` rows.

    >>> edges = {("a", "b"), ("b", "c"), ("a", "d"), ("d", "c")}
    >>> def expand(ids, most):
    ...     return [{"from_id": s, "type": "T", "outgoing": True, "id": t} for s, t in edges if s in ids] + [
    ...         {"from_id": t, "type": "T", "outgoing": False, "id": s} for s, t in edges if t in ids]
    >>> def count(ids):
    ...     return len(expand(ids, 100))
    >>> sorted(nodes for nodes, _ in shortest_paths(expand, count, "a", "c", 4, 10, 100))
    [['a', 'b', 'c'], ['a', 'd', 'c']]
    >>> shortest_paths(expand, count, "a", "c", 1, 10, 100), shortest_paths(expand, count, "a", "c", 4, 10, 1)
    ([], None)
    """
    start, end = _Side(source), _Side(target)
    for _ in range(max_hops):
        if not start.frontier or not end.frontier:
            return []  # one end's component is exhausted: no path
        if max(len(start.frontier), len(end.frontier)) <= COUNTED_FRONTIER:
            side = start if start.cost(count) <= end.cost(count) else end
        else:
            side = start if len(start.frontier) <= len(end.frontier) else end
        hops = expand(side.frontier, budget + 1)
        budget -= len(hops)
        if budget < 0:
            return None
        side.advance(hops)
        other = end if side is start else start
        touching = [node for node in side.frontier if node in other.distance]
        if touching:
            length = min(start.distance[node] + end.distance[node] for node in touching)
            return _join(start, end, length, limit)
    return []


def _join(start: _Side, end: _Side, length: int, limit: int) -> list[Path]:
    split = start.levels
    meeting = sorted(
        node
        for node, distance in start.distance.items()
        if distance == split and end.distance.get(node) == length - split
    )
    paths: list[Path] = []
    for node in meeting:
        for head_nodes, head_keys in start.paths_to(node):
            for tail_nodes, tail_keys in end.paths_to(node):
                paths.append(([*head_nodes, *tail_nodes[-2::-1]], [*head_keys, *tail_keys[::-1]]))
                if len(paths) >= limit:
                    return paths
    return paths
