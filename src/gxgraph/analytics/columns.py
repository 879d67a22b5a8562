"""The projection built from flat columns: only the properties something reads of it, held compactly.

The store hands the projection over as flat rows (``cypher/page_projection_*.cypher``): a node row
is its ``id`` and one column per name in :data:`NODE_COLUMNS`, a relationship row is ``from``,
``type``, ``to`` and one column per name in :data:`RELATIONSHIP_COLUMNS`, null where the property
is absent. These are the properties the analytics, the reports and the explorer read of the
projection; the rest (descriptions, confidence, dates of a partnership, the search keys) stay in
the store. Reading a few flat columns instead of whole property maps is most of the speed-up.

:class:`ProjectionBuilder` turns those rows into the same ``networkx.MultiDiGraph`` that
:func:`~gxgraph.analytics.graph.graph_from_rows` builds from rows holding only these properties
(same nodes, edges, attributes and insertion order), but holds it compactly, because most
relationships carry nothing but their type and provenance:

* equal strings are one object (node ids in every adjacency, kinds, countries, sources);
* relationships with equal properties share one attribute dict, and node pairs joined by a single
  relationship with equal properties share one key dict.

So the graph it returns is frozen (``nx.freeze``) and must be treated as read-only, as the
projection always was: changing one relationship's attributes would change every relationship
sharing them. ``graph.copy()`` gives an independent, mutable graph.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from operator import itemgetter
from typing import Any

import networkx as nx

__all__ = [
    "BOOLEAN_COLUMNS",
    "FLOAT_COLUMNS",
    "LIST_COLUMNS",
    "NODE_COLUMNS",
    "RELATIONSHIP_COLUMNS",
    "ProjectionBuilder",
    "column_rows",
    "graph_from_columns",
]

NODE_COLUMNS = (
    "kind",
    "name_en",
    "name_ja",
    "source",
    "contributed_by",
    "illustrative",
    "updated_at",
    "country",
    "region",
    "iso_code",
    "is_japanese",
    "institution_type",
    "sector",
    "size",
    "domain",
    "trl",
    "patent_families",
    "publications",
    "industry",
    "digital_technology",
    "year",
    "status",
    "content",
    "indicators",
    "cagr_pct",
    "market_size_usd",
)
"""Node properties the projection keeps: identity, provenance (reports), and what the analytics read."""

RELATIONSHIP_COLUMNS = (
    "score",
    "patents",
    "publications",
    "level",
    "year",
    "technology",
    "source",
    "contributed_by",
    "illustrative",
)
"""Relationship properties the projection keeps: the typed ones the analytics read, and provenance."""

FLOAT_COLUMNS = frozenset({"score", "level", "cagr_pct", "market_size_usd"})
"""Columns of type float in the domain models (a store may render them as text)."""
BOOLEAN_COLUMNS = frozenset({"illustrative", "is_japanese"})
"""Columns of type bool in the domain models."""
LIST_COLUMNS = frozenset({"content"})
"""Columns holding a list in the store."""

_UNSHARED = frozenset({"name_en", "name_ja"})
"""Node columns whose values are (nearly) unique, so not worth looking up among the shared strings."""
_JSON = frozenset({"indicators"})
"""Node columns the store holds as JSON text (graph properties hold only primitives and lists)."""

Row = Mapping[str, Any]


class ProjectionBuilder:
    """Collects node and relationship rows page by page, then builds the projection once.

    Rows may arrive in any order and in any number of pages; the graph is built in sorted order.
    Each row is reduced to what the graph keeps as soon as it is added, so the pages can be dropped.

    Examples
    --------
    >>> builder = ProjectionBuilder()
    >>> builder.add_nodes([{"id": "t", "kind": "technology", "trl": 4}, {"id": "f", "kind": "field"}])
    >>> builder.add_relationships([{"from": "f", "type": "COVERS", "to": "t", "source": "s"}])
    >>> g = builder.graph()
    >>> list(g.nodes(data=True))
    [('f', {'kind': 'field'}), ('t', {'kind': 'technology', 'trl': 4})]
    >>> list(g.edges(keys=True, data=True))
    [('f', 't', 'COVERS', {'type': 'COVERS', 'source': 's'})]
    """

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._nodes: list[tuple[str, dict[str, Any]]] = []
        self._edges: list[tuple[tuple[str, str, str], dict[str, Any]]] = []
        self._edge_data: dict[tuple[Any, ...], dict[str, Any]] = {}

    def add_nodes(self, rows: Iterable[Row]) -> None:
        """Add node rows: ``id`` and any of :data:`NODE_COLUMNS` (a missing or null one is absent)."""
        shared = self._strings.setdefault
        for row in rows:
            attrs: dict[str, Any] = {}
            for name, value in zip(NODE_COLUMNS, map(row.get, NODE_COLUMNS), strict=True):
                if value is None:
                    continue
                if isinstance(value, str):
                    if name in _JSON:
                        attrs[name] = json.loads(value)
                    else:
                        attrs[name] = value if name in _UNSHARED else shared(value, value)
                elif isinstance(value, list):
                    attrs[name] = [shared(item, item) if isinstance(item, str) else item for item in value]
                else:
                    attrs[name] = value
            node_id = row["id"]
            self._nodes.append((shared(node_id, node_id), attrs))

    def add_relationships(self, rows: Iterable[Row]) -> None:
        """Add relationship rows: ``from``, ``type``, ``to`` and any of :data:`RELATIONSHIP_COLUMNS`."""
        shared, known, edges = self._strings.setdefault, self._edge_data, self._edges
        for row in rows:
            values = tuple(map(row.get, RELATIONSHIP_COLUMNS))
            # Types are part of the key: 1, 1.0 and True are equal in a tuple but not in an answer.
            key = (row["type"], values, tuple(map(type, values)))
            data = known.get(key)
            if data is None:
                data = {"type": shared(row["type"], row["type"])}
                for name, value in zip(RELATIONSHIP_COLUMNS, values, strict=True):
                    if value is not None:
                        data[name] = shared(value, value) if isinstance(value, str) else value
                known[key] = data
            source, target = row["from"], row["to"]
            edges.append(((shared(source, source), data["type"], shared(target, target)), data))

    def graph(self) -> nx.MultiDiGraph:
        """The projection: nodes sorted by id, edges by (source, type, target). Cost: O((n + m) log m)."""
        graph = nx.MultiDiGraph()
        # Filled directly rather than through add_edge, which gives every edge its own attribute and
        # key dicts; the result is the graph add_node/add_edge would build in this order.
        nodes, succ, pred = graph._node, graph._succ, graph._pred
        for node_id, attrs in sorted(self._nodes, key=itemgetter(0)):
            nodes[node_id] = attrs
            succ[node_id], pred[node_id] = {}, {}
        single: dict[int, dict[str, dict[str, Any]]] = {}
        for (source, rel_type, target), data in sorted(self._edges, key=itemgetter(0)):
            if source not in nodes or target not in nodes:  # no node row: add it, as add_edge would
                for end in (source, target):
                    if end not in nodes:
                        nodes[end], succ[end], pred[end] = {}, {}, {}
            neighbours = succ[source]
            keys = neighbours.get(target)
            if keys is None:
                keys = single.get(id(data))  # data names its type, so it decides the key dict
                if keys is None:
                    keys = single[id(data)] = {rel_type: data}
            else:  # a second type between the pair: a key dict of its own, never a shared one changed
                keys = {**keys, rel_type: data}
            neighbours[target] = pred[target][source] = keys
        return nx.freeze(graph)


def column_rows(rows: Iterable[Row]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows in the import format (``kind`` rows, then ``type`` rows) as the store's column rows.

    >>> column_rows([
    ...     {"kind": "field", "id": "f", "description": "d"}, {"type": "COVERS", "from": "f", "to": "t"}
    ... ])
    ([{'id': 'f', 'kind': 'field'}], [{'from': 'f', 'type': 'COVERS', 'to': 't'}])
    """
    nodes: list[dict[str, Any]] = []
    relationships: list[dict[str, Any]] = []
    for row in rows:
        if "kind" in row:
            nodes.append({"id": row["id"], **{name: row[name] for name in NODE_COLUMNS if name in row}})
        else:
            ends = {"from": row["from"], "type": row["type"], "to": row["to"]}
            relationships.append(ends | {name: row[name] for name in RELATIONSHIP_COLUMNS if name in row})
    return nodes, relationships


def graph_from_columns(nodes: Iterable[Row], relationships: Iterable[Row]) -> nx.MultiDiGraph:
    """The projection of node and relationship column rows (see :class:`ProjectionBuilder`).

    Parameters
    ----------
    nodes : iterable of mappings
        ``id`` and any of :data:`NODE_COLUMNS`.
    relationships : iterable of mappings
        ``from``, ``type``, ``to`` and any of :data:`RELATIONSHIP_COLUMNS`.

    Returns
    -------
    networkx.MultiDiGraph
        Frozen, read-only. Cost: O((n + m) log(n + m)).

    Examples
    --------
    >>> g = graph_from_columns(
    ...     [{"id": "a", "kind": "institution"}, {"id": "f", "kind": "field"}, {"id": "g", "kind": "field"}],
    ...     [{"from": "a", "type": "STRONG_IN", "to": "f", "score": 0.9},
    ...      {"from": "a", "type": "STRONG_IN", "to": "g", "score": 0.9}],
    ... )
    >>> g.edges["a", "f", "STRONG_IN"]
    {'type': 'STRONG_IN', 'score': 0.9}
    >>> g.edges["a", "f", "STRONG_IN"] is g.edges["a", "g", "STRONG_IN"]
    True
    """
    builder = ProjectionBuilder()
    builder.add_nodes(nodes)
    builder.add_relationships(relationships)
    return builder.graph()
