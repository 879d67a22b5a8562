"""Nodes: a collection per kind (list, get, create, patch, delete) and kind-agnostic lookups."""

# FastAPI reads these handlers' annotations at runtime; they name per-kind models built in a loop,
# so they must stay real objects rather than postponed strings.
from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, Query, Response, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from gxgraph.api.deps import NodeId, SecretariatKey, StoreDep, ViewerKey
from gxgraph.api.errors import ERROR_RESPONSES, ErrorBody
from gxgraph.api.models import FilterBase, Page, filter_model, update_model
from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.nodes import Node, NodeBase
from gxgraph.domain.schema import NODE_MODELS
from gxgraph.domain.vocabulary import Direction
from gxgraph.services import graph, nodes

router = APIRouter(responses=ERROR_RESPONSES)

IfMatch = Annotated[
    str | None,
    Header(
        description="ETags from an earlier read: the write happens only if the node is still at one "
        "of these revisions, else 412. `*` or no header: any revision."
    ),
]
_PRECONDITION: dict[int | str, dict[str, Any]] = {
    412: {"model": ErrorBody, "description": "The node changed since the If-Match revision."}
}


def _etag(revision: str) -> str:
    return f'"{revision}"'


def _revisions(if_match: str | None) -> list[str] | None:
    """The strong ETags listed in an If-Match header, or None for no precondition (absent or ``*``).

    Weak tags (``W/"..."``) never match: If-Match compares strongly (RFC 9110, section 13.1.1).
    """
    if if_match is None or if_match.strip() == "*":
        return None
    tags = (tag.strip() for tag in if_match.split(","))
    return [tag.strip('"') for tag in tags if tag and not tag.startswith("W/")]


def _with_etag(response: Response, stored: nodes.StoredNode) -> NodeBase:
    response.headers["ETag"] = _etag(stored.revision)
    return stored.node


# The lookups are coroutines that send only the store call to the thread pool: a sync handler costs
# a second hop, for FastAPI validates a sync handler's return value in the pool too.
@router.get("/nodes/{node_id}", tags=["graph"], response_model=Node)
async def get_node(node_id: NodeId, store: StoreDep, _: ViewerKey, response: Response) -> Any:
    """Get a node of any kind by id; the `ETag` header carries its revision."""
    return _with_etag(response, await run_in_threadpool(nodes.get_stored_node, store, node_id))


@router.get("/nodes/{node_id}/neighbors", tags=["graph"])
async def get_neighbors(
    node_id: NodeId,
    store: StoreDep,
    _: ViewerKey,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    direction: Direction = Direction.BOTH,
    rel_type: Annotated[list[RelType] | None, Query(description="Follow only these types.")] = None,
    kind: Annotated[list[NodeKind] | None, Query(description="Return only these kinds.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    through_classifiers: Annotated[
        bool,
        Query(
            description="Also walk on through a country or market segment reached by LOCATED_IN or "
            "IN_SEGMENT (by default such hubs are returned but not expanded)."
        ),
    ] = False,
) -> graph.Neighborhood:
    """Nodes within 1-3 hops of a node, each with the relationships that reach it."""
    return await run_in_threadpool(
        graph.neighbors, store, node_id, depth=depth, direction=direction, rel_types=rel_type,
        kinds=kind, limit=limit, through_classifiers=through_classifiers,
    )  # fmt: skip


def _register(kind: NodeKind) -> None:
    model = NODE_MODELS[kind]
    filters = filter_model(kind)
    update = update_model(kind)
    tag = kind.plural.replace("_", " ")
    collection, item = f"/{kind.plural}", f"/{kind.plural}/{{node_id}}"

    def list_nodes(store: StoreDep, _: ViewerKey, params: FilterBase) -> Any:
        page = nodes.list_nodes(store, kind, params.to_request(kind))
        return {"items": page.items, "total": page.total, "next_cursor": page.next_cursor}

    async def get_node(node_id: NodeId, store: StoreDep, _: ViewerKey, response: Response) -> Any:
        return _with_etag(response, await run_in_threadpool(nodes.get_stored_node, store, node_id, kind))

    def create_node(body: NodeBase, store: StoreDep, caller: SecretariatKey, response: Response) -> Any:
        return _with_etag(response, nodes.create_node(store, body, caller.actor))

    def patch_node(
        node_id: NodeId,
        body: BaseModel,
        store: StoreDep,
        caller: SecretariatKey,
        response: Response,
        if_match: IfMatch = None,
    ) -> Any:
        # Python mode keeps what JSON mode would quietly turn into null (an overflowing 1e400 is
        # inf), so the whole-node validation refuses it instead of clearing the field.
        changes = body.model_dump(exclude_unset=True)
        revisions = _revisions(if_match)
        stored = nodes.update_node(store, kind, node_id, changes, revisions, caller.actor)
        return _with_etag(response, stored)

    # The generic annotations above keep mypy exact; FastAPI reads these per-kind ones instead.
    list_nodes.__annotations__["params"] = Annotated[filters, Query()]
    create_node.__annotations__["body"] = Annotated[model, Body()]
    patch_node.__annotations__["body"] = Annotated[update, Body()]

    def delete_node(
        node_id: NodeId, store: StoreDep, caller: SecretariatKey, if_match: IfMatch = None
    ) -> Response:
        nodes.delete_node(store, kind, node_id, _revisions(if_match), caller.actor)
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    noun = kind.value.replace("_", " ")
    router.add_api_route(
        collection, list_nodes, methods=["GET"], tags=[tag], response_model=Page[model],  # type: ignore[valid-type]
        summary=f"List {kind.plural.replace('_', ' ')}", operation_id=f"list_{kind.plural}",
        description=f"Filter, sort and page {noun} nodes; `total` counts every match.",
    )  # fmt: skip
    router.add_api_route(
        item, get_node, methods=["GET"], tags=[tag], response_model=model,
        summary=f"Get a {noun}", operation_id=f"get_{kind.value}",
        description="The `ETag` header carries the node's revision, for `If-Match` on PATCH and DELETE.",
    )  # fmt: skip
    router.add_api_route(
        collection, create_node, methods=["POST"], tags=[tag], response_model=model, status_code=201,
        summary=f"Create a {noun}", operation_id=f"create_{kind.value}",
        description="Needs the secretariat role. 409 when the id is taken by any node, even by a "
        "create running at the same time. The `ETag` header carries the new node's revision.",
    )  # fmt: skip
    router.add_api_route(
        item, patch_node, methods=["PATCH"], tags=[tag], response_model=model, responses=_PRECONDITION,
        summary=f"Update a {noun}", operation_id=f"update_{kind.value}",
        description="Needs the secretariat role. Only the fields sent change; the result is re-validated. "
        "Concurrent updates never undo each other. With `If-Match`, 412 when the node has changed "
        "since that revision. The `ETag` header carries the new revision.",
    )  # fmt: skip
    router.add_api_route(
        item, delete_node, methods=["DELETE"], tags=[tag], status_code=204, responses=_PRECONDITION,
        summary=f"Delete a {noun}", operation_id=f"delete_{kind.value}",
        description="Needs the secretariat role. Deletes the node's relationships too. With `If-Match`, "
        "412 when the node has changed since that revision.",
    )  # fmt: skip


for _kind in NodeKind:
    _register(_kind)
