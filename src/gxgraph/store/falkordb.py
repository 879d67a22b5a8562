"""The embedded default backend: FalkorDB over a unix socket."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import redis
from falkordb import FalkorDB

from gxgraph.errors import GxGraphError, StoreUnavailable
from gxgraph.store import cypher
from gxgraph.store.base import CypherStore, Progress, Row
from gxgraph.store.embedded import EmbeddedFalkorDB


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """Map the redis/FalkorDB client's exceptions onto the gxgraph error tree."""
    try:
        yield
    except (redis.ConnectionError, redis.TimeoutError) as exc:
        raise StoreUnavailable(f"FalkorDB is unreachable: {exc}") from exc
    except redis.ResponseError as exc:
        raise GxGraphError(f"FalkorDB rejected a query: {exc}") from exc


def _rows(result: Any) -> list[Row]:
    names = [column[1] for column in result.header]
    return [dict(zip(names, values, strict=True)) for values in result.result_set]


class FalkorDBStore(CypherStore):
    """A graph in FalkorDB; starts the embedded server when given a data folder."""

    backend = "falkordb"

    def __init__(self, socket: Path, graph: str, server: EmbeddedFalkorDB | None = None) -> None:
        self._server = server
        self._db = FalkorDB(unix_socket_path=str(socket))
        self._graph = self._db.select_graph(graph)

    @classmethod
    def embedded(cls, directory: Path, graph: str) -> FalkorDBStore:
        """Start (or reuse) the embedded server in ``directory`` and open ``graph`` on it."""
        server = EmbeddedFalkorDB(directory)
        return cls(server.ensure_running(), graph, server)

    def _read(self, text: str, params: Row) -> list[Row]:
        with translate_errors():
            try:
                return _rows(self._graph.ro_query(text, params))
            except redis.ResponseError as exc:
                # A graph key exists only after its first write; until then the graph is empty.
                if "empty key" in str(exc):
                    return []
                raise

    def _write(self, text: str, params: Row) -> list[Row]:
        with translate_errors():
            return _rows(self._graph.query(text, params))

    def _write_all(self, steps: Sequence[tuple[str, Row]], progress: Progress | None = None) -> None:
        # FalkorDB runs each query atomically but has no multi-query transaction; the import
        # service validates everything first and its writes are idempotent MERGEs, so a retry
        # after a failure converges to the same graph.
        for text, params in steps:
            self._write(text, params)
            if progress is not None:
                progress(len(params.get("rows", ())))

    def ensure_schema(self) -> None:
        # FalkorDB's CREATE INDEX has no IF NOT EXISTS: an existing index answers "already indexed".
        for statement in cypher.statements(self._q("create_schema")):
            try:
                self._write(statement, {})
            except GxGraphError as exc:
                if "already indexed" not in str(exc):
                    raise

    def close(self) -> None:
        with contextlib.suppress(redis.RedisError):
            self._db.connection.close()
        if self._server is not None:
            self._server.stop(only_if_idle=True)
