"""ASGI middleware that refuses request bodies over the configured size, before they are read whole."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gxgraph.api.errors import error_response
from gxgraph.errors import PayloadTooLarge


class BodySizeLimit:
    """413 for a declared ``Content-Length`` over the limit; a streamed body is cut off when it passes it."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", ()))
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            response = error_response(
                413, PayloadTooLarge.code, f"the body is {int(declared)} bytes; the limit is {self.max_bytes}"
            )
            await response(scope, receive, send)
            return
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise PayloadTooLarge(f"the body passed the limit of {self.max_bytes} bytes")
            return message

        await self.app(scope, limited_receive, send)
