"""Create, read and delete relationships, checking their endpoints against the schema."""

from __future__ import annotations

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.relationships import RelationshipBase
from gxgraph.domain.schema import REL_ENDPOINTS, endpoint_problems
from gxgraph.domain.vocabulary import utc_now
from gxgraph.errors import Conflict, InvalidInput, NotFound
from gxgraph.services.records import relationship_from_props, relationship_props
from gxgraph.store.base import GraphStore
from gxgraph.store.journal import SYSTEM, Actor


def _check_endpoints(store: GraphStore, rel_type: RelType, source: str, target: str) -> None:
    kinds = {
        node_id: NodeKind(props["kind"]) for node_id, props in store.fetch_nodes([source, target]).items()
    }
    problems = endpoint_problems(rel_type, source, target, kinds)
    if problems:
        details = [{"loc": ["body", problem.end], "msg": problem.message} for problem in problems]
        raise InvalidInput(f"{rel_type} endpoints do not fit the schema", details)


def get_relationship(store: GraphStore, rel_type: RelType, source: str, target: str) -> RelationshipBase:
    """The ``rel_type`` relationship from ``source`` to ``target``; ``NotFound`` otherwise."""
    props = store.fetch_relationships(rel_type, [(source, target)]).get((source, target))
    if props is None:
        raise NotFound(f"no {rel_type} relationship from {source!r} to {target!r}")
    return relationship_from_props(rel_type, source, target, props)


def create_relationship(store: GraphStore, rel: RelationshipBase, actor: Actor = SYSTEM) -> RelationshipBase:
    """Store a new relationship; 422 when an endpoint is missing or of the wrong kind, 409 if it exists.

    The store creates it only if it does not exist yet, in one step, so of two concurrent creates
    exactly one succeeds and the other gets the 409.
    """
    rel_type = RelType(rel.type)  # type: ignore[attr-defined]
    props = relationship_props(rel)
    props.setdefault("updated_at", utc_now())
    allowed_sources, allowed_targets = REL_ENDPOINTS[rel_type]
    kinds = (sorted(allowed_sources), sorted(allowed_targets))
    if not store.create_relationship(rel_type, rel.source_id, rel.target_id, props, kinds, actor):
        _check_endpoints(store, rel_type, rel.source_id, rel.target_id)
        raise Conflict(f"{rel_type} from {rel.source_id!r} to {rel.target_id!r} already exists")
    return relationship_from_props(rel_type, rel.source_id, rel.target_id, props)


def delete_relationship(
    store: GraphStore, rel_type: RelType, source: str, target: str, actor: Actor = SYSTEM
) -> None:
    """Delete one relationship; ``NotFound`` when absent."""
    if not store.delete_relationship(rel_type, source, target, actor):
        raise NotFound(f"no {rel_type} relationship from {source!r} to {target!r}")
