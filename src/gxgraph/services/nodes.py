"""Create, read, update, delete and list nodes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from gxgraph.domain.kinds import NodeKind
from gxgraph.domain.nodes import NodeBase
from gxgraph.domain.schema import NODE_MODELS, field_filters
from gxgraph.domain.vocabulary import SortOrder, utc_now
from gxgraph.errors import Conflict, InvalidInput, NotFound, PreconditionFailed, validation_details
from gxgraph.services.pagination import decode_cursor, encode_cursor
from gxgraph.services.records import node_from_props, node_props, normalize
from gxgraph.store.base import GraphStore, NodeQuery, revision_of
from gxgraph.store.journal import SYSTEM, Actor

_NUMERIC_FLOOR = -1e300  # stands in for a missing number: sorts first ascending, last descending


@dataclass(frozen=True)
class ListRequest:
    """A validated listing request; field names are already checked against the kind's allow-lists."""

    equals: dict[str, Any] = field(default_factory=dict)
    minimum: dict[str, Any] = field(default_factory=dict)
    maximum: dict[str, Any] = field(default_factory=dict)
    text: str | None = None
    sort: str = "name_en"
    order: SortOrder = SortOrder.ASC
    cursor: str | None = None
    limit: int = 50


@dataclass(frozen=True)
class NodePage:
    items: list[NodeBase]
    total: int
    next_cursor: str | None


@dataclass(frozen=True)
class StoredNode:
    """A node as stored, with its revision (sent as the ``ETag``, checked against ``If-Match``)."""

    node: NodeBase
    revision: str


def get_stored_node(store: GraphStore, node_id: str, kind: NodeKind | None = None) -> StoredNode:
    """The node with ``node_id`` (of ``kind`` when given) and its revision; ``NotFound`` otherwise."""
    props = store.fetch_nodes([node_id]).get(node_id)
    if props is None or (kind is not None and props.get("kind") != kind.value):
        raise NotFound(f"no {kind.value if kind else 'node'} with id {node_id!r}")
    return StoredNode(node_from_props(props), revision_of(props))


def get_node(store: GraphStore, node_id: str, kind: NodeKind | None = None) -> NodeBase:
    """The node with ``node_id`` (of ``kind`` when given); ``NotFound`` otherwise."""
    return get_stored_node(store, node_id, kind).node


def _stamped_props(node: NodeBase) -> dict[str, Any]:
    props = node_props(node)
    props.setdefault("updated_at", utc_now())
    return props


def create_node(store: GraphStore, node: NodeBase, actor: Actor = SYSTEM) -> StoredNode:
    """Store a new node; ``Conflict`` when its id is taken (by any kind), even by a concurrent create."""
    kind = NodeKind(node.kind)  # type: ignore[attr-defined]
    props = _stamped_props(node)
    try:
        revision = store.create_node(kind, props, actor)
    except Conflict:
        revision = None  # Neo4j's unique constraint refused a create that raced this one
    if revision is None:
        existing = store.fetch_nodes([node.id]).get(node.id)
        if existing is None:
            raise Conflict(f"id {node.id!r} was taken by a concurrent write")
        raise Conflict(f"id {node.id!r} is already used by a {existing.get('kind')}")
    return StoredNode(node_from_props(props), revision)


def _revision_matches(revision: str, if_match: Sequence[str] | None) -> bool:
    return if_match is None or revision in if_match


def _stale(node_id: str) -> PreconditionFailed:
    return PreconditionFailed(
        f"node {node_id!r} has changed since the revision in If-Match; read it again for its ETag"
    )


def _merged(kind: NodeKind, current: NodeBase, changes: dict[str, Any]) -> NodeBase:
    merged = current.model_dump() | changes
    if "updated_at" not in changes:
        merged.pop("updated_at", None)
    try:
        return NODE_MODELS[kind].model_validate(merged)
    except ValidationError as exc:
        details = validation_details(exc.errors(include_url=False), prefix=("body",))
        raise InvalidInput("the update breaks the schema", details) from exc


def update_node(
    store: GraphStore,
    kind: NodeKind,
    node_id: str,
    changes: dict[str, Any],
    if_match: Sequence[str] | None = None,
    actor: Actor = SYSTEM,
) -> StoredNode:
    """Apply ``changes`` (only the fields the client sent) and re-validate the whole node.

    The store writes the result only if no other write changed the node since it was read, so a
    concurrent update is never overwritten with stale fields. With ``if_match``, a node at none of
    those revisions is ``PreconditionFailed``.
    """
    if "id" in changes and changes["id"] != node_id:
        raise InvalidInput("a node's id cannot change", [{"loc": ["body", "id"], "msg": "immutable"}])
    written: list[dict[str, Any]] = []

    def change(stored: dict[str, Any]) -> dict[str, Any]:
        if stored.get("kind") != kind.value:
            raise NotFound(f"no {kind.value} with id {node_id!r}")
        if not _revision_matches(revision_of(stored), if_match):
            raise _stale(node_id)
        written[:] = [_stamped_props(_merged(kind, node_from_props(stored), changes))]
        return written[0]

    revision = store.modify_node(kind, node_id, change, actor)
    if revision is None:
        raise NotFound(f"no {kind.value} with id {node_id!r}")
    return StoredNode(node_from_props(written[0]), revision)


def delete_node(
    store: GraphStore,
    kind: NodeKind,
    node_id: str,
    if_match: Sequence[str] | None = None,
    actor: Actor = SYSTEM,
) -> None:
    """Delete a node and its relationships; ``NotFound`` when absent, ``PreconditionFailed`` when
    ``if_match`` is given and the node is at none of its revisions."""
    current = get_stored_node(store, node_id, kind)
    if if_match is None:
        if not store.delete_node(node_id, actor):
            raise NotFound(f"no {kind.value} with id {node_id!r}")
        return
    if not _revision_matches(current.revision, if_match):
        raise _stale(node_id)
    if not store.delete_node_revision(kind, node_id, current.revision, actor):
        get_stored_node(store, node_id, kind)  # NotFound when it was deleted meanwhile
        raise _stale(node_id)


def list_nodes(store: GraphStore, kind: NodeKind, request: ListRequest) -> NodePage:
    """One page of nodes of ``kind`` with the total count of matches."""
    filters = field_filters(kind)
    if request.sort not in filters.sortable:
        raise InvalidInput(
            f"cannot sort {kind.plural} by {request.sort!r}",
            [{"loc": ["query", "sort"], "msg": f"allowed: {', '.join(filters.sortable)}"}],
        )
    numeric = filters.ranges.get(request.sort) in (int, float)
    missing: Any = _NUMERIC_FLOOR if numeric else ""
    after_value, after_id = (None, None)
    if request.cursor:
        after_value, after_id = decode_cursor(request.cursor, request.sort, request.order.value)
    query = NodeQuery(
        kind=kind,
        sort=request.sort,
        order=request.order,
        equals=request.equals,
        minimum=request.minimum,
        maximum=request.maximum,
        text=normalize(request.text) if request.text else None,
        after_value=after_value,
        after_id=after_id,
        limit=request.limit + 1,
        missing_sort_value=missing,
    )
    rows = store.list_nodes(query)
    total = store.count_nodes(query)
    next_cursor = None
    if len(rows) > request.limit:
        rows = rows[: request.limit]
        last = rows[-1]
        value = last.get(request.sort, missing)
        next_cursor = encode_cursor(request.sort, request.order.value, value, last["id"])
    return NodePage(items=[node_from_props(row) for row in rows], total=total, next_cursor=next_cursor)
