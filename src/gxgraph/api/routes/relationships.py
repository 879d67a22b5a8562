"""Relationships: create, read and delete one by its type and endpoints."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Response, status

from gxgraph.api.deps import NodeId, SecretariatKey, StoreDep, ViewerKey
from gxgraph.api.errors import ERROR_RESPONSES
from gxgraph.domain.kinds import RelType
from gxgraph.domain.relationships import Relationship, RelationshipBase
from gxgraph.services import relationships

router = APIRouter(prefix="/relationships", tags=["relationships"], responses=ERROR_RESPONSES)


@router.post("", status_code=201, response_model=Relationship, response_model_by_alias=True)
def create_relationship(
    body: Annotated[Relationship, Body()], store: StoreDep, caller: SecretariatKey
) -> Any:
    """Create a relationship between two existing nodes (secretariat role)."""
    return relationships.create_relationship(store, body, caller.actor)


@router.get("/{rel_type}/{from_id}/{to_id}", response_model=Relationship, response_model_by_alias=True)
def get_relationship(
    rel_type: RelType, from_id: NodeId, to_id: NodeId, store: StoreDep, _: ViewerKey
) -> RelationshipBase:
    """Get one relationship by type and endpoints."""
    return relationships.get_relationship(store, rel_type, from_id, to_id)


@router.delete("/{rel_type}/{from_id}/{to_id}", status_code=204)
def delete_relationship(
    rel_type: RelType, from_id: NodeId, to_id: NodeId, store: StoreDep, caller: SecretariatKey
) -> Response:
    """Delete one relationship (secretariat role)."""
    relationships.delete_relationship(store, rel_type, from_id, to_id, caller.actor)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
