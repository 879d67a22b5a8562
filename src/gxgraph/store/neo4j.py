"""The production backend: Neo4j 5 through the official driver.

Reads go through ``execute_query`` with read routing and writes through managed transactions, so the
driver's retries apply and a ``neo4j://`` cluster URI works unchanged; ``database_`` is passed on
every call.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence

import neo4j
from neo4j import GraphDatabase, RoutingControl
from neo4j.exceptions import AuthError, ConstraintError, DriverError, Neo4jError, ServiceUnavailable

from gxgraph.errors import Conflict, GxGraphError, StoreUnavailable
from gxgraph.store.base import CypherStore, Progress, Row


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """Map the Neo4j driver's exceptions onto the gxgraph error tree."""
    try:
        yield
    except (ServiceUnavailable, AuthError) as exc:
        raise StoreUnavailable(f"Neo4j is unreachable: {exc}") from exc
    except ConstraintError as exc:
        raise Conflict(f"Neo4j refused a duplicate: {exc.message}") from exc
    except Neo4jError as exc:
        raise GxGraphError(f"Neo4j rejected a query: {exc.message}") from exc
    except DriverError as exc:
        raise StoreUnavailable(f"Neo4j driver error: {exc}") from exc


def _transactions(steps: Sequence[tuple[str, Row]], max_rows: int) -> list[list[tuple[str, Row]]]:
    """Group consecutive steps so each group carries at most ``max_rows`` rows (at least one step)."""
    groups: list[list[tuple[str, Row]]] = [[]]
    rows = 0
    for step in steps:
        size = len(step[1].get("rows", ()))
        if size and groups[-1] and rows + size > max_rows:
            groups.append([])
            rows = 0
        groups[-1].append(step)
        rows += size
    return groups


class Neo4jStore(CypherStore):
    """A graph in a Neo4j 5 database."""

    backend = "neo4j"

    def __init__(
        self, uri: str, user: str, password: str, database: str, transaction_rows: int = 50_000
    ) -> None:
        auth = (user, password) if password else None
        # Notifications (e.g. "property key does not exist" for optional fields) are expected noise.
        self._driver = GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF")
        self._database = database
        self._transaction_rows = transaction_rows

    def _read(self, text: str, params: Row) -> list[Row]:
        with translate_errors():
            records, _, _ = self._driver.execute_query(
                text, parameters_=params, database_=self._database, routing_=RoutingControl.READ
            )
        return [record.data() for record in records]

    def _write(self, text: str, params: Row) -> list[Row]:
        with translate_errors():
            records, _, _ = self._driver.execute_query(
                text, parameters_=params, database_=self._database, routing_=RoutingControl.WRITE
            )
        return [record.data() for record in records]

    def _write_all(self, steps: Sequence[tuple[str, Row]], progress: Progress | None = None) -> None:
        """One transaction when the steps carry at most ``transaction_rows`` rows, so an ordinary
        import is atomic; a larger one commits every ``transaction_rows`` rows, because one huge
        transaction outgrows the server's transaction memory. The import service has validated every
        row first and the writes are idempotent MERGEs, so a failure part-way is repaired by re-running."""

        def work(batch: Sequence[tuple[str, Row]]) -> Callable[[neo4j.ManagedTransaction], None]:
            def run(tx: neo4j.ManagedTransaction) -> None:
                for text, params in batch:
                    tx.run(text, params).consume()

            return run

        for batch in _transactions(steps, self._transaction_rows):
            with translate_errors(), self._driver.session(database=self._database) as session:
                session.execute_write(work(batch))
            if progress is not None:
                progress(sum(len(params.get("rows", ())) for _, params in batch))

    def ping(self) -> None:
        # verify_connectivity fails fast, where a query would wait out the driver's retry budget.
        with translate_errors():
            self._driver.verify_connectivity()

    def close(self) -> None:
        self._driver.close()
