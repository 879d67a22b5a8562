"""The audit log: every write with its author and before/after (admin role; read-only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from gxgraph.api.deps import AdminKey, StoreDep
from gxgraph.api.errors import ERROR_RESPONSES
from gxgraph.services import audit
from gxgraph.services.audit import AuditFilter, AuditPage

router = APIRouter(prefix="/audit", tags=["audit and changes"], responses=ERROR_RESPONSES)


@router.get("")
def list_audit_entries(filters: Annotated[AuditFilter, Query()], store: StoreDep, _: AdminKey) -> AuditPage:
    """Audit entries, newest first, filtered by actor, id, operation and time (admin role)."""
    return audit.list_entries(store, filters)


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/x-ndjson": {}}}},
)
def export_audit_entries(
    filters: Annotated[AuditFilter, Query()], store: StoreDep, _: AdminKey
) -> StreamingResponse:
    """Every matching audit entry with all its changes, as JSON Lines, newest first (admin role)."""
    return StreamingResponse(
        audit.export_entries(store, filters),
        media_type="application/x-ndjson",
        headers={"Content-Disposition": 'attachment; filename="gxgraph-audit.jsonl"'},
    )
