"""ASGI middleware that answers a read which has not started its response by a deadline with 504.

Store timeouts are enforced by the store server; a server that hangs (paused, partitioned, swapping)
enforces nothing, and the driver then waits on its socket without end. This bounds what a client
waits whatever the store does. Only reads (GET, HEAD) other than the whole-graph export are cut: a
write cut short could still commit, and its client would be told it failed. The abandoned handler
runs on in its thread and its output is dropped.
"""

from __future__ import annotations

import asyncio
import logging

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gxgraph.api.errors import gxgraph_error_response
from gxgraph.errors import StoreTimeout

log = logging.getLogger("gxgraph.api")
_READS = frozenset({"GET", "HEAD"})
_UNBOUNDED = ("/v1/export",)
"""Reads whose size grows with the graph; a client asks for them knowing they take time."""


def _retrieve(task: asyncio.Future[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("a request abandoned at its deadline failed later: %s", task.exception())


class RequestDeadline:
    """504 for a read whose response has not started within ``seconds``."""

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in _READS
            or not scope["path"].startswith("/v1/")
            or scope["path"].startswith(_UNBOUNDED)
        ):
            await self.app(scope, receive, send)
            return
        started = asyncio.Event()
        abandoned = False

        async def guarded_send(message: Message) -> None:
            if abandoned:
                return
            if message["type"] == "http.response.start":
                started.set()
            await send(message)

        handler = asyncio.ensure_future(self.app(scope, receive, guarded_send))
        response_started = asyncio.ensure_future(started.wait())
        done, _ = await asyncio.wait(
            {handler, response_started}, timeout=self.seconds, return_when=asyncio.FIRST_COMPLETED
        )
        response_started.cancel()
        if done:
            await handler
            return
        abandoned = True
        handler.add_done_callback(_retrieve)
        error = StoreTimeout(f"the request did not finish within {self.seconds:g} s; try again later")
        await gxgraph_error_response(Request(scope), error)(scope, receive, send)
