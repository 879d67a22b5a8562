"""``create_app()``: the FastAPI application; its lifespan opens and closes the graph store."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.staticfiles import StaticFiles

from gxgraph import __version__
from gxgraph.analyses import ANALYSES
from gxgraph.analyses.spec import precompute
from gxgraph.api.auth import AuthenticateFirst
from gxgraph.api.deadline import RequestDeadline
from gxgraph.api.errors import install_error_handlers
from gxgraph.api.limits import BodySizeLimit
from gxgraph.api.query_guard import QueryTextGuard
from gxgraph.api.ratelimit import RateLimit
from gxgraph.api.routes import (
    analytics,
    audit,
    changes,
    docs,
    graph,
    health,
    nodes,
    query,
    relationships,
    reports,
    saved_queries,
    sources,
    transfer,
)
from gxgraph.errors import GxGraphError
from gxgraph.services.keys import KeyCache
from gxgraph.services.projection import ProjectionCache
from gxgraph.settings import Settings, get_settings
from gxgraph.store import open_store
from gxgraph.store.base import GraphStore
from gxgraph.web import mount_explorer

log = logging.getLogger("gxgraph.api")

DESCRIPTION = """\
Knowledge graph of an innovation ecosystem: institutions, fields, technologies, business models,
case studies, companies, countries, investors, experts, partnerships and market segments, each fact
with its provenance. Every `/v1` route needs an API key (`X-API-Key` or `Authorization: Bearer`):
reads need the viewer role, writes the secretariat role. Errors share one shape:
`{"error": {"code", "message", "details"}}`.
"""


def _warm(cache: ProjectionCache) -> None:
    try:
        cache.get()
    except GxGraphError as exc:  # the first analytic request will build it, or report the failure
        log.warning("analytics projection not warmed: %s", exc.message)


def _projections(store: GraphStore, settings: Settings) -> ProjectionCache:
    """The projection cache; with warm analytics, heavy analyses are precomputed on each projection."""
    return ProjectionCache(store, on_build=precompute(ANALYSES) if settings.warm_analytics else None)


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """Build the app; pass ``store`` to serve an already-open store (tests), else it opens its own."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = store is None
        app.state.store = store if store is not None else await run_in_threadpool(open_store, settings)
        app.state.projections = _projections(app.state.store, settings)
        if settings.warm_analytics:
            threading.Thread(
                target=_warm, args=(app.state.projections,), name="warm-analytics", daemon=True
            ).start()
        try:
            yield
        finally:
            if owned:
                await run_in_threadpool(app.state.store.close)

    # The interactive docs are where users paste keys: their assets come from this server, not a CDN.
    app = FastAPI(
        title="gxgraph",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        # Operation ids become method names in generated clients: the handler's name, not a path mangle.
        generate_unique_id_function=lambda route: route.name,
    )
    app.mount("/static", StaticFiles(packages=[("gxgraph.api", "static")]), name="static")
    app.include_router(docs.router)
    app.state.settings = settings
    app.state.api_keys = KeyCache(settings.api_key_cache_seconds)
    if store is not None:
        app.state.store = store
        app.state.projections = _projections(store, settings)
    install_error_handlers(app)
    app.add_middleware(
        BodySizeLimit, max_bytes=settings.max_body_bytes, by_path={"/v1/import": settings.max_import_bytes}
    )
    app.add_middleware(RequestDeadline, seconds=settings.request_deadline_seconds)
    app.add_middleware(QueryTextGuard)
    app.add_middleware(RateLimit)  # runs right after AuthenticateFirst: it needs the key
    app.add_middleware(AuthenticateFirst)  # added last, so it runs first
    app.include_router(health.router)
    v1 = APIRouter(prefix="/v1")
    routers = (
        nodes,
        relationships,
        graph,
        transfer,
        query,
        saved_queries,
        analytics,
        reports,
        audit,
        changes,
        sources,
    )
    for module in routers:
        v1.include_router(module.router)
    app.include_router(v1)
    mount_explorer(app)  # the pages for people, at / (gxgraph.web)
    return app
