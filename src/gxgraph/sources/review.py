"""The review list: weak entity-resolution matches waiting for the secretariat's decision.

A connector that meets an organisation whose name is similar to, but not the same as, a node's (see
:mod:`gxgraph.sources.resolution`) records the pair here and holds the organisation back. An admin
accepts (the next run merges it into the node) or rejects (the next run creates it as its own node);
decisions live in the graph store, so every later run, on any machine using the store, follows them.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from pydantic import BaseModel, Field

from gxgraph.domain.vocabulary import utc_now
from gxgraph.errors import InvalidInput, NotFound
from gxgraph.sources.resolution import Incoming, Resolution
from gxgraph.store.base import GraphStore
from gxgraph.store.journal import Actor

__all__ = ["ReviewItem", "ReviewStatus", "decide", "list_items", "pending_row"]


class ReviewStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class ReviewItem(BaseModel):
    """One weak match: an organisation from a source and the node it may be."""

    review_id: str = Field(description="Stable id of the pair (incoming id, candidate node id).")
    status: ReviewStatus
    source: str = Field(description="The connector that met the pair: openalex, patents or csv.")
    incoming_key: str = Field(description="The organisation's id in its source (scheme:value).")
    incoming_name: str
    incoming_country: str | None = None
    candidate_id: str = Field(description="The node it may be.")
    candidate_name: str
    score: float = Field(description="Name similarity 0-1 (gxgraph.sources.resolution.similarity).")
    first_seen: str | None = None
    last_seen: str | None = None
    decided_by: str | None = None
    decided_at: str | None = None


def pending_row(source: str, incoming: Incoming, resolution: Resolution) -> dict[str, object]:
    """The stored form of a weak match met by ``source`` (``record_review_items`` takes a list)."""
    if resolution.review_id is None or resolution.candidate is None:
        raise ValueError("only a resolution with a candidate goes to the review list")
    return {
        "review_id": resolution.review_id,
        "source": source,
        "incoming_key": incoming.key,
        "incoming_name": incoming.name,
        "incoming_country": incoming.country or "",
        "candidate_id": resolution.candidate.id,
        "candidate_name": " / ".join(resolution.candidate.names),
        "score": round(resolution.score, 3),
        "seen_at": utc_now(),
    }


def _item(props: dict[str, object]) -> ReviewItem:
    data = {key: value for key, value in props.items() if value not in (None, "")}
    return ReviewItem.model_validate(data)


def list_items(store: GraphStore, status: ReviewStatus | None = None) -> list[ReviewItem]:
    """The review list, or its pairs with ``status``."""
    return [_item(props) for props in store.list_review_items(status.value if status else None)]


def decide(store: GraphStore, review_id: str, status: ReviewStatus, actor: Actor) -> ReviewItem:
    """Accept or reject pair ``review_id`` as ``actor``; a later decision replaces an earlier one."""
    if status is ReviewStatus.PENDING:
        raise InvalidInput("a decision is accepted or rejected")
    decided_by = f"{actor.name} ({actor.key_id})"
    props = store.decide_review_item(review_id, status.value, decided_by, utc_now(), actor)
    if props is None:
        raise NotFound(f"no review pair {review_id!r}")
    return _item(props)


def record(store: GraphStore, rows: Iterable[dict[str, object]]) -> dict[str, str]:
    """Store weak matches met by a run (new ones pending, known ones keep their decision)."""
    unique = {str(row["review_id"]): row for row in rows}
    return store.record_review_items([unique[key] for key in sorted(unique)])
