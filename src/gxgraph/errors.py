"""The gxgraph error tree; the API renders every member as one JSON shape.

::

    GxGraphError                 500 internal
    ├── NotFound                 404 not_found
    ├── Conflict                 409 conflict
    ├── InvalidInput             422 invalid_input      (details: one entry per problem)
    ├── Unauthenticated          401 unauthenticated
    ├── Forbidden                403 forbidden
    ├── PayloadTooLarge          413 payload_too_large
    └── StoreUnavailable         503 store_unavailable

Store backends translate their drivers' exceptions into this tree in one place each
(``store.neo4j.translate_errors`` and ``store.falkordb.translate_errors``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar


class GxGraphError(Exception):
    """Base of every error gxgraph raises on purpose."""

    status_code: ClassVar[int] = 500
    code: ClassVar[str] = "internal"

    def __init__(self, message: str, details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []

    def to_body(self) -> dict[str, Any]:
        """The JSON error body: ``{"error": {"code", "message", "details"}}``."""
        return {"error": {"code": self.code, "message": self.message, "details": self.details}}


class NotFound(GxGraphError):
    """The named node, relationship or key does not exist."""

    status_code = 404
    code = "not_found"


class Conflict(GxGraphError):
    """The write contradicts what is stored (an id already used by another kind, a duplicate)."""

    status_code = 409
    code = "conflict"


class InvalidInput(GxGraphError):
    """The input breaks the schema; ``details`` lists every problem found."""

    status_code = 422
    code = "invalid_input"


class Unauthenticated(GxGraphError):
    """No valid API key came with the request."""

    status_code = 401
    code = "unauthenticated"


class Forbidden(GxGraphError):
    """The API key's role does not allow this operation."""

    status_code = 403
    code = "forbidden"


class PayloadTooLarge(GxGraphError):
    """The request body exceeds ``GXGRAPH_MAX_BODY_BYTES``."""

    status_code = 413
    code = "payload_too_large"


class StoreUnavailable(GxGraphError):
    """The graph store cannot be reached or failed transiently."""

    status_code = 503
    code = "store_unavailable"


def validation_details(
    errors: Iterable[Mapping[str, Any]], prefix: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """JSON-safe ``details`` from pydantic error dicts: location, message and error type only."""
    return [
        {
            "loc": [*prefix, *(str(part) for part in error.get("loc", ()))],
            "msg": str(error.get("msg")),
            "type": str(error.get("type")),
        }
        for error in errors
    ]
