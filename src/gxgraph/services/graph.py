"""Graph traversals: neighbourhoods, shortest paths and typeahead search."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.schema import CLASSIFYING
from gxgraph.domain.vocabulary import Direction
from gxgraph.errors import InvalidInput
from gxgraph.services.nodes import get_node
from gxgraph.services.records import normalize, public_props
from gxgraph.store.base import GraphStore, Row

MAX_EXPANSION_ROWS = 50_000
"""Relationships one neighbourhood request reads at most, over all its hops."""
MIN_EXPANSION_ROWS = 2_000


def expansion_budget(limit: int) -> int:
    """Relationships a request for ``limit`` neighbours may read: enough to pass through hubs and kind
    filters, small enough that a ``limit=1`` request around a hub stays cheap.

    >>> expansion_budget(1), expansion_budget(100), expansion_budget(10_000)
    (2000, 2000, 50000)
    """
    return min(MAX_EXPANSION_ROWS, max(MIN_EXPANSION_ROWS, 20 * limit))


class Edge(BaseModel):
    """A relationship as the API shows it."""

    type: RelType
    model_config = ConfigDict(populate_by_name=True)

    from_id: str = Field(alias="from")
    to_id: str = Field(alias="to")
    properties: dict[str, Any]


class Neighbor(BaseModel):
    node: dict[str, Any]
    distance: int = Field(description="Hops from the origin along the first path found.")
    via: list[Edge] = Field(description="The relationships from the origin to this node.")


class Neighborhood(BaseModel):
    origin: dict[str, Any]
    neighbors: list[Neighbor]
    truncated: bool = Field(description="True when limits cut the traversal short.")
    graph_version: int


class GraphPath(BaseModel):
    nodes: list[dict[str, Any]]
    relationships: list[Edge]
    length: int


class PathsResult(BaseModel):
    source: str
    target: str
    paths: list[GraphPath]
    graph_version: int


class SearchHit(BaseModel):
    id: str
    kind: NodeKind
    name_en: str
    name_ja: str | None
    rank: int = Field(description="0 exact, 1 name prefix, 2 word prefix, 3 substring.")


def _edge(rel_type: str, source: str, target: str, props: Row) -> Edge:
    return Edge(type=RelType(rel_type), from_id=source, to_id=target, properties=public_props(props))


def _path(
    parents: dict[str, tuple[str, tuple[str, str, str]] | None], node_id: str
) -> list[tuple[str, str, str]]:
    """The (type, from, to) of the relationships from the walk's origin to ``node_id``."""
    path = []
    step = parents[node_id]
    while step is not None:
        path.append(step[1])
        step = parents[step[0]]
    return path[::-1]


def neighbors(
    store: GraphStore,
    node_id: str,
    *,
    depth: int = 1,
    direction: Direction = Direction.BOTH,
    rel_types: Sequence[RelType] | None = None,
    kinds: Sequence[NodeKind] | None = None,
    limit: int = 100,
    through_classifiers: bool = False,
) -> Neighborhood:
    """Nodes within ``depth`` hops, breadth first, each with the relationships that reach it.

    Intermediate hops may pass through any kind; ``kinds`` filters only what is returned. Cost: one
    query per hop, each over the current frontier, so O(edges touched) rather than O(paths). The rows
    read are bounded inside the queries by ``expansion_budget(limit)``, and the walk stops at the hop
    where ``limit`` neighbours are found: later hops could only add farther nodes, which would be cut.
    Hops return ids and kinds only; properties are fetched for the ``limit`` neighbours returned and
    for the relationships on their paths.

    A country or market segment reached through ``LOCATED_IN`` or ``IN_SEGMENT`` (a classification,
    see ``CLASSIFYING``) is returned but not walked through, unless ``through_classifiers``: everything
    in a country is two hops from everything else in it, which says nothing about either.
    """
    origin = get_node(store, node_id)
    types = [t.value for t in rel_types] if rel_types else None
    wanted = {k.value for k in kinds} if kinds else None
    parents: dict[str, tuple[str, tuple[str, str, str]] | None] = {node_id: None}  # (type, from, to)
    found: list[tuple[str, int]] = []
    frontier = [node_id]
    truncated = False
    budget = expansion_budget(limit)
    for distance in range(1, depth + 1):
        if not frontier:
            break
        if len(found) >= limit or budget <= 0:
            truncated = True
            break
        hops = store.expand(frontier, direction, types, budget)
        budget -= len(hops)
        truncated = truncated or budget <= 0
        next_frontier = []
        for hop in hops:
            other = hop["id"]
            if other in parents:
                continue
            here = hop["from_id"]
            source, target = (here, other) if hop["outgoing"] else (other, here)
            parents[other] = (here, (hop["type"], source, target))
            if through_classifiers or not (hop["outgoing"] and hop["type"] in CLASSIFYING):
                next_frontier.append(other)
            if wanted is None or hop["kind"] in wanted:
                found.append((other, distance))
        frontier = next_frontier
    if len(found) > limit:
        truncated = True
        found = found[:limit]
    paths = {other: _path(parents, other) for other, _ in found}
    props = store.fetch_nodes(list(paths))
    walked = store.fetch_walked_relationships(sorted({key for path in paths.values() for key in path}))
    edges = {key: _edge(*key, rel_props) for key, rel_props in walked.items()}
    result = []
    for other, distance in found:
        via = [edges[key] for key in paths[other] if key in edges]
        if other not in props or len(via) < len(paths[other]):  # deleted since the walk saw it
            continue
        result.append(Neighbor(node=public_props(props[other]), distance=distance, via=via))
    return Neighborhood(
        origin=origin.model_dump(mode="json"),
        neighbors=result,
        truncated=truncated,
        graph_version=store.graph_version(),
    )


def shortest_paths(
    store: GraphStore, source: str, target: str, max_hops: int = 4, limit: int = 10
) -> PathsResult:
    """Every shortest path (ignoring direction) of at most ``max_hops`` between two nodes."""
    get_node(store, source)
    get_node(store, target)
    if source == target:
        raise InvalidInput("from and to are the same node", [{"loc": ["query", "to"], "msg": "must differ"}])
    paths = [
        GraphPath(
            nodes=[public_props(props) for props in row["nodes"]],
            relationships=[_edge(r["type"], r["from"], r["to"], r["props"]) for r in row["rels"]],
            length=len(row["rels"]),
        )
        for row in store.shortest_paths(source, target, max_hops, limit)
    ]
    return PathsResult(source=source, target=target, paths=paths, graph_version=store.graph_version())


def search(
    store: GraphStore, text: str, kinds: Sequence[NodeKind] | None = None, limit: int = 10
) -> list[SearchHit]:
    """Typeahead: nodes whose id or English/Japanese name contains ``text``, best matches first."""
    query = normalize(text)
    if not query:
        raise InvalidInput("search text is empty", [{"loc": ["query", "q"], "msg": "must not be blank"}])
    rows = store.search(query, [k.value for k in kinds] if kinds else None, limit)
    return [
        SearchHit(
            id=row["props"]["id"],
            kind=NodeKind(row["props"]["kind"]),
            name_en=row["props"]["name_en"],
            name_ja=row["props"].get("name_ja"),
            rank=int(row["rank"]),
        )
        for row in rows
    ]
