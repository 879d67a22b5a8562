"""The projection every analytic reads, and small helpers over it.

The projection is a ``networkx.MultiDiGraph``:

* node key = node id; node attributes = the node's public properties (``kind``, ``name_en``,
  ``country``, ``trl``, ...; a country's ``indicators`` as a list of dicts);
* one edge per relationship, from its source to its target, with ``key`` = relationship type and
  attributes = its properties plus ``type``.

``graph_from_rows`` builds it from import/export rows, so tests and the service build it the same way.
Nodes and edges are inserted in sorted order, so every traversal over the projection is deterministic
and both stores give identical results.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

__all__ = [
    "CLASSIFICATION_TYPES",
    "country_regions",
    "graph_from_rows",
    "is_japanese",
    "nodes_of_kind",
    "region_of",
    "undirected",
]

CLASSIFICATION_TYPES = frozenset({"LOCATED_IN", "IN_SEGMENT", "SUBFIELD_OF", "COVERS"})
"""Relationship types that classify rather than connect actors (no one is introduced through them)."""


def graph_from_rows(rows: Iterable[Mapping[str, Any]]) -> nx.MultiDiGraph:
    """Build the projection from rows in the import format (``kind`` rows, then ``type`` rows).

    Parameters
    ----------
    rows : iterable of mappings
        Node rows carry ``kind`` and ``id``; relationship rows carry ``type``, ``from`` and ``to``.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes and edges in sorted order. Cost: O((n + m) log(n + m)).

    Examples
    --------
    >>> g = graph_from_rows([
    ...     {"kind": "field", "id": "ai", "name_en": "AI"},
    ...     {"kind": "technology", "id": "llm", "name_en": "LLM"},
    ...     {"type": "COVERS", "from": "ai", "to": "llm", "source": "s"},
    ... ])
    >>> sorted(g.nodes), list(g.edges(keys=True))
    (['ai', 'llm'], [('ai', 'llm', 'COVERS')])
    >>> g.edges["ai", "llm", "COVERS"]["source"]
    's'
    """
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    for row in rows:
        (nodes if "kind" in row else edges).append(dict(row))
    graph = nx.MultiDiGraph()
    for node in sorted(nodes, key=lambda r: r["id"]):
        if isinstance(node.get("indicators"), str):
            node["indicators"] = json.loads(node["indicators"])
        graph.add_node(node.pop("id"), **node)
    for edge in sorted(edges, key=lambda r: (r["from"], r["type"], r["to"])):
        source, target = edge.pop("from"), edge.pop("to")
        graph.add_edge(source, target, key=edge["type"], **edge)
    return graph


def nodes_of_kind(graph: nx.MultiDiGraph, kind: str) -> list[str]:
    """Ids of the nodes of one kind, sorted. Cost: O(n log n).

    >>> g = graph_from_rows([
    ...     {"kind": "field", "id": "b"}, {"kind": "field", "id": "a"}, {"kind": "company", "id": "c"},
    ... ])
    >>> nodes_of_kind(g, "field")
    ['a', 'b']
    """
    return sorted(node for node, node_kind in graph.nodes(data="kind") if node_kind == kind)


def country_regions(graph: nx.MultiDiGraph) -> dict[str, str]:
    """ISO code -> region, from the country nodes.

    >>> g = graph_from_rows([{"kind": "country", "id": "country-jp", "iso_code": "JP", "region": "japan"}])
    >>> country_regions(g)
    {'JP': 'japan'}
    """
    return {
        attrs["iso_code"]: attrs["region"]
        for _, attrs in graph.nodes(data=True)
        if attrs.get("kind") == "country" and attrs.get("iso_code") and attrs.get("region")
    }


def is_japanese(graph: nx.MultiDiGraph, node: str) -> bool:
    """True for a Japanese company (``is_japanese``) or any other node whose ``country`` is JP.

    >>> g = graph_from_rows([
    ...     {"kind": "company", "id": "a", "is_japanese": True},
    ...     {"kind": "institution", "id": "b", "country": "US"},
    ... ])
    >>> is_japanese(g, "a"), is_japanese(g, "b")
    (True, False)
    """
    attrs = graph.nodes[node]
    return bool(attrs.get("is_japanese")) or attrs.get("country") == "JP"


def region_of(graph: nx.MultiDiGraph, node: str, regions: Mapping[str, str] | None = None) -> str | None:
    """The node's ``region``, else the region of its ``country`` (pass ``country_regions`` to reuse it).

    >>> g = graph_from_rows([
    ...     {"kind": "country", "id": "country-il", "iso_code": "IL", "region": "middle_east"},
    ...     {"kind": "institution", "id": "x", "country": "IL"},
    ... ])
    >>> region_of(g, "x")
    'middle_east'
    """
    attrs = graph.nodes[node]
    if attrs.get("region"):
        return str(attrs["region"])
    lookup = regions if regions is not None else country_regions(graph)
    return lookup.get(attrs.get("country", ""))


def undirected(graph: nx.MultiDiGraph, exclude_types: Iterable[str] = ()) -> nx.Graph:
    """A simple undirected view for structural measures: parallel edges merged, chosen types left out.

    Nodes keep their attributes; an edge keeps ``types`` (the sorted relationship types it merges).
    Cost: O(n + m).

    >>> g = graph_from_rows([
    ...     {"kind": "field", "id": "f"}, {"kind": "technology", "id": "t"},
    ...     {"type": "COVERS", "from": "f", "to": "t"},
    ... ])
    >>> list(undirected(g).edges(data="types")), undirected(g, {"COVERS"}).number_of_edges()
    ([('f', 't', ['COVERS'])], 0)
    """
    excluded = set(exclude_types)
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for source, target, rel_type in graph.edges(keys=True):
        if rel_type in excluded or source == target:
            continue
        if simple.has_edge(source, target):
            types = simple.edges[source, target]["types"]
            if rel_type not in types:
                types.append(rel_type)
                types.sort()
        else:
            simple.add_edge(source, target, types=[rel_type])
    return simple
