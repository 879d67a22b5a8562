"""The graph API as call builders: each function describes one request and how to read its answer.

The clients bind these as methods (``client.search(...)``); the answers are the pydantic models the
server itself answers with. Query values are checked here with the server's own models, so a bad
filter fails before any request, with the error the server would have given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from gxgraph.api.models import Page, filter_model, update_model
from gxgraph.client.transport import Call, QueryParams
from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.nodes import Node, NodeBase
from gxgraph.domain.relationships import Relationship, RelationshipBase
from gxgraph.domain.vocabulary import Direction
from gxgraph.errors import InvalidInput, validation_details
from gxgraph.services.audit import AuditFilter, AuditPage
from gxgraph.services.changes import ChangeFeed, FeedRequest
from gxgraph.services.graph import Neighborhood, PathsResult, SearchHit
from gxgraph.services.imports import ImportFormat, ImportReport
from gxgraph.services.nodes import StoredNode
from gxgraph.services.queries import QueryRequest, QueryResult
from gxgraph.services.saved_queries import SavedQuery, SavedQueryRun, StoredSavedQuery

__all__ = [
    "audit",
    "changes",
    "create_node",
    "create_relationship",
    "delete_node",
    "delete_relationship",
    "delete_saved_query",
    "get_node",
    "get_relationship",
    "import_graph",
    "list_nodes",
    "neighbors",
    "paths",
    "query",
    "run_saved_query",
    "save_query",
    "saved_queries",
    "saved_query",
    "schema",
    "search",
    "stats",
    "update_node",
]

M = TypeVar("M")

_NODE: TypeAdapter[NodeBase] = TypeAdapter(Node)
_RELATIONSHIP: TypeAdapter[RelationshipBase] = TypeAdapter(Relationship)
_HITS = TypeAdapter(list[SearchHit])
_NODE_PAGE = TypeAdapter(Page[Node])
_CONTENT_TYPES = {ImportFormat.JSONL: "application/x-ndjson", ImportFormat.CSV: "text/csv"}


def segment(value: str) -> str:
    """``value`` as one path segment: a slash or dot in it can never reach another route."""
    return quote(value, safe="")


def model(kind: type[M] | TypeAdapter[M]) -> Any:
    """A parser of a JSON answer into ``kind`` (a model class or a type adapter)."""
    adapter = kind if isinstance(kind, TypeAdapter) else TypeAdapter(kind)
    return lambda response: adapter.validate_json(response.content)


def _json(response: httpx.Response) -> dict[str, Any]:
    body: dict[str, Any] = response.json()
    return body


def _stored(response: httpx.Response) -> StoredNode:
    return StoredNode(_NODE.validate_json(response.content), response.headers.get("ETag", "").strip('"'))


def _if_match(revision: str | None) -> dict[str, str]:
    return {} if revision is None else {"If-Match": f'"{revision}"'}


def query_params(values: Mapping[str, Any]) -> QueryParams:
    """Query pairs of ``values``: None left out, lists repeated, enums by value, booleans lower case."""
    pairs: list[tuple[str, str | int | float | bool]] = []
    for name, value in values.items():
        for item in value if isinstance(value, list | tuple) else [value]:
            if item is None:
                continue
            plain: Any = getattr(item, "value", item)
            pairs.append((name, str(plain).lower() if isinstance(plain, bool) else plain))
    return pairs


def checked(schema: type[BaseModel], values: Mapping[str, Any]) -> BaseModel:
    """``values`` as ``schema``, or the InvalidInput the server would answer with."""
    try:
        return schema.model_validate(dict(values))
    except ValidationError as exc:
        details = validation_details(exc.errors(include_url=False), ("query",))
        raise InvalidInput("the request does not match the schema", details) from exc


def checked_body(schema: type[BaseModel], values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` as the JSON body ``schema`` describes, or the InvalidInput the server would answer."""
    try:
        return schema.model_validate(dict(values)).model_dump(mode="json")
    except ValidationError as exc:
        details = validation_details(exc.errors(include_url=False), ("body",))
        raise InvalidInput("the request does not match the schema", details) from exc


def search(q: str, *, kind: Sequence[NodeKind] | None = None, limit: int = 10) -> Call[list[SearchHit]]:
    """Typeahead over every kind: exact, prefix and substring matches on ids and both names."""
    return Call(
        "GET", "/v1/search", model(_HITS), params=query_params({"q": q, "kind": kind, "limit": limit})
    )


def get_node(node_id: str, kind: NodeKind | None = None) -> Call[StoredNode]:
    """A node by id (of ``kind`` when given, else of any kind) with its revision, for ``if_match``."""
    collection = f"/v1/{kind.plural}" if kind is not None else "/v1/nodes"
    return Call("GET", f"{collection}/{segment(node_id)}", _stored)


def list_nodes(
    kind: NodeKind, *, cursor: str | None = None, limit: int = 50, **filters: Any
) -> Call[Page[NodeBase]]:
    """One page of ``kind`` nodes; ``filters`` are the collection's (``q``, ``sort``, ``order``,
    equality and ``<field>_min``/``_max`` ranges; ``GET /v1/schema`` lists them per kind)."""
    params = checked(filter_model(kind), {**filters, "cursor": cursor, "limit": limit})
    values = params.model_dump(mode="json", exclude_none=True)
    return Call("GET", f"/v1/{kind.plural}", model(_NODE_PAGE), params=query_params(values))


def create_node(node: NodeBase) -> Call[StoredNode]:
    """Store a new node (secretariat role); Conflict when its id is taken."""
    kind = NodeKind(node.kind)  # type: ignore[attr-defined]
    body = node.model_dump(mode="json", exclude_none=True)
    return Call("POST", f"/v1/{kind.plural}", _stored, json=body, idempotent=False)


def update_node(
    kind: NodeKind, node_id: str, changes: Mapping[str, Any], *, if_match: str | None = None
) -> Call[StoredNode]:
    """Change only the fields in ``changes``; with ``if_match`` (a revision), PreconditionFailed when
    the node has changed since."""
    body = checked(update_model(kind), changes).model_dump(mode="json", exclude_unset=True)
    path = f"/v1/{kind.plural}/{segment(node_id)}"
    return Call("PATCH", path, _stored, json=body, headers=_if_match(if_match), idempotent=False)


def delete_node(kind: NodeKind, node_id: str, *, if_match: str | None = None) -> Call[None]:
    """Delete a node and its relationships (secretariat role)."""
    path = f"/v1/{kind.plural}/{segment(node_id)}"
    return Call("DELETE", path, lambda _: None, headers=_if_match(if_match), idempotent=False)


def neighbors(
    node_id: str,
    *,
    depth: int = 1,
    direction: Direction = Direction.BOTH,
    rel_type: Sequence[RelType] | None = None,
    kind: Sequence[NodeKind] | None = None,
    limit: int = 100,
) -> Call[Neighborhood]:
    """Nodes within 1-3 hops of a node, each with the relationships that reach it."""
    values = {"depth": depth, "direction": direction, "rel_type": rel_type, "kind": kind, "limit": limit}
    return Call(
        "GET", f"/v1/nodes/{segment(node_id)}/neighbors", model(Neighborhood), params=query_params(values)
    )


def paths(from_id: str, to_id: str, *, max_hops: int = 4, limit: int = 10) -> Call[PathsResult]:
    """All shortest paths between two nodes, ignoring direction."""
    values = {"from": from_id, "to": to_id, "max_hops": max_hops, "limit": limit}
    return Call("GET", "/v1/paths", model(PathsResult), params=query_params(values))


def create_relationship(relationship: RelationshipBase) -> Call[RelationshipBase]:
    """Store a new relationship between two existing nodes (secretariat role)."""
    body = relationship.model_dump(mode="json", by_alias=True, exclude_none=True)
    return Call("POST", "/v1/relationships", model(_RELATIONSHIP), json=body, idempotent=False)


def _relationship_path(rel_type: RelType, from_id: str, to_id: str) -> str:
    return f"/v1/relationships/{segment(rel_type.value)}/{segment(from_id)}/{segment(to_id)}"


def get_relationship(rel_type: RelType, from_id: str, to_id: str) -> Call[RelationshipBase]:
    """One relationship by type and endpoints."""
    return Call("GET", _relationship_path(rel_type, from_id, to_id), model(_RELATIONSHIP))


def delete_relationship(rel_type: RelType, from_id: str, to_id: str) -> Call[None]:
    """Delete one relationship (secretariat role)."""
    path = _relationship_path(rel_type, from_id, to_id)
    return Call("DELETE", path, lambda _: None, idempotent=False)


def import_graph(
    data: bytes | str | Path,
    *,
    format: ImportFormat | None = None,
    dry_run: bool = False,
    part_rows: int = 0,
) -> Call[ImportReport]:
    """Import JSON Lines or CSV (a file path, text or bytes), all or nothing (secretariat role).

    The format defaults to the file's suffix (``.csv``), else JSON Lines. Importing the same data twice
    changes nothing, so an import cut off by the network is safe to send again. Past the server's
    row limit, ``part_rows`` imports it checked whole and written in parts of that many rows.
    """
    if isinstance(data, Path):
        format = format or (ImportFormat.CSV if data.suffix.lower() == ".csv" else None)
        data = data.read_bytes()
    fmt = format or ImportFormat.JSONL
    body = data.encode("utf-8") if isinstance(data, str) else data
    params = query_params({"format": fmt, "dry_run": dry_run, "part_rows": part_rows or None})
    headers = {"Content-Type": _CONTENT_TYPES[fmt]}
    return Call(
        "POST",
        "/v1/import",
        model(ImportReport),
        params=params,
        content=body,
        headers=headers,
        unbounded=True,
    )


def query(
    statement: str, parameters: Mapping[str, Any] | None = None, *, limit: int = 1000
) -> Call[QueryResult]:
    """Run a Cypher read (analyst role); the store refuses writes, files and procedures are refused."""
    body = checked_body(
        QueryRequest, {"statement": statement, "parameters": dict(parameters or {}), "limit": limit}
    )
    return Call("POST", "/v1/query", model(QueryResult), json=body)


def save_query(saved: SavedQuery) -> Call[StoredSavedQuery]:
    """Save a named, parameterised read (secretariat role); Conflict when the name is taken."""
    body = saved.model_dump(mode="json")
    return Call("POST", "/v1/saved-queries", model(StoredSavedQuery), json=body, idempotent=False)


def saved_queries() -> Call[list[StoredSavedQuery]]:
    """Every saved query with its documentation and declared parameters."""
    return Call("GET", "/v1/saved-queries", model(list[StoredSavedQuery]))


def saved_query(name: str) -> Call[StoredSavedQuery]:
    """One saved query by name."""
    return Call("GET", f"/v1/saved-queries/{segment(name)}", model(StoredSavedQuery))


def delete_saved_query(name: str) -> Call[None]:
    """Delete a saved query (secretariat role)."""
    return Call("DELETE", f"/v1/saved-queries/{segment(name)}", lambda _: None, idempotent=False)


def run_saved_query(
    name: str, parameters: Mapping[str, Any] | None = None, *, limit: int | None = None
) -> Call[QueryResult]:
    """Run a saved query with values for its declared parameters (checked by the server)."""
    body = checked_body(SavedQueryRun, {"parameters": dict(parameters or {}), "limit": limit})
    return Call("POST", f"/v1/saved-queries/{segment(name)}/run", model(QueryResult), json=body)


def audit(
    *,
    actor: str | None = None,
    id: str | None = None,
    operation: str | None = None,
    since: str | None = None,
    until: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
    changes: int = 100,
) -> Call[AuditPage]:
    """A page of the audit log, newest first, filtered by actor, id, operation and time (admin role)."""
    values = {"actor": actor, "id": id, "operation": operation, "since": since, "until": until}
    params = checked(AuditFilter, values | {"cursor": cursor, "limit": limit, "changes": changes})
    shown = params.model_dump(mode="json", exclude_none=True)
    return Call("GET", "/v1/audit", model(AuditPage), params=query_params(shown))


def changes(since: int = 0, *, cursor: str | None = None, limit: int = 1000) -> Call[ChangeFeed]:
    """Graph changes after version ``since`` (or from ``cursor``), oldest first, deletions included."""
    params = checked(FeedRequest, {"since": since, "cursor": cursor, "limit": limit})
    shown = params.model_dump(mode="json", exclude_none=True)
    return Call("GET", "/v1/changes", model(ChangeFeed), params=query_params(shown))


def stats() -> Call[dict[str, Any]]:
    """Node counts per kind, relationship counts per type, the graph version and the backend."""
    return Call("GET", "/v1/stats", _json)


def schema() -> Call[dict[str, Any]]:
    """The graph schema: kinds with their filters and sort keys, and allowed relationship endpoints."""
    return Call("GET", "/v1/schema", _json)
