"""Liveness and readiness probes (no API key needed)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from gxgraph.api.deps import StoreDep
from gxgraph.errors import GxGraphError

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "The store is unreachable."}})
def readyz(store: StoreDep) -> JSONResponse:
    """The graph store answers."""
    try:
        store.ping()
    except GxGraphError as exc:
        return JSONResponse(status_code=503, content=exc.to_body())
    return JSONResponse({"status": "ready", "backend": store.backend})
