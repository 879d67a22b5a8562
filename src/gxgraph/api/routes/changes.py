"""The change feed: what changed in the graph after a version, for client apps that keep a copy."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from gxgraph.api.deps import StoreDep, ViewerKey
from gxgraph.api.errors import ERROR_RESPONSES
from gxgraph.services.changes import ChangeFeed, FeedRequest, read_feed

router = APIRouter(prefix="/changes", tags=["audit and changes"], responses=ERROR_RESPONSES)


@router.get("")
def list_changes(page: Annotated[FeedRequest, Query()], store: StoreDep, _: ViewerKey) -> ChangeFeed:
    """Graph changes after version `since`, deletions included, oldest first; follow `next_cursor`."""
    return read_feed(store, page)
