"""What the sync and async clients share: a request described as data (:class:`Call`), one retry
policy, and the translation of error answers back into the gxgraph error tree.

A client method is a pure *builder* (arguments to a :class:`Call`) bound to a client by
:func:`sync_method` or :func:`async_method`, so each endpoint is written once for both clients.
"""

from __future__ import annotations

import email.utils
import functools
import random
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Concatenate, Generic, ParamSpec, TypeVar

import httpx

from gxgraph import errors
from gxgraph.errors import GxGraphError

__all__ = [
    "AsyncSender",
    "Call",
    "RemoteError",
    "RetryPolicy",
    "SyncSender",
    "Unreachable",
    "async_method",
    "error_from_response",
    "sync_method",
]

T = TypeVar("T")
P = ParamSpec("P")

QueryParams = Sequence[tuple[str, str | int | float | bool]]


@dataclass(frozen=True)
class Call(Generic[T]):
    """One HTTP request and how to read its successful answer.

    ``idempotent`` calls may be sent again after a connection broke mid-request; any call may be
    sent again when the request never reached the server or the server answered 429 or 503 (it did
    nothing then). ``stream`` leaves the body unread for the caller (exports).
    """

    method: str
    path: str
    parse: Callable[[httpx.Response], T]
    params: QueryParams = ()
    json: Any = None
    content: bytes | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    idempotent: bool = True
    stream: bool = False
    unbounded: bool = False
    """Wait for the answer as long as it takes (imports and exports of a whole graph)."""


class RemoteError(GxGraphError):
    """An error answer the error tree has no class for (a 405, a 429, a 500, a proxy's HTML page)."""

    def __init__(self, status: int, code: str, message: str, details: list[dict[str, Any]]) -> None:
        super().__init__(message, details)
        self.status = status
        self.remote_code = code

    def to_body(self) -> dict[str, Any]:
        return {"error": {"code": self.remote_code, "message": self.message, "details": self.details}}


class Unreachable(GxGraphError):
    """The server could not be reached (or the connection broke) on every attempt."""

    status_code = 503
    code = "unreachable"


def _error_classes() -> dict[str, type[GxGraphError]]:
    classes: dict[str, type[GxGraphError]] = {}
    pending = list(GxGraphError.__subclasses__())
    while pending:
        cls = pending.pop(0)
        # A subclass sharing its parent's code (GraphChanged is a 409 "conflict") maps to the parent.
        classes.setdefault(cls.code, cls)
        pending.extend(cls.__subclasses__())
    return classes


_ERRORS = {code: cls for code, cls in _error_classes().items() if cls.__module__ == errors.__name__}


def error_from_response(response: httpx.Response) -> GxGraphError:
    """The gxgraph error an error answer stands for: the same class the server raised, when it has one.

    >>> error_from_response(httpx.Response(404, json={"error": {
    ...     "code": "not_found", "message": "no node", "details": []}})).__class__.__name__
    'NotFound'
    >>> error_from_response(httpx.Response(502, text="<html>bad gateway</html>")).to_body()["error"]["code"]
    'bad_gateway'
    """
    try:
        body = response.json()["error"]
        code, message, details = str(body["code"]), str(body["message"]), list(body.get("details") or [])
    except (ValueError, KeyError, TypeError):
        code = response.reason_phrase.lower().replace(" ", "_") or f"http_{response.status_code}"
        message = f"HTTP {response.status_code} {response.reason_phrase}".strip()
        details = []
    cls = _ERRORS.get(code)
    if cls is not None and cls.status_code == response.status_code:
        return cls(message, details)
    return RemoteError(response.status_code, code, message, details)


@dataclass(frozen=True)
class RetryPolicy:
    """When and how long to wait before sending a call again.

    429 and 503 answers are retried after their ``Retry-After`` (seconds or an HTTP date), or else
    after an exponential backoff with jitter; no wait is longer than ``max_wait``.
    """

    attempts: int = 4
    backoff: float = 0.5
    max_wait: float = 30.0

    RETRY_STATUSES: ClassVar[frozenset[int]] = frozenset({429, 503})

    def delay(
        self, call: Call[Any], attempt: int, outcome: httpx.Response | httpx.TransportError
    ) -> float | None:
        """Seconds to wait before attempt ``attempt + 1``, or None to give up with this outcome."""
        if attempt + 1 >= self.attempts:
            return None
        if isinstance(outcome, httpx.Response):
            if outcome.status_code not in self.RETRY_STATUSES:
                return None
            told = retry_after_seconds(outcome.headers.get("Retry-After"))
            if told is not None:
                return min(told, self.max_wait)
        elif not (call.idempotent or isinstance(outcome, httpx.ConnectError | httpx.ConnectTimeout)):
            return None  # the server may have acted on it: sending it again could do it twice
        jitter = 1 + random.random() / 2  # noqa: S311 (spreads retries; not a secret)
        return float(min(self.backoff * 2**attempt * jitter, self.max_wait))


def retry_after_seconds(header: str | None) -> float | None:
    """A ``Retry-After`` header's wait in seconds (it may be a number or an HTTP date).

    >>> retry_after_seconds("7"), retry_after_seconds(None), retry_after_seconds("soon")
    (7.0, None, None)
    >>> retry_after_seconds("Thu, 01 Jan 1970 00:00:00 GMT")
    0.0
    """
    if header is None:
        return None
    header = header.strip()
    if header.isdigit():
        return float(header)
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class SyncSender:
    """Anything that can send a :class:`Call` and wait for its answer."""

    def send(self, call: Call[T]) -> T:
        raise NotImplementedError


class AsyncSender:
    """Anything that can send a :class:`Call` and await its answer."""

    async def send(self, call: Call[T]) -> T:
        raise NotImplementedError


def sync_method(build: Callable[P, Call[T]]) -> Callable[Concatenate[SyncSender, P], T]:
    """A method that sends what ``build`` describes and returns its parsed answer."""

    @functools.wraps(build)
    def method(self: SyncSender, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return self.send(build(*args, **kwargs))

    return method


def async_method(build: Callable[P, Call[T]]) -> Callable[Concatenate[AsyncSender, P], Awaitable[T]]:
    """A coroutine method that sends what ``build`` describes and returns its parsed answer."""

    @functools.wraps(build)
    async def method(self: AsyncSender, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return await self.send(build(*args, **kwargs))

    return method
