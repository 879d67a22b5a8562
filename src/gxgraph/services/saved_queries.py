"""Saved queries: named, documented, parameterised Cypher reads the secretariat keeps for everyone.

A saved query declares its parameters with types; a run validates the values given against those
declarations (with the same error shape as every other input) and then runs like any analyst query
(:mod:`gxgraph.services.queries`): read-only, files and procedures refused. A statement is checked
against the store's plan when it is saved, so a saved query that cannot run is refused at once.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    create_model,
    model_validator,
)

from gxgraph.domain.nodes import Slug
from gxgraph.domain.storable import StorableModel
from gxgraph.domain.vocabulary import utc_now
from gxgraph.errors import Conflict, InvalidInput, NotFound, validation_details
from gxgraph.services.queries import (
    MAX_ROWS,
    ParameterName,
    QueryRequest,
    QueryResult,
    refuse_unsafe_plans,
    run_query,
)
from gxgraph.store.base import GraphStore
from gxgraph.store.journal import SYSTEM, Actor


class ParameterType(StrEnum):
    """The types a saved query's parameter may declare."""

    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    STRING_LIST = "string[]"


_PYTHON_TYPES: dict[ParameterType, Any] = {
    ParameterType.STRING: str,
    ParameterType.INTEGER: int,
    ParameterType.NUMBER: float,
    ParameterType.BOOLEAN: bool,
    ParameterType.STRING_LIST: list[str],
}
# Values the plan check binds to parameters without a default: any value of the right type will do.
_PLACEHOLDERS: dict[ParameterType, Any] = {
    ParameterType.STRING: "",
    ParameterType.INTEGER: 0,
    ParameterType.NUMBER: 0.0,
    ParameterType.BOOLEAN: False,
    ParameterType.STRING_LIST: [],
}


class SavedQueryParameter(BaseModel):
    """One declared parameter of a saved query."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    name: ParameterName
    type: ParameterType
    description: str = Field(default="", max_length=500)
    default: Any = Field(default=None, description="Used when a run gives no value; none: required.")

    @model_validator(mode="after")
    def _default_has_the_type(self) -> SavedQueryParameter:
        if self.default is not None:
            _arguments_model([self]).model_validate({self.name: self.default})
        return self


class SavedQuery(StorableModel):
    """A named, documented, parameterised read-only Cypher statement."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    name: Slug
    title: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=5000)
    statement: str = Field(min_length=1, max_length=20_000)
    parameters: list[SavedQueryParameter] = Field(default_factory=list, max_length=50)
    limit: int = Field(default=1000, ge=1, le=MAX_ROWS, description="Rows a run returns unless it asks.")

    @model_validator(mode="after")
    def _names_are_unique(self) -> SavedQuery:
        names = [parameter.name for parameter in self.parameters]
        if len(names) != len(set(names)):
            raise ValueError("parameter names must be unique")
        return self


class StoredSavedQuery(SavedQuery):
    """A saved query as stored: who saved it and when."""

    created_at: str
    created_by: str


class SavedQueryRun(BaseModel):
    """The values for one run of a saved query."""

    model_config = ConfigDict(extra="forbid")

    parameters: dict[str, Any] = Field(default_factory=dict)
    limit: int | None = Field(default=None, ge=1, le=MAX_ROWS)


def _arguments_model(parameters: list[SavedQueryParameter]) -> type[BaseModel]:
    # Fields by position, each aliased to its parameter's name: a Cypher parameter may be named like
    # `_from`, which pydantic would take for a private attribute rather than a field.
    fields: dict[str, Any] = {
        f"p{number}": (
            _PYTHON_TYPES[parameter.type],
            Field(default=parameter.default if parameter.default is not None else ..., alias=parameter.name),
        )
        for number, parameter in enumerate(parameters)
    }
    config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)
    return create_model("SavedQueryArguments", __config__=config, **fields)


def _arguments(saved: SavedQuery, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` checked against the declared parameters, defaults filled in."""
    model = _arguments_model(saved.parameters)
    # JSON has one number type: an integer is a fine value for a number parameter.
    numbers = {p.name for p in saved.parameters if p.type is ParameterType.NUMBER}
    given = {key: float(v) if key in numbers and type(v) is int else v for key, v in values.items()}
    try:
        return model.model_validate(given).model_dump(by_alias=True)
    except ValidationError as exc:
        details = validation_details(exc.errors(include_url=False), ("body", "parameters"))
        raise InvalidInput(f"the parameters do not match saved query {saved.name!r}", details) from exc


def _record(saved: SavedQuery, created_by: str) -> dict[str, Any]:
    record = saved.model_dump(mode="json")
    record["parameters"] = json.dumps(record["parameters"], ensure_ascii=False)
    return record | {"created_at": utc_now(), "created_by": created_by}


def _stored(record: dict[str, Any]) -> StoredSavedQuery:
    return StoredSavedQuery.model_validate(record | {"parameters": json.loads(record["parameters"])})


def save(store: GraphStore, saved: SavedQuery, actor: Actor) -> StoredSavedQuery:
    """Store a new saved query after checking its plan (nothing is run); Conflict when the name is taken."""
    placeholders = {
        p.name: p.default if p.default is not None else _PLACEHOLDERS[p.type] for p in saved.parameters
    }
    # The same checks a run makes, on the store's plan only (nothing is executed).
    refuse_unsafe_plans(store, QueryRequest(statement=saved.statement, parameters=placeholders, limit=1))
    record = _record(saved, f"{actor.name} ({actor.key_id})")
    if not store.create_saved_query(record, actor):
        raise Conflict(f"a saved query named {saved.name!r} exists; delete it first to replace it")
    return _stored(record)


def get(store: GraphStore, name: str) -> StoredSavedQuery:
    """The saved query ``name``; NotFound otherwise."""
    record = store.fetch_saved_query(name)
    if record is None:
        raise NotFound(f"no saved query named {name!r}")
    return _stored(record)


def list_all(store: GraphStore) -> list[StoredSavedQuery]:
    """Every saved query, by name."""
    return [_stored(record) for record in store.list_saved_queries()]


def delete(store: GraphStore, name: str, actor: Actor = SYSTEM) -> None:
    """Delete the saved query ``name``; NotFound otherwise."""
    if not store.delete_saved_query(name, actor):
        raise NotFound(f"no saved query named {name!r}")


def run(store: GraphStore, name: str, values: SavedQueryRun) -> QueryResult:
    """Run the saved query ``name`` with ``values`` checked against its declared parameters."""
    saved = get(store, name)
    arguments = _arguments(saved, values.parameters)
    request = QueryRequest(statement=saved.statement, parameters=arguments, limit=values.limit or saved.limit)
    return run_query(store, request)
