"""ASGI middleware that limits each API key (and each keyless client address) to N requests a window.

The count lives in the graph store, not in process memory, so every uvicorn worker (and every
server process over the same store) counts against the same limit: on the embedded FalkorDB an
``INCR`` of a redis key beside the graph, on Neo4j one ``MERGE``/``SET`` of a ``RateWindow`` node
outside the graph (``GraphStore.hit_rate_window``). Windows are fixed (``GXGRAPH_RATE_LIMIT_WINDOW_
SECONDS``, default 60): a client can spend its limit at the end of one window and again at the start
of the next, the price of one counter per key instead of a log of timestamps. Requests refused with
429 still count, so a client that keeps hammering stays refused until the window ends, which is what
``Retry-After`` says.

Only ``/v1`` requests are limited: health probes, static files and the explorer's pages are not. The
middleware runs just after ``AuthenticateFirst``, so it knows the key and its role, and before
anything reads the body. A request without a key (served as ``GXGRAPH_ANONYMOUS_ROLE``) is counted
per client address, as uvicorn reports it (behind a proxy, run uvicorn with ``--proxy-headers`` and
``--forwarded-allow-ips`` so that is the client's address, not the proxy's).
"""

from __future__ import annotations

import math
import time

from fastapi.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from gxgraph.api.auth import PROTECTED_PREFIX, STATE_KEY
from gxgraph.api.errors import gxgraph_error_response
from gxgraph.domain.vocabulary import Role
from gxgraph.errors import GxGraphError, TooManyRequests
from gxgraph.services.keys import ApiKeyInfo
from gxgraph.settings import Settings
from gxgraph.store.base import GraphStore

ANONYMOUS_KEY_ID = "anonymous"
"""The ``key_id`` ``services.keys.authenticate`` gives a request that sent no key."""


def limit_of(key: ApiKeyInfo, settings: Settings) -> int:
    """Requests per window allowed to ``key`` (0: unlimited)."""
    if key.key_id == ANONYMOUS_KEY_ID:
        return settings.rate_limit_anonymous
    return {
        Role.VIEWER: settings.rate_limit_viewer,
        Role.ANALYST: settings.rate_limit_analyst,
        Role.SECRETARIAT: settings.rate_limit_secretariat,
        Role.ADMIN: settings.rate_limit_admin,
    }[key.role]


def counted_as(key: ApiKeyInfo, scope: Scope) -> str:
    """Whose counter a request adds to: its key's, or without a key its client address's."""
    if key.key_id == ANONYMOUS_KEY_ID:
        client = scope.get("client")
        return f"address:{client[0] if client else 'unknown'}"
    return f"key:{key.key_id}"


class RateLimit:
    """429 with ``Retry-After`` once a key (or keyless address) has used its requests for the window."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = scope.get("state", {}).get(STATE_KEY)
        if scope["type"] != "http" or not scope["path"].startswith(PROTECTED_PREFIX) or key is None:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        settings: Settings = request.app.state.settings
        limit = limit_of(key, settings)
        if limit:
            store: GraphStore = request.app.state.store
            window = settings.rate_limit_window_seconds
            now = time.time()
            window_start = int(now // window) * window
            try:
                hits = await run_in_threadpool(
                    store.hit_rate_window, counted_as(key, scope), window_start, window
                )
                if hits > limit:
                    raise TooManyRequests(
                        f"more than {limit} requests in {window} s; try again when the window ends",
                        retry_after_seconds=max(1, math.ceil(window_start + window - now)),
                    )
            except GxGraphError as exc:
                await gxgraph_error_response(request, exc)(scope, receive, send)
                return
        await self.app(scope, receive, send)
