"""``create_app()``: the FastAPI application; its lifespan opens and closes the graph store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.concurrency import run_in_threadpool

from gxgraph import __version__
from gxgraph.api.errors import install_error_handlers
from gxgraph.api.limits import BodySizeLimit
from gxgraph.api.routes import graph, health, nodes, relationships, transfer
from gxgraph.settings import Settings, get_settings
from gxgraph.store import open_store
from gxgraph.store.base import GraphStore

DESCRIPTION = """\
Knowledge graph of an innovation ecosystem: institutions, fields, technologies, business models,
case studies, companies, countries, investors, experts, partnerships and market segments, each fact
with its provenance. Every `/v1` route needs an API key (`X-API-Key` or `Authorization: Bearer`):
reads need the viewer role, writes the secretariat role. Errors share one shape:
`{"error": {"code", "message", "details"}}`.
"""


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """Build the app; pass ``store`` to serve an already-open store (tests), else it opens its own."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = store is None
        app.state.store = store if store is not None else await run_in_threadpool(open_store, settings)
        try:
            yield
        finally:
            if owned:
                await run_in_threadpool(app.state.store.close)

    app = FastAPI(title="gxgraph", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    if store is not None:
        app.state.store = store
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.include_router(health.router)
    v1 = APIRouter(prefix="/v1")
    for module in (nodes, relationships, graph, transfer):
        v1.include_router(module.router)
    app.include_router(v1)
    return app
