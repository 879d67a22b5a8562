"""Analysts' own graph queries: any Cypher read, run read-only by the store itself.

Read-only is the store's guarantee, not a guess from the text: Neo4j runs the statement in a read
transaction and FalkorDB with ``GRAPH.RO_QUERY``, and both refuse any write. Reading files
(``LOAD CSV``) and calling procedures are refused from the store's own plan of the statement
(``REFUSED_OPERATORS``). Answers hold at most ``limit`` rows (``truncated`` says when more matched);
nodes and relationships come in the shapes the rest of the API uses.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from gxgraph.domain.storable import StorableModel
from gxgraph.errors import InvalidInput
from gxgraph.services.records import public_props
from gxgraph.store.base import (
    REFUSED_OPERATORS,
    FoundNode,
    FoundPath,
    FoundRelationship,
    GraphStore,
)

MAX_ROWS = 10_000
ENTITY_LABEL = "Entity"
_OPERATOR_NAMES = {"LoadCSV": "LOAD CSV", "ProcedureCall": "procedure calls (CALL ...)"}

ParameterName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")]


class QueryRequest(StorableModel):
    """A read-only Cypher statement with its parameters."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    statement: str = Field(
        min_length=1,
        max_length=20_000,
        description="A Cypher read (MATCH ... RETURN ...). Pass values as $parameters, not in the text.",
    )
    parameters: dict[ParameterName, Any] = Field(
        default_factory=dict, description="Values for the statement's $parameters (JSON values)."
    )
    limit: int = Field(default=1000, ge=1, le=MAX_ROWS, description="Most rows returned.")


class QueryResult(BaseModel):
    """The rows of an analyst query, with the graph version they were read at."""

    columns: list[str]
    rows: list[list[Any]] = Field(
        description="Values by column. A node is its properties (as in GET /v1/nodes/{id}); a relationship "
        "is {type, from, to, properties}; a path is {nodes, relationships, length}."
    )
    truncated: bool = Field(description="True when more rows matched than `limit`.")
    graph_version: int


def refuse_unsafe_plans(store: GraphStore, request: QueryRequest) -> None:
    """InvalidInput when the store's plan of the statement reads files or calls procedures (or when
    the store cannot plan it at all); nothing is run."""
    refused = store.plan_operators(request.statement, request.parameters) & REFUSED_OPERATORS
    if refused:
        names = ", ".join(sorted(_OPERATOR_NAMES[name] for name in refused))
        detail = {"loc": ["body", "statement"], "msg": f"uses {names}", "type": "refused_operator"}
        raise InvalidInput(f"/v1/query does not allow {names}", [detail])


def run_query(store: GraphStore, request: QueryRequest) -> QueryResult:
    """Run an analyst's statement read-only, after checking its plan uses no refused operator."""
    refuse_unsafe_plans(store, request)
    version = store.graph_version()
    found = store.read_only_query(request.statement, request.parameters, request.limit)
    rows = [[shaped(value) for value in row] for row in found.rows]
    return QueryResult(columns=found.columns, rows=rows, truncated=found.truncated, graph_version=version)


def shaped(value: Any) -> Any:
    """A value from the store in the API's shapes. Nodes that are not graph entities (API key records,
    the graph's version counter) are shown by label only."""
    if isinstance(value, FoundNode):
        if ENTITY_LABEL not in value.labels:
            return {"label": ",".join(value.labels), "internal": True}
        return public_props(value.props)
    if isinstance(value, FoundRelationship):
        return {
            "type": value.type,
            "from": value.from_id,
            "to": value.to_id,
            "properties": public_props(value.props),
        }
    if isinstance(value, FoundPath):
        return {
            "nodes": [shaped(node) for node in value.nodes],
            "relationships": [shaped(rel) for rel in value.relationships],
            "length": len(value.relationships),
        }
    if isinstance(value, list):
        return [shaped(item) for item in value]
    if isinstance(value, dict):
        return {key: shaped(item) for key, item in value.items()}
    return value
