"""Nodes: a collection per kind (list, get, create, patch, delete) and kind-agnostic lookups."""

# FastAPI reads these handlers' annotations at runtime; they name per-kind models built in a loop,
# so they must stay real objects rather than postponed strings.
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Response, status
from pydantic import BaseModel

from gxgraph.api.deps import NodeId, SecretariatKey, StoreDep, ViewerKey
from gxgraph.api.errors import ERROR_RESPONSES
from gxgraph.api.models import FilterBase, Page, filter_model, update_model
from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.nodes import Node, NodeBase
from gxgraph.domain.schema import NODE_MODELS
from gxgraph.services import graph, nodes
from gxgraph.store.base import Direction

router = APIRouter(responses=ERROR_RESPONSES)


@router.get("/nodes/{node_id}", tags=["graph"], response_model=Node)
def get_any_node(node_id: NodeId, store: StoreDep, _: ViewerKey) -> Any:
    """Get a node of any kind by id."""
    return nodes.get_node(store, node_id)


@router.get("/nodes/{node_id}/neighbors", tags=["graph"])
def get_neighbors(
    node_id: NodeId,
    store: StoreDep,
    _: ViewerKey,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    direction: Direction = Direction.BOTH,
    rel_type: Annotated[list[RelType] | None, Query(description="Follow only these types.")] = None,
    kind: Annotated[list[NodeKind] | None, Query(description="Return only these kinds.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> graph.Neighborhood:
    """Nodes within 1-3 hops of a node, each with the relationships that reach it."""
    return graph.neighbors(
        store, node_id, depth=depth, direction=direction, rel_types=rel_type, kinds=kind, limit=limit
    )


def _register(kind: NodeKind) -> None:
    model = NODE_MODELS[kind]
    filters = filter_model(kind)
    update = update_model(kind)
    tag = kind.plural.replace("_", " ")
    collection, item = f"/{kind.plural}", f"/{kind.plural}/{{node_id}}"

    def list_nodes(store: StoreDep, _: ViewerKey, params: FilterBase) -> Any:
        page = nodes.list_nodes(store, kind, params.to_request(kind))
        return {"items": page.items, "total": page.total, "next_cursor": page.next_cursor}

    def get_node(node_id: NodeId, store: StoreDep, _: ViewerKey) -> Any:
        return nodes.get_node(store, node_id, kind)

    def create_node(body: NodeBase, store: StoreDep, _: SecretariatKey) -> Any:
        return nodes.create_node(store, body)

    def patch_node(node_id: NodeId, body: BaseModel, store: StoreDep, _: SecretariatKey) -> Any:
        return nodes.update_node(store, kind, node_id, body.model_dump(mode="json", exclude_unset=True))

    # The generic annotations above keep mypy exact; FastAPI reads these per-kind ones instead.
    list_nodes.__annotations__["params"] = Annotated[filters, Query()]
    create_node.__annotations__["body"] = Annotated[model, Body()]
    patch_node.__annotations__["body"] = Annotated[update, Body()]

    def delete_node(node_id: NodeId, store: StoreDep, _: SecretariatKey) -> Response:
        nodes.delete_node(store, kind, node_id)
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
    )  # fmt: skip
    router.add_api_route(
        collection, create_node, methods=["POST"], tags=[tag], response_model=model, status_code=201,
        summary=f"Create a {noun}", operation_id=f"create_{kind.value}",
        description="Needs the secretariat role. 409 when the id is taken by any node.",
    )  # fmt: skip
    router.add_api_route(
        item, patch_node, methods=["PATCH"], tags=[tag], response_model=model,
        summary=f"Update a {noun}", operation_id=f"update_{kind.value}",
        description="Needs the secretariat role. Only the fields sent change; the result is re-validated.",
    )  # fmt: skip
    router.add_api_route(
        item, delete_node, methods=["DELETE"], tags=[tag], status_code=204,
        summary=f"Delete a {noun}", operation_id=f"delete_{kind.value}",
        description="Needs the secretariat role. Deletes the node's relationships too.",
    )  # fmt: skip


for _kind in NodeKind:
    _register(_kind)
