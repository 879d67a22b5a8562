"""ASGI middleware that refuses request bodies over the configured size, before they are read whole."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gxgraph.api.errors import error_response
from gxgraph.errors import PayloadTooLarge


class BodySizeLimit:
    """413 for a declared ``Content-Length`` over the limit; a streamed body is cut off when it passes it."""

    def __init__(self, app: ASGIApp, max_bytes: int, by_path: Mapping[str, int] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.by_path = dict(by_path or {})
        """Paths with a limit of their own (the bulk import)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_bytes = self.by_path.get(scope["path"], self.max_bytes)
        headers = dict(scope.get("headers", ()))
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_bytes:
            response = error_response(
                413, PayloadTooLarge.code, f"the body is {int(declared)} bytes; the limit is {max_bytes}"
            )
            await response(scope, receive, send)
            return
        seen = 0
        too_large: PayloadTooLarge | None = None

        async def limited_receive() -> Message:
            nonlocal seen, too_large
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > max_bytes:
                    too_large = PayloadTooLarge(f"the body passed the limit of {max_bytes} bytes")
                    raise too_large
            return message

        async def guarded_send(message: Message) -> None:
            # A route that reads JSON turns any error while reading into its own 400: the answer to a
            # body cut off at the limit is the 413 whatever the route made of it.
            if too_large is None:
                await send(message)
            elif message["type"] == "http.response.start":
                await error_response(413, too_large.code, too_large.message)(scope, receive, send)

        await self.app(scope, limited_receive, guarded_send)
