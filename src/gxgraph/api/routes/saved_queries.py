"""Saved queries: the secretariat keeps named, parameterised reads; analysts and apps run them by name."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from gxgraph.api.deps import AnalystKey, SecretariatKey, SlugPath, StoreDep
from gxgraph.api.errors import ERROR_RESPONSES
from gxgraph.services import saved_queries
from gxgraph.services.queries import QueryResult
from gxgraph.services.saved_queries import SavedQuery, SavedQueryRun, StoredSavedQuery

router = APIRouter(prefix="/saved-queries", tags=["query"], responses=ERROR_RESPONSES)


@router.post("", status_code=201)
def create_saved_query(body: SavedQuery, store: StoreDep, caller: SecretariatKey) -> StoredSavedQuery:
    """Save a named, parameterised read (secretariat role); its plan is checked, 409 if the name is taken."""
    return saved_queries.save(store, body, caller.actor)


@router.get("")
def list_saved_queries(store: StoreDep, _: AnalystKey) -> list[StoredSavedQuery]:
    """Every saved query with its documentation and declared parameters."""
    return saved_queries.list_all(store)


@router.get("/{name}")
def get_saved_query(name: SlugPath, store: StoreDep, _: AnalystKey) -> StoredSavedQuery:
    """One saved query by name."""
    return saved_queries.get(store, name)


@router.delete("/{name}", status_code=204)
def delete_saved_query(name: SlugPath, store: StoreDep, caller: SecretariatKey) -> Response:
    """Delete a saved query (secretariat role)."""
    saved_queries.delete(store, name, caller.actor)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{name}/run")
def run_saved_query(name: SlugPath, body: SavedQueryRun, store: StoreDep, _: AnalystKey) -> QueryResult:
    """Run a saved query with values for its declared parameters, checked against their types."""
    return saved_queries.run(store, name, body)
