"""The gxgraph error tree; the API renders every member as one JSON shape.

::

    GxGraphError                 500 internal
    ├── NotFound                 404 not_found
    ├── Conflict                 409 conflict
    │   └── GraphChanged         409 conflict           (another write landed while an import was checked)
    ├── PreconditionFailed       412 precondition_failed (If-Match names a revision no longer stored)
    ├── InvalidInput             422 invalid_input      (details: one entry per problem)
    ├── Unauthenticated          401 unauthenticated
    ├── Forbidden                403 forbidden
    ├── PayloadTooLarge          413 payload_too_large
    │   └── TransactionTooLarge  413 transaction_too_large (Neo4j refused the import's transaction memory)
    ├── TooManyRequests          429 too_many_requests  (Retry-After: seconds until the window resets)
    ├── StoreUnavailable         503 store_unavailable  (Retry-After)
    ├── StoreTimeout             504 store_timeout      (a query passed GXGRAPH_QUERY_TIMEOUT_SECONDS)
    └── SourceUnavailable        502 source_unavailable (an external source such as OpenAlex kept failing)

Store backends translate their drivers' exceptions into this tree in one place each
(``store.neo4j.translate_errors`` and ``store.falkordb.translate_errors``). Messages that reach a client
never carry store internals (query text, socket paths, host names): those go to the log.
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


class GraphChanged(Conflict):
    """The graph version moved between checking a write and making it; nothing was written."""


class PreconditionFailed(GxGraphError):
    """The client's ``If-Match`` names a revision of the node that is no longer the stored one."""

    status_code = 412
    code = "precondition_failed"


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


class TransactionTooLarge(PayloadTooLarge):
    """The store refused one transaction for lack of memory; nothing was written."""

    code = "transaction_too_large"


class TooManyRequests(GxGraphError):
    """The key (or, without a key, the client address) used up its requests for the current window."""

    status_code = 429
    code = "too_many_requests"

    def __init__(self, message: str, retry_after_seconds: int) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds


class StoreUnavailable(GxGraphError):
    """The graph store cannot be reached or failed transiently; the client may retry later."""

    status_code = 503
    code = "store_unavailable"


class StoreTimeout(GxGraphError):
    """A store query ran past the server-side timeout and was cancelled."""

    status_code = 504
    code = "store_timeout"


class SourceUnavailable(GxGraphError):
    """An external data source (the OpenAlex API) kept failing after its retries; a run can resume."""

    status_code = 502
    code = "source_unavailable"


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
