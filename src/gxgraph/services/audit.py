"""The audit log: who changed what, when, with each change's before and after.

Entries are appended by the store in the same transaction as the write they describe
(``gxgraph.store.journal``); this module only reads them. Nothing edits or deletes an entry.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from gxgraph.domain.storable import StorableModel
from gxgraph.errors import InvalidInput
from gxgraph.services.records import public_props
from gxgraph.store.base import GraphStore
from gxgraph.store.journal import PART_SIZE, decode_changes, touched_ids
from gxgraph.store.side_records import AuditQuery

Row = dict[str, Any]
MAX_CHANGES_SHOWN = 1000
CURSOR = re.compile(r"[0-9]{1,18}")
"""An entry number, as a page's ``next_cursor`` gives it (within the stores' 64-bit integers)."""
EXPORT_PAGE = 200


class Change(BaseModel):
    """One item a write changed, with the properties that differ before and after it."""

    model_config = ConfigDict(populate_by_name=True)

    entity: Literal["node", "relationship", "api_key", "saved_query", "review_pair"]
    op: Literal["create", "update", "delete", "upsert"] = Field(
        description="`upsert`: written whole by a write that did not read it first (replace all)."
    )
    id: str | None = Field(default=None, description="A node's id, an API key's id or a query's name.")
    kind: str | None = Field(default=None, description="A node's kind.")
    type: str | None = Field(default=None, description="A relationship's type.")
    from_: str | None = Field(default=None, alias="from", description="A relationship's source id.")
    to: str | None = Field(default=None, description="A relationship's target id.")
    before: dict[str, Any] | None = Field(
        description="The changed properties before (all of them for a delete; null for a create)."
    )
    after: dict[str, Any] | None = Field(
        description="The changed properties after (all of them for a create; null for a delete). A "
        "property the write removed is null here."
    )


class AuditEntry(BaseModel):
    """One write: who made it, when, the graph version it produced, and what it changed."""

    seq: int = Field(description="The entry's number: entries are numbered in the order they committed.")
    at: str = Field(description="When the write was made (UTC, ISO 8601).")
    actor_id: str = Field(description="The API key id, `cli` (the command line) or `system`.")
    actor_name: str
    operation: str = Field(description="create_node, update_node, delete_node, import, clear, ...")
    version: int = Field(description="The graph version after the write (current one for key writes).")
    graph_write: bool = Field(description="False for API keys and saved queries (not in the change feed).")
    change_count: int = Field(description="How many changes the write made.")
    changes: list[Change] = Field(
        description="Its changes: the first `changes` of them, or with `id`, those concerning that id."
    )


class AuditPage(BaseModel):
    """A page of audit entries, newest first."""

    items: list[AuditEntry]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next (older) page.")


class AuditFilter(StorableModel):
    """Which audit entries to list."""

    model_config = ConfigDict(extra="forbid")

    actor: str | None = Field(default=None, max_length=300, description="An API key's id or name.")
    id: str | None = Field(
        default=None, max_length=300, description="Entries changing this node (or either end of a "
        "relationship), API key id or saved query name."
    )  # fmt: skip
    operation: str | None = Field(default=None, max_length=100)
    since: dt.datetime | None = Field(default=None, description="From this time on (inclusive).")
    until: dt.datetime | None = Field(default=None, description="Up to this time (inclusive).")
    cursor: str | None = Field(default=None, max_length=40, description="From a previous page.")
    limit: int = Field(default=50, ge=1, le=500)
    changes: int = Field(default=100, ge=0, le=MAX_CHANGES_SHOWN, description="Most changes shown per entry.")


def _stored_time(moment: dt.datetime | None) -> str | None:
    """A filter time as entries store theirs (UTC, ``Z``); a time without zone is taken as UTC."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _cursor_seq(cursor: str | None) -> int | None:
    if cursor is None:
        return None
    if not CURSOR.fullmatch(cursor):
        raise InvalidInput("cursor is not valid", [{"loc": ["query", "cursor"], "msg": "not a cursor"}])
    return int(cursor)


def shown_change(change: Row) -> Row:
    """A stored change as the API shows it: nested node fields parsed, as GET /v1/nodes shows them."""
    if change["entity"] != "node":
        return change
    sides = {side: change[side] and public_props(change[side]) for side in ("before", "after")}
    return change | sides


def entry_changes(
    store: GraphStore, seqs: Sequence[int], item_id: str | None = None, most: int | None = None
) -> dict[int, list[Row]]:
    """The changes of entries ``seqs`` (only those touching ``item_id`` when given; at most ``most``
    each), in the order the write made them."""
    last_part = None if most is None or item_id is not None else max(0, (most - 1) // PART_SIZE)
    found: dict[int, list[Row]] = {seq: [] for seq in seqs}
    for part in store.audit_parts(seqs, item_id=item_id, last_part=last_part):
        changes = found[int(part["seq"])]
        for change in decode_changes(part["changes"]):
            if most is not None and len(changes) >= most:
                break
            if item_id is None or item_id in touched_ids(change):
                changes.append(shown_change(change))
    return found


def list_entries(store: GraphStore, request: AuditFilter) -> AuditPage:
    """A page of the audit log, newest first, filtered by actor, id, operation and time."""
    seqs = None if request.id is None else store.audit_seqs_touching(request.id)
    query = AuditQuery(
        actor=request.actor,
        operation=request.operation,
        seqs=seqs,
        since=_stored_time(request.since),
        until=_stored_time(request.until),
        before_seq=_cursor_seq(request.cursor),
        limit=request.limit + 1,
    )
    rows = store.audit_entries(query)
    more = len(rows) > request.limit
    rows = rows[: request.limit]
    changes = entry_changes(store, [row["seq"] for row in rows], request.id, request.changes)
    items = [AuditEntry.model_validate(row | {"changes": changes[row["seq"]]}) for row in rows]
    return AuditPage(items=items, next_cursor=str(rows[-1]["seq"]) if more else None)


def export_entries(store: GraphStore, request: AuditFilter) -> Iterator[str]:
    """Every matching entry with all its changes, as JSON Lines, newest first, a page at a time. The
    filter is checked and the first page read before this returns, so a bad filter or an unreachable
    store is an error answer, not a broken stream."""
    pages = request.model_copy(update={"limit": EXPORT_PAGE, "changes": 0})
    first = list_entries(store, pages)

    def lines() -> Iterator[str]:
        page = first
        while True:
            every = entry_changes(store, [entry.seq for entry in page.items], request.id)
            for entry in page.items:
                changes = [Change.model_validate(change) for change in every[entry.seq]]
                yield entry.model_copy(update={"changes": changes}).model_dump_json(by_alias=True) + "\n"
            if page.next_cursor is None:
                return
            page = list_entries(store, pages.model_copy(update={"cursor": page.next_cursor}))

    return lines()
