"""The ``GraphStore`` protocol every backend satisfies, and the Cypher logic they share.

Backends differ only in how they run a query (driver, sessions, error types) and in the few
dialect differences kept as ``cypher/<backend>/`` files; everything else lives in ``CypherStore``.
"""

from __future__ import annotations

import random
import time
from abc import abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.vocabulary import Direction, SortOrder
from gxgraph.errors import Conflict
from gxgraph.store import cypher
from gxgraph.store.journal import (
    SYSTEM,
    Actor,
    Journal,
    node_change,
    relationship_change,
)
from gxgraph.store.side_records import AuditQuery, SideRecords

Row = dict[str, Any]
T = TypeVar("T")
Progress = Callable[[int], None]
"""Called with the number of rows each write step sent."""
Change = Callable[[dict[str, Any]], dict[str, Any]]
"""Given a node's stored properties, the properties to store instead (``modify_node``)."""
Run = Callable[[str, Row], list[Row]]
"""Runs one more query inside the transaction of a write (or after it was undone)."""


_PATTERNS = {Direction.OUT: "-[r]->", Direction.IN: "<-[r]-", Direction.BOTH: "-[r]-"}


@dataclass(frozen=True)
class NodeQuery:
    """A filtered, sorted, keyset-paginated listing of one node kind (fields already allow-listed)."""

    kind: NodeKind
    sort: str = "name_en"
    order: SortOrder = SortOrder.ASC
    equals: dict[str, Any] = field(default_factory=dict)
    minimum: dict[str, Any] = field(default_factory=dict)
    maximum: dict[str, Any] = field(default_factory=dict)
    text: str | None = None
    after_value: Any = None
    after_id: str | None = None
    limit: int = 50
    missing_sort_value: Any = ""
    """Value that stands in for a node lacking the sort property, so keyset paging stays total."""


@dataclass
class WriteBatch:
    """Node and relationship upserts (full property maps) applied together."""

    nodes: dict[NodeKind, list[Row]] = field(default_factory=dict)
    relationships: dict[RelType, list[Row]] = field(default_factory=dict)
    """Each row: ``{"from": id, "to": id, "props": {...}}``."""
    new_nodes: dict[NodeKind, list[Row]] = field(default_factory=dict)
    """Rows as ``nodes`` that the caller found absent at the ``expected_version`` it writes at: created
    without MERGE's lookup. Written as ``nodes`` by a write without an ``expected_version``."""
    new_relationships: dict[RelType, list[Row]] = field(default_factory=dict)
    """Rows as ``relationships``, found absent as ``new_nodes`` are."""

    def __len__(self) -> int:
        groups = (self.nodes, self.relationships, self.new_nodes, self.new_relationships)
        return sum(len(rows) for group in groups for rows in group.values())

    def merged(self) -> WriteBatch:
        """This batch with its new rows among the upserts (for a write that cannot rely on them being
        absent: one without a version guard)."""
        nodes = {kind: [*rows] for kind, rows in self.nodes.items()}
        for kind, rows in self.new_nodes.items():
            nodes.setdefault(kind, []).extend(rows)
        rels = {rel_type: [*rows] for rel_type, rows in self.relationships.items()}
        for rel_type, rows in self.new_relationships.items():
            rels.setdefault(rel_type, []).extend(rows)
        return WriteBatch(nodes, rels)


@dataclass(frozen=True)
class FoundNode:
    """A node in an analyst query's answer: its labels and stored properties."""

    labels: tuple[str, ...]
    props: Row


@dataclass(frozen=True)
class FoundRelationship:
    """A relationship in an analyst query's answer, its endpoints named by their ``id``."""

    type: str
    from_id: str | None
    to_id: str | None
    props: Row


@dataclass(frozen=True)
class FoundPath:
    """A path in an analyst query's answer."""

    nodes: tuple[FoundNode, ...]
    relationships: tuple[FoundRelationship, ...]


@dataclass(frozen=True)
class QueryRows:
    """An analyst query's answer: column names, at most ``limit`` rows, and whether more were cut."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool


READ_ONLY_MESSAGE = "/v1/query is read-only: statements that write are refused"

REFUSED_OPERATORS = frozenset({"LoadCSV", "ProcedureCall"})
"""Plan operators an analyst query may not use: reading files and calling procedures (admin ones
among them) are outside what a read-only graph query is for. Checked on the store's own plan."""


class GraphStore(Protocol):
    """What the services need from a graph store."""

    backend: str

    def close(self) -> None: ...
    def ping(self) -> None: ...
    def ensure_schema(self) -> None: ...
    def graph_version(self) -> int: ...
    def fetch_nodes(self, ids: Sequence[str]) -> dict[str, Row]: ...
    def fetch_relationships(
        self, rel_type: RelType, pairs: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], Row]: ...
    def fetch_walked_relationships(
        self, keys: Sequence[tuple[str, str, str]]
    ) -> dict[tuple[str, str, str], Row]: ...
    def fetch_node_hashes(self, ids: Sequence[str]) -> dict[str, tuple[str, str | None]]: ...
    def fetch_relationship_hashes(
        self, rel_type: RelType, pairs: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], str | None]: ...
    def write(
        self,
        batch: WriteBatch,
        batch_size: int = 5000,
        progress: Progress | None = None,
        expected_version: int | None = None,
        journal: Journal | None = None,
    ) -> int: ...
    def delete_node(self, node_id: str, actor: Actor = SYSTEM) -> bool: ...
    def delete_relationship(
        self, rel_type: RelType, source: str, target: str, actor: Actor = SYSTEM
    ) -> bool: ...
    def list_nodes(self, query: NodeQuery) -> list[Row]: ...
    def count_nodes(self, query: NodeQuery) -> int: ...
    def expand(
        self, ids: Sequence[str], direction: Direction, rel_types: Sequence[str] | None, limit: int
    ) -> list[Row]: ...
    def shortest_paths(self, source: str, target: str, max_hops: int, limit: int) -> list[Row]: ...
    def search(self, text: str, kinds: Sequence[str] | None, limit: int) -> list[Row]: ...
    def plan_operators(self, statement: str, parameters: Row) -> set[str]: ...
    def read_only_query(self, statement: str, parameters: Row, limit: int) -> QueryRows: ...
    def stream_query(
        self, statement: str, parameters: Row, limit: int, chunk: int = 1000
    ) -> Iterator[QueryRows]: ...
    def iter_nodes(self, page_size: int = 5000) -> Iterator[Row]: ...
    def iter_relationships(self, page_size: int = 5000) -> Iterator[Row]: ...
    def iter_projection(self, page_size: int = 10_000) -> Iterator[tuple[list[Row], list[Row]]]: ...
    def counts(self) -> dict[str, dict[str, int]]: ...
    def versioned_counts(self) -> tuple[int, dict[str, dict[str, int]]]: ...
    def clear(self, actor: Actor = SYSTEM) -> None: ...
    def put_api_key(self, key: Row, actor: Actor = SYSTEM) -> None: ...
    def fetch_api_key(self, key_id: str) -> Row | None: ...
    def list_api_keys(self) -> list[Row]: ...
    def revoke_api_key(self, key_id: str, revoked_at: str, actor: Actor = SYSTEM) -> bool: ...
    def create_saved_query(self, query: Row, actor: Actor = SYSTEM) -> bool: ...
    def fetch_saved_query(self, name: str) -> Row | None: ...
    def list_saved_queries(self) -> list[Row]: ...
    def delete_saved_query(self, name: str, actor: Actor = SYSTEM) -> bool: ...
    def hit_rate_window(self, key: str, window_start: int, window_seconds: int) -> int: ...
    def create_node(self, kind: NodeKind, props: Row, actor: Actor = SYSTEM) -> str | None: ...
    def modify_node(
        self, kind: NodeKind, node_id: str, change: Change, actor: Actor = SYSTEM
    ) -> str | None: ...
    def delete_node_revision(
        self, kind: NodeKind, node_id: str, revision: str, actor: Actor = SYSTEM
    ) -> bool: ...
    def create_relationship(
        self,
        rel_type: RelType,
        source: str,
        target: str,
        props: Row,
        endpoint_kinds: tuple[Sequence[str], Sequence[str]],
        actor: Actor = SYSTEM,
    ) -> bool: ...
    def audit_seqs_touching(self, item_id: str) -> list[int]: ...
    def audit_entries(self, query: AuditQuery) -> list[Row]: ...
    def audit_parts(
        self,
        seqs: Sequence[int],
        item_id: str | None = None,
        first_part: int = 0,
        last_part: int | None = None,
    ) -> list[Row]: ...
    def graph_write_entries(self, after_version: int, limit: int) -> list[Row]: ...
    # -- source review list --
    def record_review_items(self, items: Sequence[Row]) -> dict[str, str]: ...
    def list_review_items(self, status: str | None = None) -> list[Row]: ...
    def decide_review_item(
        self, review_id: str, status: str, decided_by: str, decided_at: str, actor: Actor = SYSTEM
    ) -> Row | None: ...
    def review_decisions(self) -> dict[str, str]: ...
    def forget_review_items(self) -> int: ...


UNREVISED = "0"
"""The revision of a node stored before nodes had one (the Cypher files' ``coalesce(n._rev, '0')``)."""
MODIFY_ATTEMPTS = 10
"""How often ``modify_node`` re-reads and retries after another write changed the node meanwhile."""
MODIFY_SECONDS = 5.0
"""How long, at least, ``modify_node`` keeps retrying (with ``MODIFY_ATTEMPTS`` as the least count)."""


def revision_of(props: Row) -> str:
    """The revision of a stored node: a token every write replaces (clients see it as the ETag)."""
    return str(props.get("_rev") or UNREVISED)


def missing_endpoints(
    store: CypherStore, rows: Sequence[Row], run: Run, written: Iterable[str] = ()
) -> Conflict:
    """The error for relationship ``rows`` some of whose endpoints are gone, listing those ids
    (``written``: ids the rolled-back write itself created, so not missing)."""
    ids = sorted({end for row in rows for end in (row["from"], row["to"])} - set(written))
    found = {row["props"]["id"] for row in run(store._q("fetch_nodes"), {"ids": ids})}
    missing = [node_id for node_id in ids if node_id not in found]
    return Conflict(
        f"{len(missing)} relationship endpoint(s) were deleted while the write was prepared; "
        "nothing was written",
        [{"id": node_id, "message": "node no longer exists"} for node_id in missing[:1000]],
    )


def update_params(stored: Row, props: Row, actor: Actor) -> Row:
    """``update_node.cypher``'s parameters: write ``props`` over ``stored`` (read at its revision)."""
    change = node_change(stored["id"], stored["kind"], stored, props)
    journal = Journal(actor, "update_node", [change])
    return {"id": stored["id"], "rev": revision_of(stored), "props": props, "journal": journal.parameters()}


def batch_journal(batch: WriteBatch) -> Journal:
    """The system's journal of a batch written without one: every row an ``upsert``."""
    every = batch.merged()
    changes = [
        node_change(row["id"], kind.value, None, row["props"]) | {"op": "upsert"}
        for kind, rows in every.nodes.items()
        for row in rows
    ]
    changes += [
        relationship_change(rel_type.value, row["from"], row["to"], None, row["props"]) | {"op": "upsert"}
        for rel_type, rows in every.relationships.items()
        for row in rows
    ]
    return Journal(SYSTEM, "write", changes)


def _stored(props: Any) -> Row:
    """A node's properties as read with a key projected away (``fetch_nodes.cypher``): no stored
    property is null, so a null is such a key."""
    return {key: value for key, value in props.items() if value is not None}


def _public(props: Any) -> Row:
    """A stored relationship's properties without the internal ones (``_hash``)."""
    return {key: value for key, value in dict(props).items() if not key.startswith("_")}


def chunks(rows: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """Consecutive slices of at most ``size`` items."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


class CypherStore(SideRecords):
    """Shared implementation over three primitives a backend provides (``_read`` and ``_write``
    from ``QueryRunner``, and ``_write_locked``)."""

    @abstractmethod
    def _write_locked(self, node_ids: Sequence[str], text: str, params: Row) -> list[Row]:
        """Run one conditional write query so that what its WHERE reads of nodes ``node_ids`` is the
        latest committed state and cannot change before it writes (a compare-and-set)."""

    @abstractmethod
    def close(self) -> None: ...

    def _read_flat(self, text: str, params: Row) -> list[Row]:
        """``_read`` of a query whose columns are plain values, not nodes, relationships or maps: a
        backend may read those a faster way (millions of them in an import's hashes and in the
        projection pages), and its variants of those queries return the shape that way reads.
        FalkorDB's (its plain reply) keeps strings, integers and nulls; Neo4j's keeps every value."""
        return self._read(text, params)

    @abstractmethod
    def hit_rate_window(self, key: str, window_start: int, window_seconds: int) -> int:
        """Count one request of ``key`` in the fixed window that starts at ``window_start`` (unix
        seconds) and lasts ``window_seconds``; the requests counted in that window, this one included.

        The counter sits outside the graph: not exported, not counted, no graph-version bump. Every
        process using the store sees the same count, so a rate limit holds across server workers.
        """

    # -- health and schema -------------------------------------------------------------------
    def ping(self) -> None:
        self._read(self._q("ping_store"), {})

    def ensure_schema(self) -> None:
        for statement in cypher.statements(self._q("create_schema")):
            self._write(statement, {})

    def graph_version(self) -> int:
        rows = self._read(self._q("read_graph_version"), {})
        return int(rows[0]["version"]) if rows and rows[0]["version"] is not None else 0

    # -- nodes and relationships -------------------------------------------------------------
    def fetch_nodes(self, ids: Sequence[str]) -> dict[str, Row]:
        found: dict[str, Row] = {}
        for batch in chunks(list(ids), 10_000):
            for row in self._read(self._q("fetch_nodes"), {"ids": list(batch)}):
                props = _stored(row["props"])
                found[props["id"]] = props
        return found

    def fetch_relationships(
        self, rel_type: RelType, pairs: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], Row]:
        """The stored properties of the ``rel_type`` relationships among ``pairs`` (internal ``_``
        properties left out: no reader of relationships is meant to see them)."""
        found: dict[tuple[str, str], Row] = {}
        keys = [{"from": s, "to": t} for s, t in pairs]
        text = self._q("fetch_relationships", rel=rel_type.value)
        for batch in chunks(keys, 10_000):
            for row in self._read(text, {"keys": list(batch)}):
                found[(row["from"], row["to"])] = _public(row["props"])
        return found

    def fetch_walked_relationships(
        self, keys: Sequence[tuple[str, str, str]]
    ) -> dict[tuple[str, str, str], Row]:
        """The stored properties of the relationships among ``keys`` ((type, from, to)), of any types,
        by key: those on the paths a neighbourhood walk returns."""
        found: dict[tuple[str, str, str], Row] = {}
        rows = [{"type": rel_type, "from": source, "to": target} for rel_type, source, target in keys]
        for batch in chunks(rows, 10_000):
            for row in self._read(self._q("fetch_walked_relationships"), {"keys": list(batch)}):
                found[(row["type"], row["from"], row["to"])] = dict(row["props"])
        return found

    def fetch_node_hashes(self, ids: Sequence[str]) -> dict[str, tuple[str, str | None]]:
        """The kind and content hash (``None`` when stored without one) of each stored node among ``ids``."""
        found: dict[str, tuple[str, str | None]] = {}
        for batch in chunks(list(ids), 10_000):
            for row in self._read_flat(self._q("fetch_node_hashes"), {"ids": list(batch)}):
                found[row["id"]] = (row["kind"], row["hash"])
        return found

    def fetch_relationship_hashes(
        self, rel_type: RelType, pairs: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], str | None]:
        """The content hash (``None`` when stored without one) of each stored ``rel_type`` relationship
        among ``pairs`` (the query reads by source or by pair, whichever its backend plans well)."""
        wanted = set(pairs)
        found: dict[tuple[str, str], str | None] = {}
        text = self._q("fetch_relationship_hashes", rel=rel_type.value)
        # Only the parameter this backend's query reads is sent: encoding the other cost the embedded
        # store's client as much time as its server spent answering.
        by_pair = cypher.reads_parameter(text, "keys")
        for batch in chunks(sorted(wanted), 10_000):
            if by_pair:
                params: Row = {"keys": [{"from": source, "to": target} for source, target in batch]}
            else:
                params = {"ids": sorted({source for source, _ in batch})}
            for row in self._read_flat(text, params):
                if (row["from"], row["to"]) in wanted:
                    found[(row["from"], row["to"])] = row["hash"]
        return found

    @abstractmethod
    def write(
        self,
        batch: WriteBatch,
        batch_size: int = 5000,
        progress: Progress | None = None,
        expected_version: int | None = None,
        journal: Journal | None = None,
    ) -> int:
        """Upsert ``batch`` and bump the graph version, all or nothing; the new version.

        With ``expected_version``, raise ``GraphChanged`` (writing nothing) unless the graph is still at
        that version: the caller planned the batch against it. A relationship whose endpoint is missing
        raises ``Conflict`` listing the missing ids (``missing_endpoints``), and nothing is written.
        ``journal`` is appended to the audit log in the same transaction; without one, the system's,
        listing every row as an ``upsert`` (its properties before are not known here).
        """

    # -- single-item writes that must not race ------------------------------------------------
    def delete_node(self, node_id: str, actor: Actor = SYSTEM) -> bool:
        """Delete the node and its relationships; False when it does not exist. Deleted by revision,
        re-read after a concurrent change, so the audit log holds exactly what was deleted."""
        for _ in range(MODIFY_ATTEMPTS):
            stored = self.fetch_nodes([node_id]).get(node_id)
            if stored is None:
                return False
            if self._delete_stored(stored, actor):
                return True
        raise Conflict(f"node {node_id!r} kept changing under {MODIFY_ATTEMPTS} attempts; try again")

    def delete_node_revision(
        self, kind: NodeKind, node_id: str, revision: str, actor: Actor = SYSTEM
    ) -> bool:
        """Delete the node and its relationships if it is still of ``kind`` at ``revision``."""
        stored = self.fetch_nodes([node_id]).get(node_id)
        if stored is None or stored.get("kind") != kind.value or revision_of(stored) != revision:
            return False
        return self._delete_stored(stored, actor)

    def _delete_stored(self, stored: Row, actor: Actor) -> bool:
        node_id, kind = stored["id"], stored["kind"]
        journal = Journal(actor, "delete_node", [node_change(node_id, kind, stored, None)])
        text = self._q("delete_node_revision")
        params = {"id": node_id, "rev": revision_of(stored), "journal": journal.parameters()}
        return bool(self._write_locked([node_id], text, params))

    def delete_relationship(self, rel_type: RelType, source: str, target: str, actor: Actor = SYSTEM) -> bool:
        """Delete the relationship; False when it does not exist. Its properties in the audit log are
        those read just before (relationships carry no revision to delete by)."""
        before = self.fetch_relationships(rel_type, [(source, target)]).get((source, target))
        if before is None:
            return False
        change = relationship_change(rel_type.value, source, target, before, None)
        journal = Journal(actor, "delete_relationship", [change])
        params = {"from": source, "to": target, "journal": journal.parameters()}
        text = self._q("delete_relationship", rel=rel_type.value)
        return bool(self._write_locked(sorted({source, target}), text, params))

    def create_node(self, kind: NodeKind, props: Row, actor: Actor = SYSTEM) -> str | None:
        """Create the node unless its id is taken; its revision, or None when the id is taken."""
        journal = Journal(actor, "create_node", [node_change(props["id"], kind.value, None, props)])
        text = self._q("create_node", label=kind.label)
        params = {"id": props["id"], "props": props, "journal": journal.parameters()}
        rows = self._write_locked([], text, params)
        return str(rows[0]["rev"]) if rows else None

    def modify_node(self, kind: NodeKind, node_id: str, change: Change, actor: Actor = SYSTEM) -> str | None:
        """Replace the properties of node ``node_id`` (of ``kind``) with ``change(stored)``, never over
        a write that landed between the read and the write; the new revision, or None when the node
        does not exist. ``change`` may raise to abandon the write, and may run more than once.

        Here the write is conditional on the revision read and a lost race is retried after a
        jittered backoff; a backend that can lock a node across queries overrides this.
        """
        text = self._q("update_node", label=kind.label)
        # Retried for a time as well as a count: under contention on a loaded machine, ten attempts
        # (1.3 s of back-off) were lost to concurrent PATCHes of the same node.
        deadline = time.monotonic() + MODIFY_SECONDS
        attempt = 0
        while True:
            stored = self.fetch_nodes([node_id]).get(node_id)
            if stored is None:
                return None
            rows = self._write_locked([node_id], text, update_params(stored, change(stored), actor))
            if rows:
                return str(rows[0]["rev"])
            attempt += 1
            if attempt >= MODIFY_ATTEMPTS and time.monotonic() > deadline:
                raise Conflict(f"node {node_id!r} kept changing for {MODIFY_SECONDS:.0f} s; try again")
            time.sleep(random.uniform(0, min(0.25, 0.01 * 2**attempt)))  # noqa: S311

    def create_relationship(
        self,
        rel_type: RelType,
        source: str,
        target: str,
        props: Row,
        endpoint_kinds: tuple[Sequence[str], Sequence[str]],
        actor: Actor = SYSTEM,
    ) -> bool:
        """Create the relationship if both endpoints exist with allowed kinds and it does not yet."""
        change = relationship_change(rel_type.value, source, target, None, props)
        params = {
            "journal": Journal(actor, "create_relationship", [change]).parameters(),
            "from": source,
            "to": target,
            "type": rel_type.value,
            "from_kinds": list(endpoint_kinds[0]),
            "to_kinds": list(endpoint_kinds[1]),
            "props": props,
        }
        text = self._q("create_relationship", rel=rel_type.value)
        return bool(self._write_locked(sorted({source, target}), text, params))

    # -- reading -----------------------------------------------------------------------------
    def _filter_params(self, query: NodeQuery) -> Row:
        return {
            "eq": query.equals,
            "min": query.minimum,
            "max": query.maximum,
            "text": query.text,
        }

    def list_nodes(self, query: NodeQuery) -> list[Row]:
        descending = query.order is SortOrder.DESC
        text = self._q(
            "list_nodes",
            label=query.kind.label,
            order="DESC" if descending else "ASC",
            after="<" if descending else ">",
        )
        params = self._filter_params(query) | {
            "sort": query.sort,
            "missing": query.missing_sort_value,
            "after_value": query.after_value,
            "after_id": query.after_id,
            "limit": query.limit,
        }
        return [_stored(row["props"]) for row in self._read(text, params)]

    def count_nodes(self, query: NodeQuery) -> int:
        rows = self._read(self._q("count_nodes", label=query.kind.label), self._filter_params(query))
        return int(rows[0]["total"])

    def expand(
        self, ids: Sequence[str], direction: Direction, rel_types: Sequence[str] | None, limit: int
    ) -> list[Row]:
        text = self._q("expand_frontier", pattern=_PATTERNS[direction])
        params = {"ids": list(ids), "types": list(rel_types) if rel_types else None, "limit": limit}
        return self._read(text, params)

    def shortest_paths(self, source: str, target: str, max_hops: int, limit: int) -> list[Row]:
        text = self._q("find_shortest_paths", hops=str(max_hops))
        return self._read(text, {"from": source, "to": target, "limit": limit})

    def search(self, text: str, kinds: Sequence[str] | None, limit: int) -> list[Row]:
        params = {"q": text, "kinds": list(kinds) if kinds else None, "limit": limit}
        return self._read(self._q("search_nodes"), params)

    def iter_nodes(self, page_size: int = 5000) -> Iterator[Row]:
        after = ""
        while True:
            rows = self._read(self._q("page_nodes"), {"after": after, "limit": page_size})
            for row in rows:
                yield _stored(row["props"])
            if len(rows) < page_size:
                return
            after = rows[-1]["props"]["id"]

    def iter_relationships(self, page_size: int = 5000) -> Iterator[Row]:
        """Relationships in source-id order, read for ``page_size`` source nodes at a time."""
        after = ""
        while True:
            ids = [
                row["id"]
                for row in self._read(self._q("page_node_ids"), {"after": after, "limit": page_size})
            ]
            if not ids:
                return
            for row in self._read(self._q("page_relationships"), {"ids": ids}):
                yield {"type": row["type"], "from": row["from"], "to": row["to"], **_public(row["props"])}
            after = ids[-1]

    _counted: tuple[int, dict[str, dict[str, int]]] | None = None
    """The last counts and the graph version read before them (so they are of that version or later)."""

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes by kind and relationships by type."""
        return self.versioned_counts()[1]

    def versioned_counts(self) -> tuple[int, dict[str, dict[str, int]]]:
        """The graph version and the counts read at it (nodes by kind, relationships by type); counted
        again only when the version moved (counting walks every node and relationship: the explorer's
        home page and /v1/stats ask often)."""
        version = self.graph_version()
        counted = self._counted
        if counted is None or counted[0] != version:
            nodes = {r["kind"]: int(r["n"]) for r in self._read(self._q("count_nodes_by_kind"), {})}
            rels = {r["type"]: int(r["n"]) for r in self._read(self._q("count_relationships_by_type"), {})}
            counted = self._counted = (version, {"nodes": nodes, "relationships": rels})
        return counted[0], {part: dict(numbers) for part, numbers in counted[1].items()}

    def clear(self, actor: Actor = SYSTEM) -> None:
        # Small pages: deleting a hub detaches all its relationships in the same transaction. Each
        # page bumps the version as it commits, so no reader caches a half-cleared graph as current,
        # and is one audit entry listing the nodes it deleted as they were read just before.
        while page := self._read(self._q("page_nodes"), {"after": "", "limit": 2_000}):
            stored = [dict(row["props"]) for row in page]
            changes = [node_change(props["id"], props["kind"], props, None) for props in stored]
            journal = Journal(actor, "clear", changes).parameters()
            params = {"ids": [props["id"] for props in stored], "journal": journal}
            self._write(self._q("delete_graph_page"), params)

    # -- analysts' read-only queries ---------------------------------------------------------------
    @abstractmethod
    def read_only_query(self, statement: str, parameters: Row, limit: int) -> QueryRows:
        """Run an analyst's ``statement`` so that the store itself refuses any write; at most
        ``limit`` rows, ``truncated`` when more matched."""

    def stream_query(
        self, statement: str, parameters: Row, limit: int, chunk: int = 1000
    ) -> Iterator[QueryRows]:
        """``read_only_query``'s answer in chunks of ``chunk`` rows (the last one says whether the
        answer was cut at ``limit``). Here the answer is read whole first; a backend whose client can
        read rows as they come overrides this."""
        found = self.read_only_query(statement, parameters, limit)
        for start in range(0, max(1, len(found.rows)), chunk):
            last = start + chunk >= len(found.rows)
            yield QueryRows(found.columns, found.rows[start : start + chunk], found.truncated and last)

    # -- projection columns ------------------------------------------------------------------
    def iter_projection(self, page_size: int = 10_000) -> Iterator[tuple[list[Row], list[Row]]]:
        """The analytics projection in pages of ``(nodes, relationships)``: up to ``page_size`` nodes
        in id order and their outgoing relationships, as flat column rows (``page_projection_nodes``,
        ``page_projection_relationships``; the columns are ``gxgraph.analytics.columns``')."""
        after = ""
        while True:
            nodes = self._read_flat(self._q("page_projection_nodes"), {"after": after, "limit": page_size})
            if not nodes:
                return
            ids = [row["id"] for row in nodes]
            yield nodes, self._read_flat(self._q("page_projection_relationships"), {"ids": ids})
            if len(nodes) < page_size:
                return
            after = ids[-1]
