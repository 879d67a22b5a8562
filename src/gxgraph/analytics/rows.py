"""The result row types the analytics share: how a row names its node, and how it explains a score.

A row *about a node* (a ranked institution, a technology, a country, a community member) inherits
:class:`NodeRow` and names that node ``id``, with its ``kind`` and names copied from the projection
by :meth:`NodeRow.of`; an actor's row uses :class:`PlacedNodeRow`, which adds where it is. So every
result names a node the same way, and a client reads ``row.id`` whatever the analysis. Other nodes a
row mentions keep names that say what they are to it (``from``/``to`` of a :class:`Step`,
``nearest_frontier``, ``source_institution``).

An explainable row also inherits :class:`Scored`: the score, its components and the evidence paths.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field

__all__ = ["EvidencePath", "NodeRow", "PlacedNodeRow", "Scored", "Step"]


class Step(BaseModel):
    """One relationship on an evidence path, in its stored direction."""

    # JSON says from/to (as relationships do everywhere); clients read the answers back by those names.
    model_config = ConfigDict(populate_by_name=True)

    from_id: str = Field(alias="from", description="Id of the relationship's source node.")
    type: str = Field(description="The relationship type, e.g. DEVELOPS.")
    to_id: str = Field(alias="to", description="Id of the relationship's target node.")


class EvidencePath(BaseModel):
    """A chain of relationships that justifies a finding, with a sentence saying what it shows."""

    note: str = Field(description="What the path shows, in one sentence.")
    steps: list[Step] = Field(description="The stored relationships, in the order the note reads them.")


class Scored(BaseModel):
    """Base of explainable result rows: the score, what it is made of, and why."""

    score: float = Field(description="The ranking score; its definition is in the endpoint's description.")
    components: dict[str, float] = Field(description="The named parts the score combines.")
    evidence: list[EvidencePath] = Field(
        default_factory=list, description="Relationship paths behind the score, strongest first."
    )


class NodeRow(BaseModel):
    """A row about one node of the graph: its id, kind and names, as stored."""

    id: str = Field(description="Id of the node the row is about.")
    kind: str | None = Field(default=None, description="The node's kind: institution, technology, ...")
    name_en: str | None = Field(default=None, description="The node's English name.")
    name_ja: str | None = Field(default=None, description="The node's Japanese name.")

    @classmethod
    def of(cls, graph: nx.MultiDiGraph, node: str, **fields: Any) -> Self:
        """The row about ``node``: its identity copied from the projection, ``fields`` for the rest.

        Parameters
        ----------
        graph : networkx.MultiDiGraph
            The projection (:mod:`gxgraph.analytics.graph`).
        node : str
            The node's id.
        **fields
            The row's other fields.

        Returns
        -------
        NodeRow
            An instance of the class it is called on. Cost: O(1).

        Examples
        --------
        >>> from gxgraph.analytics.graph import graph_from_rows
        >>> g = graph_from_rows([{"kind": "field", "id": "ai", "name_en": "AI", "name_ja": "人工知能"}])
        >>> NodeRow.of(g, "ai")
        NodeRow(id='ai', kind='field', name_en='AI', name_ja='人工知能')
        """
        attrs = graph.nodes[node]
        names = {"name_en": attrs.get("name_en"), "name_ja": attrs.get("name_ja")}
        return cls(id=node, kind=attrs.get("kind"), **names, **fields)


class PlacedNodeRow(NodeRow):
    """A row about a node that may be somewhere: its identity, country and region."""

    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code of the node's country.")
    region: str | None = Field(
        default=None, description="The node's region, or its country's when the analysis looks that up."
    )

    @classmethod
    def of(
        cls, graph: nx.MultiDiGraph, node: str, regions: Mapping[str, str] | None = None, **fields: Any
    ) -> Self:
        """The row about ``node``, with its country and region.

        Parameters
        ----------
        graph : networkx.MultiDiGraph
            The projection.
        node : str
            The node's id.
        regions : mapping of str to str, optional
            ISO code -> region (:func:`~gxgraph.analytics.graph.country_regions`): a node without a
            region of its own gets its country's. Without it only the node's own region is used.
        **fields
            The row's other fields.

        Returns
        -------
        PlacedNodeRow
            An instance of the class it is called on. Cost: O(1).

        Examples
        --------
        >>> from gxgraph.analytics.graph import graph_from_rows
        >>> g = graph_from_rows([{"kind": "company", "id": "c", "country": "JP"}])
        >>> PlacedNodeRow.of(g, "c", {"JP": "japan"}).region, PlacedNodeRow.of(g, "c").region
        ('japan', None)
        """
        attrs = graph.nodes[node]
        country = attrs.get("country")
        region = attrs.get("region") or (regions or {}).get(country or "")
        return super().of(graph, node, country=country, region=region, **fields)
