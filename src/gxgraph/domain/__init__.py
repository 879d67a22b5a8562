"""The domain vocabulary: node and relationship models, enumerations and the schema."""

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.nodes import Node, NodeBase
from gxgraph.domain.relationships import Relationship, RelationshipBase
from gxgraph.domain.schema import NODE_MODELS, REL_ENDPOINTS, REL_MODELS

__all__ = [
    "NODE_MODELS",
    "REL_ENDPOINTS",
    "REL_MODELS",
    "Node",
    "NodeBase",
    "NodeKind",
    "RelType",
    "Relationship",
    "RelationshipBase",
]
