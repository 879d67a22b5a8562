"""ASGI middleware that refuses query strings carrying text no store can hold, before any route runs.

Route parameters are validated one by one by their own models; what they have in common is that
every string ends up as a store query parameter, where a NUL or a lone surrogate makes the store fail
(a 500). One check here covers every parameter of every route, with the domain's own rule.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Receive, Scope, Send

from gxgraph.api.errors import error_response
from gxgraph.domain.storable import storable_problem
from gxgraph.errors import InvalidInput


class QueryTextGuard:
    """422 in the error shape for a query parameter name or value a store cannot hold."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            query = scope["query_string"].decode("latin-1")
            details = [
                {"loc": ["query", name], "msg": problem, "type": "value_error"}
                for name, value in parse_qsl(query, keep_blank_values=True)
                if (problem := storable_problem(name) or storable_problem(value))
            ]
            if details:
                message = "a query parameter holds text the graph cannot store"
                await error_response(422, InvalidInput.code, message, details)(scope, receive, send)
                return
        await self.app(scope, receive, send)
