"""The source review list: weak entity-resolution matches the connectors held for a decision."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from gxgraph.api.deps import AdminKey, SecretariatKey, StoreDep
from gxgraph.api.errors import ERROR_RESPONSES
from gxgraph.sources import review
from gxgraph.sources.review import ReviewItem, ReviewStatus

router = APIRouter(prefix="/sources", tags=["sources"], responses=ERROR_RESPONSES)
ReviewId = Annotated[str, Path(pattern=r"^rv-[0-9a-f]{16}$", description="Review pair id (rv-...).")]


@router.get("/review")
def list_review(
    store: StoreDep, _: SecretariatKey, status: ReviewStatus | None = ReviewStatus.PENDING
) -> list[ReviewItem]:
    """The review list: pending pairs by default, or those with ``status``."""
    return review.list_items(store, status)


@router.post("/review/{review_id}/accept")
def accept_review(review_id: ReviewId, store: StoreDep, caller: AdminKey) -> ReviewItem:
    """Accept a pair (admin role): the next connector run merges the organisation into the node."""
    return review.decide(store, review_id, ReviewStatus.ACCEPTED, caller.actor)


@router.post("/review/{review_id}/reject")
def reject_review(review_id: ReviewId, store: StoreDep, caller: AdminKey) -> ReviewItem:
    """Reject a pair (admin role): the next connector run loads the organisation as its own node."""
    return review.decide(store, review_id, ReviewStatus.REJECTED, caller.actor)
