"""``Client`` and ``AsyncClient``: gxgraph over HTTP, answering with the server's own models.

Both send the same calls (:mod:`gxgraph.client.calls`, the generated analysis methods) and differ only
in how they wait: retries, pagination and export streaming are written once per way of waiting.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self, TypeVar

import httpx

from gxgraph import __version__
from gxgraph.analyses import ANALYSES, Registry
from gxgraph.client.analysis_calls import analysis_call, svg_call
from gxgraph.client.calls import changes, list_nodes, query_params
from gxgraph.client.generated import AsyncMethods, SyncMethods
from gxgraph.client.transport import Call, RetryPolicy, Unreachable, error_from_response
from gxgraph.domain.kinds import NodeKind
from gxgraph.domain.nodes import NodeBase
from gxgraph.errors import GxGraphError
from gxgraph.services.analysis import Analysis
from gxgraph.services.changes import ChangeFeed
from gxgraph.services.exports import ExportFormat
from gxgraph.settings import get_settings

__all__ = ["AsyncClient", "Client"]

T = TypeVar("T")
PAGE_SIZE = 500
Destination = Path | IO[bytes]


class _Options:
    """Where the server is and how to talk to it; defaults from ``GXGRAPH_URL`` and ``GXGRAPH_API_KEY``."""

    def __init__(
        self,
        base_url: str | None,
        api_key: str | None,
        timeout: float,
        retry: RetryPolicy,
        registry: Registry,
    ) -> None:
        settings = get_settings()
        url = base_url or settings.url
        if not url:
            raise ValueError("no server: pass base_url or set GXGRAPH_URL")
        self.base_url: str = url
        secret = api_key or (settings.api_key.get_secret_value() if settings.api_key else None)
        self.headers = {"User-Agent": f"gxgraph-client/{__version__}"}
        if secret:
            self.headers["X-API-Key"] = secret
        self.timeout = timeout
        self.retry = retry
        self.registry = registry

    def request(self, http: httpx.Client | httpx.AsyncClient, call: Call[Any]) -> httpx.Request:
        timeout = httpx.Timeout(self.timeout, read=None) if call.unbounded else self.timeout
        return http.build_request(
            call.method, call.path, params=list(call.params), json=call.json, content=call.content,
            headers={**self.headers, **call.headers}, timeout=timeout,
        )  # fmt: skip


def _export_call(format: ExportFormat) -> Call[httpx.Response]:
    params = query_params({"format": format})
    return Call("GET", "/v1/export", lambda response: response, params=params, stream=True, unbounded=True)


def _failure(outcome: httpx.Response | httpx.TransportError) -> GxGraphError:
    """The error to raise once no retry is left: the server's own, or Unreachable."""
    if isinstance(outcome, httpx.Response):
        return error_from_response(outcome)
    error = Unreachable(f"the server could not be reached ({type(outcome).__name__}: {outcome})")
    error.__cause__ = outcome
    return error


@contextmanager
def _opened(destination: Destination) -> Iterator[IO[bytes]]:
    if isinstance(destination, Path):
        with destination.open("wb") as sink:
            yield sink
    else:
        yield destination


class Client(SyncMethods):
    """A blocking gxgraph client: ``with Client(url, api_key=key) as gx: gx.who_knows(q="cybersecurity")``.

    ``http`` lends an existing httpx client (the base URL then defaults to its own); it is not closed.
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        api_key: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy = RetryPolicy(),  # noqa: B008 (immutable)
        registry: Registry = ANALYSES,
        http: httpx.Client | None = None,
    ) -> None:
        self.options = _Options(
            base_url or (str(http.base_url) if http else None), api_key, timeout, retry, registry
        )
        self._owned = http is None
        self.http = http or httpx.Client(base_url=self.options.base_url)

    def send(self, call: Call[T]) -> T:
        """Send ``call``, retrying as the retry policy allows, and parse its answer."""
        response = self._response(call)
        try:
            return call.parse(response)
        finally:
            if not call.stream:
                response.close()

    def _response(self, call: Call[Any]) -> httpx.Response:
        attempt = 0
        while True:
            outcome: httpx.Response | httpx.TransportError
            try:
                outcome = self.http.send(self.options.request(self.http, call), stream=call.stream)
            except httpx.TransportError as exc:
                outcome = exc
            if isinstance(outcome, httpx.Response) and outcome.is_success:
                return outcome
            wait = self.options.retry.delay(call, attempt, outcome)
            if isinstance(outcome, httpx.Response):
                outcome.read()
                outcome.close()
            if wait is None:
                raise _failure(outcome)
            time.sleep(wait)
            attempt += 1

    def analyze(self, name: str, /, **values: Any) -> Analysis[Any]:
        """Analysis ``name`` of the client's registry with ``values`` (parameter names, as in Python)."""
        return self.send(analysis_call(name, values, self.options.registry))

    def analysis_svg(self, name: str, /, **values: Any) -> str:
        """The SVG chart of analysis ``name``."""
        return self.send(svg_call(name, values, self.options.registry))

    def iter_nodes(self, kind: NodeKind, *, page_size: int = PAGE_SIZE, **filters: Any) -> Iterator[NodeBase]:
        """Every ``kind`` node matching ``filters``, page after page (the cursor is followed for you)."""
        cursor: str | None = None
        while True:
            page = self.send(list_nodes(kind, cursor=cursor, limit=page_size, **filters))
            yield from page.items
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def iter_changes(self, since: int = 0, *, page_size: int = PAGE_SIZE) -> Iterator[ChangeFeed]:
        """The change feed after version ``since``, page after page until it is caught up; the last
        page's ``up_to_version`` is where to poll from next."""
        cursor: str | None = None
        while True:
            page = self.send(changes(since, cursor=cursor, limit=page_size))
            yield page
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def export(self, destination: Destination, format: ExportFormat = ExportFormat.JSONL) -> int:
        """Stream the whole graph into ``destination`` (a path or a binary file); the graph version it
        reflects is returned."""
        response = self.send(_export_call(format))
        try:
            with _opened(destination) as sink:
                for chunk in response.iter_bytes():
                    sink.write(chunk)
        finally:
            response.close()
        return int(response.headers["X-Graph-Version"])

    def close(self) -> None:
        if self._owned:
            self.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()


class AsyncClient(AsyncMethods):
    """The same client for asyncio: every method is a coroutine, ``iter_nodes`` an async iterator."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        api_key: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy = RetryPolicy(),  # noqa: B008 (immutable)
        registry: Registry = ANALYSES,
        http: httpx.AsyncClient | None = None,
    ) -> None:
        self.options = _Options(
            base_url or (str(http.base_url) if http else None), api_key, timeout, retry, registry
        )
        self._owned = http is None
        self.http = http or httpx.AsyncClient(base_url=self.options.base_url)

    async def send(self, call: Call[T]) -> T:
        """Send ``call``, retrying as the retry policy allows, and parse its answer."""
        response = await self._response(call)
        try:
            return call.parse(response)
        finally:
            if not call.stream:
                await response.aclose()

    async def _response(self, call: Call[Any]) -> httpx.Response:
        attempt = 0
        while True:
            outcome: httpx.Response | httpx.TransportError
            try:
                outcome = await self.http.send(self.options.request(self.http, call), stream=call.stream)
            except httpx.TransportError as exc:
                outcome = exc
            if isinstance(outcome, httpx.Response) and outcome.is_success:
                return outcome
            wait = self.options.retry.delay(call, attempt, outcome)
            if isinstance(outcome, httpx.Response):
                await outcome.aread()
                await outcome.aclose()
            if wait is None:
                raise _failure(outcome)
            await asyncio.sleep(wait)
            attempt += 1

    async def analyze(self, name: str, /, **values: Any) -> Analysis[Any]:
        """Analysis ``name`` of the client's registry with ``values`` (parameter names, as in Python)."""
        return await self.send(analysis_call(name, values, self.options.registry))

    async def analysis_svg(self, name: str, /, **values: Any) -> str:
        """The SVG chart of analysis ``name``."""
        return await self.send(svg_call(name, values, self.options.registry))

    async def iter_nodes(
        self, kind: NodeKind, *, page_size: int = PAGE_SIZE, **filters: Any
    ) -> AsyncIterator[NodeBase]:
        """Every ``kind`` node matching ``filters``, page after page (the cursor is followed for you)."""
        cursor: str | None = None
        while True:
            page = await self.send(list_nodes(kind, cursor=cursor, limit=page_size, **filters))
            for node in page.items:
                yield node
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    async def iter_changes(self, since: int = 0, *, page_size: int = PAGE_SIZE) -> AsyncIterator[ChangeFeed]:
        """The change feed after version ``since``, page after page until it is caught up; the last
        page's ``up_to_version`` is where to poll from next."""
        cursor: str | None = None
        while True:
            page = await self.send(changes(since, cursor=cursor, limit=page_size))
            yield page
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    async def export(self, destination: Destination, format: ExportFormat = ExportFormat.JSONL) -> int:
        """Stream the whole graph into ``destination`` (a path or a binary file); the graph version it
        reflects is returned."""
        response = await self.send(_export_call(format))
        try:
            with _opened(destination) as sink:
                async for chunk in response.aiter_bytes():
                    sink.write(chunk)
        finally:
            await response.aclose()
        return int(response.headers["X-Graph-Version"])

    async def aclose(self) -> None:
        if self._owned:
            await self.http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        await self.aclose()
