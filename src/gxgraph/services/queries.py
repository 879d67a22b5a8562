"""Analysts' own graph queries: any Cypher read, run read-only by the store itself.

Read-only is the store's guarantee, not a guess from the text: Neo4j runs the statement in a read
transaction and FalkorDB with ``GRAPH.RO_QUERY``, and both refuse any write. Reading files
(``LOAD CSV``) and calling procedures are refused from the store's own plan of the statement
(``REFUSED_OPERATORS``). Answers hold at most ``limit`` rows (``truncated`` says when more matched);
nodes and relationships come in the shapes the rest of the API uses.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from gxgraph.domain.storable import StorableModel
from gxgraph.errors import GxGraphError, InvalidInput
from gxgraph.services.records import public_props
from gxgraph.store.base import (
    REFUSED_OPERATORS,
    FoundNode,
    FoundPath,
    FoundRelationship,
    GraphStore,
)

MAX_ROWS = 10_000
"""Most rows of a JSON answer, which is built whole before it is sent."""
MAX_STREAMED_ROWS = 1_000_000
"""Most rows of a JSON Lines answer, sent as they are read."""
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
    limit: int = Field(
        default=1000,
        ge=1,
        le=MAX_STREAMED_ROWS,
        description=f"Most rows returned: at most {MAX_ROWS:,} as JSON, {MAX_STREAMED_ROWS:,} as JSON Lines.",
    )


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
    if request.limit > MAX_ROWS:
        detail = {"loc": ["body", "limit"], "msg": f"at most {MAX_ROWS} as JSON", "type": "less_than_equal"}
        raise InvalidInput(
            f"a JSON answer holds at most {MAX_ROWS:,} rows; ask for JSON Lines "
            "(Accept: application/x-ndjson) for more",
            [detail],
        )
    refuse_unsafe_plans(store, request)
    version = store.graph_version()
    found = store.read_only_query(request.statement, request.parameters, request.limit)
    rows = [[shaped(value) for value in row] for row in found.rows]
    return QueryResult(columns=found.columns, rows=rows, truncated=found.truncated, graph_version=version)


def stream_query(store: GraphStore, request: QueryRequest) -> Iterator[str]:
    """The answer as JSON Lines: ``{"columns", "graph_version"}``, then one JSON array per row, then
    ``{"truncated", "rows"}``. The plan check and the first chunk of rows are read before this returns,
    so a refused or failing statement is still an error answer; an error after that (the timeout) ends
    the stream with the error body as its last line instead of the trailer."""
    refuse_unsafe_plans(store, request)
    version = store.graph_version()
    chunks = store.stream_query(request.statement, request.parameters, request.limit)
    first = next(chunks)

    def lines() -> Iterator[str]:
        yield _line({"columns": first.columns, "graph_version": version})
        count, truncated = 0, False
        try:
            for chunk in itertools.chain([first], chunks):
                count += len(chunk.rows)
                truncated = chunk.truncated
                yield "".join(_line([shaped(value) for value in row]) for row in chunk.rows)
        except GxGraphError as exc:
            yield _line(exc.to_body())
            return
        yield _line({"truncated": truncated, "rows": count})

    return lines()


def _line(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


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
