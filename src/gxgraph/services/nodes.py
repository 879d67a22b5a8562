"""Create, read, update, delete and list nodes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from gxgraph.domain.kinds import NodeKind
from gxgraph.domain.nodes import NodeBase
from gxgraph.domain.schema import NODE_MODELS, field_filters
from gxgraph.errors import Conflict, InvalidInput, NotFound, validation_details
from gxgraph.services.pagination import decode_cursor, encode_cursor
from gxgraph.services.records import node_from_props, node_props, normalize
from gxgraph.store.base import GraphStore, NodeQuery, SortOrder, WriteBatch

_NUMERIC_FLOOR = -1e300  # stands in for a missing number: sorts first ascending, last descending


def utc_now() -> str:
    """The current UTC time as an ISO 8601 string (how ``updated_at`` is stored)."""
    return dt.datetime.now(dt.UTC).isoformat().replace("+00:00", "Z")


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


def get_node(store: GraphStore, node_id: str, kind: NodeKind | None = None) -> NodeBase:
    """The node with ``node_id`` (of ``kind`` when given); ``NotFound`` otherwise."""
    props = store.fetch_nodes([node_id]).get(node_id)
    if props is None or (kind is not None and props.get("kind") != kind.value):
        raise NotFound(f"no {kind.value if kind else 'node'} with id {node_id!r}")
    return node_from_props(props)


def _write_node(store: GraphStore, node: NodeBase) -> NodeBase:
    props = node_props(node)
    props.setdefault("updated_at", utc_now())
    store.write(WriteBatch(nodes={NodeKind(props["kind"]): [{"id": node.id, "props": props}]}))
    return node_from_props(props)


def create_node(store: GraphStore, node: NodeBase) -> NodeBase:
    """Store a new node; ``Conflict`` when its id is taken (by any kind)."""
    existing = store.fetch_nodes([node.id]).get(node.id)
    if existing is not None:
        raise Conflict(f"id {node.id!r} is already used by a {existing.get('kind')}")
    return _write_node(store, node)


def update_node(store: GraphStore, kind: NodeKind, node_id: str, changes: dict[str, Any]) -> NodeBase:
    """Apply ``changes`` (only the fields the client sent) and re-validate the whole node."""
    current = get_node(store, node_id, kind)
    if "id" in changes and changes["id"] != node_id:
        raise InvalidInput("a node's id cannot change", [{"loc": ["body", "id"], "msg": "immutable"}])
    merged = current.model_dump(mode="json") | changes
    if "updated_at" not in changes:
        merged.pop("updated_at", None)
    try:
        node = NODE_MODELS[kind].model_validate(merged)
    except ValidationError as exc:
        details = validation_details(exc.errors(include_url=False), prefix=("body",))
        raise InvalidInput("the update breaks the schema", details) from exc
    return _write_node(store, node)


def delete_node(store: GraphStore, kind: NodeKind, node_id: str) -> None:
    """Delete a node and its relationships; ``NotFound`` when absent."""
    get_node(store, node_id, kind)
    if not store.delete_node(node_id):
        raise NotFound(f"no {kind.value} with id {node_id!r}")


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
