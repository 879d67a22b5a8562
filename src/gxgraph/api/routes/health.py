"""Liveness and readiness probes (no API key needed)."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from gxgraph.api.deps import SettingsDep, StoreDep
from gxgraph.api.errors import gxgraph_error_response
from gxgraph.errors import GxGraphError, StoreUnavailable

router = APIRouter(tags=["health"])


# Both probes are coroutines so they never queue behind store calls in the thread pool: a probe that
# waits for a busy pool would report a healthy process as dead.
@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "The store is unreachable."}})
async def readyz(request: Request, store: StoreDep, settings: SettingsDep) -> JSONResponse:
    """The graph store answers."""
    try:
        await asyncio.wait_for(run_in_threadpool(store.ping), settings.store_connect_timeout_seconds + 1)
    except TimeoutError:
        return gxgraph_error_response(request, StoreUnavailable("the graph store did not answer in time"))
    except StoreUnavailable as exc:
        return gxgraph_error_response(request, exc)
    except GxGraphError:
        return gxgraph_error_response(request, StoreUnavailable("the graph store is not ready"))
    return JSONResponse({"status": "ready", "backend": store.backend})
