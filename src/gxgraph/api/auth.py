"""ASGI middleware that authenticates ``/v1`` requests before anything reads their body.

FastAPI reads and parses a request body before it resolves dependencies, so a key check written as
a dependency lets an anonymous client make the server read and parse 60 MB first. Here the key is
checked from the headers alone; the record found goes into the request state, where the ``deps``
role checks read it. An active key read lately is checked against the process's ``KeyCache``
(``app.state.api_keys``) without a thread-pool hop or a store round trip. A request from the web
explorer without a key header is authenticated by its session cookie instead
(``gxgraph.web.sessions``), and its writes must carry the session's CSRF token.
"""

from __future__ import annotations

from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from gxgraph.api.errors import gxgraph_error_response
from gxgraph.domain.vocabulary import Role
from gxgraph.errors import GxGraphError
from gxgraph.services.keys import ApiKeyInfo, KeyCache, authenticate
from gxgraph.settings import Settings
from gxgraph.store.base import GraphStore
from gxgraph.web.sessions import CSRF_HEADER, SAFE_METHODS, check_csrf, current_session, session_key

PROTECTED_PREFIX = "/v1/"
STATE_KEY = "api_key"


def presented_key(headers: Headers) -> str | None:
    """The API key from ``X-API-Key`` or ``Authorization: Bearer``, if any."""
    key = headers.get("x-api-key")
    if key:
        return key
    scheme, _, credentials = headers.get("authorization", "").partition(" ")
    return credentials.strip() or None if scheme.lower() == "bearer" else None


class AuthenticateFirst:
    """401 (or 503 when the store is down) from the headers alone, before the body is received."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(PROTECTED_PREFIX):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        settings: Settings = request.app.state.settings
        store: GraphStore = request.app.state.store
        anonymous = Role(settings.anonymous_role) if settings.anonymous_role else None
        presented = presented_key(request.headers)
        # A key in the headers wins; the cookie speaks only for a browser that sent no key.
        session = current_session(request) if presented is None else None
        try:
            if session is not None:
                if request.method not in SAFE_METHODS:
                    check_csrf(session, request.headers.get(CSRF_HEADER))
                key: ApiKeyInfo = await run_in_threadpool(session_key, store, session)
            else:
                cache: KeyCache = request.app.state.api_keys
                if cache.holds(presented):
                    key = authenticate(store, presented, anonymous, cache)
                else:
                    key = await run_in_threadpool(authenticate, store, presented, anonymous, cache)
        except GxGraphError as exc:
            await gxgraph_error_response(request, exc)(scope, receive, send)
            return
        scope.setdefault("state", {})[STATE_KEY] = key
        await self.app(scope, receive, send)
