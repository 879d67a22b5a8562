"""The rows one connector run writes: organisations resolved and merged, then one all-or-nothing import.

Each connector builds a :class:`Load`: it adds organisations (resolved against the graph and earlier
rows of the run), other nodes and relationships, and :meth:`Load.write` sends them through
:func:`gxgraph.services.imports.import_rows` (``dry_run`` plans only). Merging is deterministic:

* a node the same connector wrote before (its ``source`` starts with the connector's prefix) takes
  the new values, keeping every external id it had;
* a node from anyone else (the curated sample, a CSV import, the other connector) keeps its values;
  the connector only fills fields it lacks and adds its external ids, so a curated name or an
  illustrative flag is never overwritten by a connector;
* organisations held for review are not written, nor is any relationship that needs them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field

from gxgraph.domain.kinds import NodeKind
from gxgraph.domain.schema import NODE_MODELS
from gxgraph.services.imports import ImportReport, ParsedRow, import_rows
from gxgraph.services.records import public_props
from gxgraph.sources import review
from gxgraph.sources.resolution import Incoming, Org, Outcome, Resolver
from gxgraph.store.base import GraphStore, NodeQuery
from gxgraph.store.journal import SYSTEM, Actor

Row = dict[str, Any]
_PROVENANCE = ("source", "contributed_by", "confidence", "illustrative", "updated_at")

__all__ = ["Load", "SourceReport"]


class SourceReport(BaseModel):
    """What a connector run did (or, for a dry run, would do)."""

    source: str
    imported: ImportReport | None = Field(default=None, description="The import's own counts.")
    resolution: dict[str, int] = Field(
        default_factory=dict, description="Organisations per resolution outcome."
    )
    held_for_review: list[str] = Field(
        default_factory=list, description="Incoming ids held back until their review pair is decided."
    )
    review_pending: int = Field(default=0, description="Pairs on the review list still undecided.")
    notes: list[str] = Field(default_factory=list)


@dataclass
class Load:
    """Rows of one connector run; ``prefix`` starts the ``source`` of every node the connector writes."""

    store: GraphStore
    source: str
    prefix: str
    stored: dict[str, Row] = field(default_factory=dict)
    resolver: Resolver = field(default_factory=Resolver)
    nodes: dict[str, Row] = field(default_factory=dict)
    rels: dict[tuple[str, str, str], Row] = field(default_factory=dict)
    outcomes: Counter[str] = field(default_factory=Counter)
    held: list[str] = field(default_factory=list)
    review_rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, store: GraphStore, source: str, prefix: str) -> Load:
        """A run against the current graph: its organisations, fields and countries, and the review
        decisions."""
        kinds = (NodeKind.INSTITUTION, NodeKind.COMPANY, NodeKind.FIELD, NodeKind.COUNTRY)
        known = [public_props(props) for kind in kinds for props in _all_of(store, kind)]
        resolver = Resolver.of(known, store.review_decisions())
        return cls(store, source, prefix, {str(p["id"]): p for p in known}, resolver)

    def prefetch(self, ids: list[str]) -> None:
        """Read the stored nodes among ``ids`` in one go, so merges see them (organisations are read
        when the run opens)."""
        wanted = [node_id for node_id in ids if node_id not in self.stored]
        for node_id, props in self.store.fetch_nodes(sorted(set(wanted))).items():
            self.stored[node_id] = public_props(props)

    def known(self, node_id: str) -> Row | None:
        """A node's row in this run, or else its stored properties (organisations and prefetched)."""
        return self.nodes.get(node_id) or self.stored.get(node_id)

    def organisation(self, incoming: Incoming, row: Row) -> str | None:
        """Resolve an organisation and add or merge its ``row``; the node id to link to, or None when
        the organisation is held for review."""
        resolution = self.resolver.resolve(incoming)
        self.outcomes[resolution.outcome.value] += 1
        if resolution.outcome is Outcome.REVIEW:
            self.review_rows.append(review.pending_row(self.source, incoming, resolution))
            self.held.append(incoming.key)
            return None
        row = {**row, "external_ids": sorted(incoming.external_ids | {incoming.key})}
        node_id = resolution.node_id or str(row["id"])
        self.put_node({**row, "id": node_id})
        self.resolver.add(Org.of(self.nodes[node_id]))
        return node_id

    def put_node(self, row: Row) -> None:
        """Add a node row, merged with what the run or the graph already holds under its id."""
        node_id = str(row["id"])
        base = self.known(node_id)
        if base is None:
            self.nodes[node_id] = row
            return
        ids = sorted(set(base.get("external_ids") or []) | set(row.get("external_ids") or []))
        if node_id in self.nodes or not str(base.get("source", "")).startswith(self.prefix):
            # Someone else's node, or one this run already built: keep its values, fill the gaps.
            allowed = NODE_MODELS[NodeKind(base["kind"])].model_fields
            merged = dict(base)
            for key, value in row.items():
                if key in allowed and key not in _PROVENANCE and merged.get(key) in (None, "", []):
                    merged[key] = value
        else:
            merged = dict(row)
        merged["external_ids"] = ids or None
        self.nodes[node_id] = {k: v for k, v in merged.items() if v is not None}

    def set_fields(self, node_id: str, values: Row, note: str) -> None:
        """Replace fields of a node the run does not own (``values``: figures this source recomputes),
        and say so at the end of its ``source``: ``"; <prefix><note>"``, replacing an earlier note."""
        base = self.known(node_id)
        if base is None:
            raise KeyError(node_id)
        source = str(base.get("source", ""))
        if source.startswith(self.prefix):
            source = f"{self.prefix}{note}"
        else:
            source = source.split(f"; {self.prefix}")[0]
            if len(source) + len(note) + len(self.prefix) < 998:
                source = f"{source}; {self.prefix}{note}"
        self.nodes[node_id] = {**base, **values, "source": source}

    def relationship(self, row: Row, combine: Callable[[Row, Row], Row] | None = None) -> None:
        """Add a relationship row; a repeat is ``combine(old, new)`` (default: keep the first)."""
        key = (str(row["type"]), str(row["from"]), str(row["to"]))
        old = self.rels.get(key)
        self.rels[key] = row if old is None else (combine(old, row) if combine else old)

    def rows(self) -> Iterator[ParsedRow]:
        """Nodes by id, then relationships by (type, from, to): one fixed order."""
        number = 0
        for node_id in sorted(self.nodes):
            number += 1
            yield ParsedRow(self.source, number, {"kind": self.nodes[node_id]["kind"], **self.nodes[node_id]})
        for key in sorted(self.rels):
            number += 1
            yield ParsedRow(self.source, number, self.rels[key])

    def write(self, *, dry_run: bool = False, batch_size: int = 5000, actor: Actor = SYSTEM) -> SourceReport:
        """Import the rows (all or nothing, as ``actor`` in the audit log) and record weak matches on
        the review list."""
        report = import_rows(self.store, self.rows(), batch_size=batch_size, dry_run=dry_run, actor=actor)
        if not dry_run:
            review.record(self.store, self.review_rows)
        pending = len(self.store.list_review_items(review.ReviewStatus.PENDING.value))
        return SourceReport(
            source=self.source,
            imported=report,
            resolution=dict(sorted(self.outcomes.items())),
            held_for_review=sorted(set(self.held)),
            review_pending=pending,
            notes=self.notes,
        )


def _all_of(store: GraphStore, kind: NodeKind, page: int = 5000) -> Iterator[Row]:
    """Every node of ``kind``, a page at a time in id order (the other kinds are never read)."""
    after: str | None = None
    while True:
        rows = store.list_nodes(NodeQuery(kind, sort="id", after_value=after, after_id=after, limit=page))
        yield from rows
        if len(rows) < page:
            return
        after = str(rows[-1]["id"])
