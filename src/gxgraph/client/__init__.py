"""A typed Python client for the gxgraph API, on httpx: ``Client`` (blocking) and ``AsyncClient``.

Every graph call and every analysis of the registry is a typed method answering with the models the
server uses; errors are the server's own error classes (``gxgraph.errors``). 503 and 429 answers are
retried after their ``Retry-After``.
"""

from gxgraph.client.clients import AsyncClient, Client
from gxgraph.client.transport import RemoteError, RetryPolicy, Unreachable

__all__ = ["AsyncClient", "Client", "RemoteError", "RetryPolicy", "Unreachable"]
