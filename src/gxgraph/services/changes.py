"""The change feed: every graph change after a version, in version order, and its replay elsewhere.

A client app keeps a copy in sync by polling ``GET /v1/changes?since=V``: it applies the changes in
order, follows ``next_cursor`` while a page is full, then polls again from ``up_to_version``. The feed
is read from the audit log, so it goes back to the store's first write; a copy can also start from an
export (its ``X-Graph-Version``) and follow the feed from there. ``apply_changes`` replays a feed into
another store, the way ``gxgraph sync`` mirrors a server.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from gxgraph.domain.kinds import RelType
from gxgraph.domain.storable import StorableModel
from gxgraph.errors import Conflict, GxGraphError, InvalidInput
from gxgraph.services.audit import Change, shown_change
from gxgraph.services.imports import ImportReport, ParsedRow, import_rows
from gxgraph.services.records import node_from_props, relationship_from_props
from gxgraph.store.base import GraphStore
from gxgraph.store.journal import PART_SIZE, SYSTEM, Actor, decode_changes, patched

Row = dict[str, Any]
RelKey = tuple[str, str, str]
MAX_PAGE = 5000
MAX_VERSION = 2**62
"""Above any graph version, within the stores' 64-bit integers."""


class FeedRequest(StorableModel):
    """Which page of the change feed to read."""

    model_config = ConfigDict(extra="forbid")

    since: int = Field(
        default=0, ge=0, le=MAX_VERSION, description="A graph version: the changes made after it."
    )
    cursor: str | None = Field(default=None, max_length=200, description="`next_cursor` of a page.")
    limit: int = Field(default=1000, ge=1, le=MAX_PAGE, description="Most changes in the page.")


class FeedChange(Change):
    """A change in the feed, with the graph version of the write that made it."""

    version: int
    at: str


class ChangeFeed(BaseModel):
    """A page of graph changes in the order they were made."""

    changes: list[FeedChange]
    next_cursor: str | None = Field(
        description="Set when the page is full: pass it as `cursor` for the changes that follow."
    )
    up_to_version: int = Field(
        description="The graph version a copy is at once it has applied these changes: poll `since` it."
    )
    graph_version: int = Field(description="The store's version when the page was read.")


def _encode(version: int, skip: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([version, skip]).encode()).decode().rstrip("=")


def _decode(cursor: str) -> tuple[int, int]:
    try:
        version, skip = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        numbers = all(isinstance(number, int) for number in (version, skip))
        if numbers and 0 < version <= MAX_VERSION and 0 <= skip < 2**31:
            return version, skip
    except (ValueError, TypeError):
        pass
    raise InvalidInput("cursor is not valid", [{"loc": ["query", "cursor"], "msg": "not a feed cursor"}])


def _changes_needed(store: GraphStore, entries: list[Row], skip: int, limit: int) -> dict[int, list[Row]]:
    """The changes of ``entries`` a page of ``limit`` starting at change ``skip`` of the first one
    needs, by entry: only the parts holding them are read (a page from version 0 would otherwise
    read every part of every entry it names)."""
    whole: list[int] = []  # entries whose first part is all the page needs of them
    ranges: list[tuple[int, int, int]] = []
    room = limit
    for number, entry in enumerate(entries):
        start = skip if number == 0 else 0
        take = min(room, entry["change_count"] - start)
        if take <= 0:
            continue
        first, last = start // PART_SIZE, (start + take - 1) // PART_SIZE
        if (first, last) == (0, 0):
            whole.append(entry["seq"])
        else:
            ranges.append((entry["seq"], first, last))
        room -= take
        if room == 0:
            break
    parts = store.audit_parts(whole, last_part=0) if whole else []
    for seq, first, last in ranges:
        parts += store.audit_parts([seq], first_part=first, last_part=last)
    by_seq: dict[int, list[Row]] = {}
    for part in sorted(parts, key=lambda part: (int(part["seq"]), int(part["part"]))):
        by_seq.setdefault(int(part["seq"]), []).extend(decode_changes(part["changes"]))
    return by_seq


def read_feed(store: GraphStore, request: FeedRequest) -> ChangeFeed:
    """Up to ``limit`` changes made after graph version ``since`` (or from ``cursor``), oldest first."""
    since, cursor, limit = request.since, request.cursor, request.limit
    graph_version = store.graph_version()
    first_version, skip = _decode(cursor) if cursor else (since + 1, 0)
    entries = store.graph_write_entries(first_version - 1, limit)
    by_seq = _changes_needed(store, entries, skip, limit)

    changes: list[FeedChange] = []
    up_to, next_cursor = first_version - 1, None
    for number, entry in enumerate(entries):
        start = skip if number == 0 else 0
        offset = start % PART_SIZE  # the head's parts begin at its part holding change ``skip``
        stamp = {"version": entry["version"], "at": entry["at"]}
        room = limit - len(changes)
        taken = by_seq.get(entry["seq"], [])[offset : offset + room]
        if len(taken) < min(room, entry["change_count"] - start):
            # A cursor past what was read would name the same page again: a copy would loop forever.
            raise GxGraphError(f"the changes of audit entry {entry['seq']} are incomplete in the store")
        changes += [FeedChange.model_validate(shown_change(change) | stamp) for change in taken]
        if start + len(taken) < entry["change_count"]:
            next_cursor = _encode(entry["version"], start + len(taken))
            break
        up_to = entry["version"]
        if len(changes) >= limit and number + 1 < len(entries):
            next_cursor = _encode(entries[number + 1]["version"], 0)
            break
    if next_cursor is None and len(entries) == limit:
        next_cursor = _encode(up_to + 1, 0)
    return ChangeFeed(
        changes=changes, next_cursor=next_cursor, up_to_version=max(up_to, since), graph_version=graph_version
    )


class _Replay:
    """Runs of upserts gathered into one import; deletes applied between runs, in feed order."""

    def __init__(self, store: GraphStore, actor: Actor) -> None:
        self.store, self.actor = store, actor
        self.nodes: dict[str, Row] = {}
        self.relationships: dict[RelKey, Row] = {}
        self.reports: list[ImportReport] = []

    def _current_node(self, node_id: str) -> Row:
        if node_id in self.nodes:
            return self.nodes[node_id]
        stored = self.store.fetch_nodes([node_id]).get(node_id)
        if stored is None:
            raise Conflict(f"the feed changes node {node_id!r}, which this store does not hold")
        return stored

    def _current_relationship(self, key: RelKey) -> Row:
        if key in self.relationships:
            return self.relationships[key]
        rel_type, source, target = key
        stored = self.store.fetch_relationships(RelType(rel_type), [(source, target)]).get((source, target))
        if stored is None:
            raise Conflict(f"the feed changes {rel_type} {source!r} -> {target!r}, which this store lacks")
        return stored

    def apply(self, change: Change) -> None:
        after = change.after or {}
        if change.entity == "node" and change.id is not None:
            if change.op == "delete":
                self.flush()
                self.store.delete_node(change.id, self.actor)
                return
            base = {} if change.op in ("create", "upsert") else self._current_node(change.id)
            self.nodes[change.id] = patched(base, after)
        elif change.entity == "relationship" and change.type and change.from_ and change.to:
            key = (change.type, change.from_, change.to)
            if change.op == "delete":
                self.flush()
                self.store.delete_relationship(RelType(change.type), change.from_, change.to, self.actor)
                return
            base = {} if change.op in ("create", "upsert") else self._current_relationship(key)
            self.relationships[key] = patched(base, after)

    def flush(self) -> None:
        if not self.nodes and not self.relationships:
            return
        rows = [_node_row(props) for props in self.nodes.values()]
        rows += [_relationship_row(key, props) for key, props in self.relationships.items()]
        parsed = (ParsedRow("change feed", number, row) for number, row in enumerate(rows, 1))
        self.reports.append(import_rows(self.store, parsed, actor=self.actor))
        self.nodes, self.relationships = {}, {}


def _node_row(props: Row) -> Row:
    return node_from_props(props).model_dump(mode="json", exclude_none=True)


def _relationship_row(key: RelKey, props: Row) -> Row:
    rel = relationship_from_props(key[0], key[1], key[2], props)
    return rel.model_dump(mode="json", by_alias=True, exclude_none=True)


def apply_changes(store: GraphStore, changes: Iterable[Change], actor: Actor = SYSTEM) -> int:
    """Replay feed ``changes`` (in feed order) into ``store``; the number of changes applied.

    Creates and updates are gathered into all-or-nothing imports between deletes; an update of an item
    the store does not hold is a ``Conflict`` (the copy missed earlier changes: sync from further back).
    API-key and saved-query changes are not in the feed and are ignored.
    """
    replay = _Replay(store, actor)
    count = 0
    for change in changes:
        replay.apply(change)
        count += 1
    replay.flush()
    return count
