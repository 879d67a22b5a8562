"""The production backend: Neo4j 5 through the official driver.

Reads go through ``execute_query`` with read routing and writes through managed transactions, so the
driver's retries apply and a ``neo4j://`` cluster URI works unchanged; ``database_`` is passed on
every call.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

import neo4j
from neo4j import GraphDatabase, RoutingControl
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from gxgraph.domain.kinds import NodeKind
from gxgraph.errors import (
    Conflict,
    GraphChanged,
    GxGraphError,
    InvalidInput,
    StoreTimeout,
    StoreUnavailable,
    TransactionTooLarge,
)
from gxgraph.store.base import (
    READ_ONLY_MESSAGE,
    Change,
    CypherStore,
    FoundNode,
    FoundPath,
    FoundRelationship,
    Progress,
    QueryRows,
    Row,
    Run,
    WriteBatch,
    batch_journal,
    chunks,
    missing_endpoints,
    update_params,
)
from gxgraph.store.journal import SYSTEM, Actor, Journal

log = logging.getLogger("gxgraph.store")


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """Map the Neo4j driver's exceptions onto the gxgraph error tree.

    The driver's message (host, port, query text) is logged, not returned: clients get a stable sentence.
    """
    try:
        yield
    except (ServiceUnavailable, AuthError, SessionExpired) as exc:
        log.warning("Neo4j unreachable: %s", exc)
        raise StoreUnavailable("the graph store is unreachable; try again shortly") from exc
    except ConstraintError as exc:
        log.info("Neo4j constraint: %s", exc.message)
        raise Conflict("the write conflicts with a stored node or relationship") from exc
    except Neo4jError as exc:
        if exc.code and "TransactionTimedOut" in exc.code:
            raise StoreTimeout("the query ran past the server-side time limit and was cancelled") from exc
        log.error("Neo4j rejected a query: %s %s", exc.code, exc.message)
        raise GxGraphError("the graph store rejected the query") from exc
    except DriverError as exc:
        log.warning("Neo4j driver error: %s", exc)
        raise StoreUnavailable("the graph store is unreachable; try again shortly") from exc


@contextlib.contextmanager
def _statement_errors() -> Iterator[None]:
    """An analyst's statement the server refuses is their input's fault: 422 with the server's reason."""
    try:
        yield
    except ClientError as exc:
        if exc.code == "Neo.ClientError.Statement.AccessMode":
            raise InvalidInput(READ_ONLY_MESSAGE) from exc
        if exc.code and exc.code.startswith(("Neo.ClientError.Statement.", "Neo.ClientError.Procedure.")):
            detail = {"loc": ["body", "statement"], "msg": exc.message or exc.code, "type": exc.code}
            raise InvalidInput("the statement was refused", [detail]) from exc
        raise


def _unnamed_endpoints(rows: list[list[Any]]) -> set[str]:
    """Element ids of relationship endpoints whose properties did not come with the answer."""
    found: set[str] = set()
    pending: list[Any] = [value for row in rows for value in row]
    while pending:
        value = pending.pop()
        if isinstance(value, neo4j.graph.Relationship):
            found |= {
                node.element_id
                for node in (value.start_node, value.end_node)
                if node is not None and "id" not in node
            }
        elif isinstance(value, list | tuple):
            pending.extend(value)
        elif isinstance(value, dict):
            pending.extend(value.values())
    return found


def _found(value: Any, ids: dict[str, str]) -> Any:
    """A driver value as plain data; nodes, relationships and paths as the Found* records."""
    if isinstance(value, neo4j.graph.Node):
        return FoundNode(tuple(sorted(value.labels)), dict(value))
    if isinstance(value, neo4j.graph.Relationship):
        ends = [
            None if node is None else node.get("id") or ids.get(node.element_id)
            for node in (value.start_node, value.end_node)
        ]
        return FoundRelationship(value.type, ends[0], ends[1], dict(value))
    if isinstance(value, neo4j.graph.Path):
        nodes = tuple(_found(node, ids) for node in value.nodes)
        return FoundPath(nodes, tuple(_found(rel, ids) for rel in value.relationships))
    if isinstance(value, list | tuple):
        return [_found(item, ids) for item in value]
    if isinstance(value, dict):
        return {key: _found(item, ids) for key, item in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)  # temporal and spatial values, as Cypher prints them


@contextlib.contextmanager
def _memory_limit() -> Iterator[None]:
    """Turn the server's refusal of a transaction's memory into an answer that says what to do.

    It is raised inside the transaction function, as a non-driver error, so the driver does not retry
    a transaction that cannot fit (the refusal is classed as transient)."""
    try:
        yield
    except Neo4jError as exc:
        if exc.code and "Memory" in exc.code:
            log.warning("Neo4j refused a transaction's memory: %s %s", exc.code, exc.message)
            raise TransactionTooLarge(
                "the import does not fit in one Neo4j transaction, so nothing was written: raise the "
                "server's db.memory.transaction.max (and dbms.memory.transaction.total.max) or split "
                "the file into smaller imports"
            ) from exc
        raise


Check = Callable[[list[Row], Run], None]
"""Given a step's result rows, raises to roll the whole write back (it may query through ``Run``)."""


class Step(NamedTuple):
    """One query of an import's transaction, and what its result must satisfy for the write to commit."""

    text: str
    params: Row
    check: Check | None = None


def _version_check(expected: int | None) -> Check | None:
    """A check on ``bump_graph_version``'s row: the graph was at ``expected`` before this write."""
    if expected is None:
        return None

    def check(result: list[Row], _: Run) -> None:
        found = int(result[0]["version"]) - 1
        if found != expected:
            raise GraphChanged(
                f"the graph changed while the import was checked (version {expected}, now {found}); "
                "nothing was written"
            )

    return check


class Neo4jStore(CypherStore):
    """A graph in a Neo4j 5 database."""

    backend = "neo4j"

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        database: str,
        *,
        query_timeout: float = 15.0,
        connect_timeout: float = 3.0,
    ) -> None:
        auth = (user, password) if password else None
        # Short connection, pool-acquisition and retry budgets: with the server down a request must get
        # its 503 in seconds, not after the driver's 60 s default, or waiting requests starve the pool.
        # Notifications (e.g. "property key does not exist" for optional fields) are expected noise.
        self._driver = GraphDatabase.driver(
            uri,
            auth=auth,
            notifications_min_severity="OFF",
            connection_timeout=connect_timeout,
            connection_acquisition_timeout=connect_timeout,
            max_transaction_retry_time=connect_timeout,
            liveness_check_timeout=30.0,
        )
        self._database = database
        self._query_timeout = query_timeout

    def _read(self, text: str, params: Row) -> list[Row]:
        with translate_errors():
            records, _, _ = self._driver.execute_query(
                neo4j.Query(text, timeout=self._query_timeout),
                parameters_=params,
                database_=self._database,
                routing_=RoutingControl.READ,
            )
        return [record.data() for record in records]

    def _read_flat(self, text: str, params: Row) -> list[Row]:
        """Neo4j's variants of the flat queries return their rows collected into one list (``rows``)
        in one record: the driver decodes one record per row nearly three times more slowly than
        the same values in one list (100k node hashes: 5.5-5.8 s against 2.1-2.7 s)."""
        records = self._read(text, params)
        if len(records) != 1 or list(records[0]) != ["rows"]:
            raise RuntimeError("a flat query must return one record, its rows collected as `rows`")
        rows: list[Row] = records[0]["rows"]
        return rows

    def _write(self, text: str, params: Row) -> list[Row]:
        with translate_errors():
            records, _, _ = self._driver.execute_query(
                text, parameters_=params, database_=self._database, routing_=RoutingControl.WRITE
            )
        return [record.data() for record in records]

    def write(
        self,
        batch: WriteBatch,
        batch_size: int = 5000,
        progress: Progress | None = None,
        expected_version: int | None = None,
        journal: Journal | None = None,
    ) -> int:
        """The version bump (checked against ``expected_version``), every ``UNWIND`` batch and the audit
        entry, in ONE transaction whatever its size; each relationship batch checks it matched all its
        endpoints."""
        if not len(batch):
            return self.graph_version()
        journal = journal or batch_journal(batch)
        if expected_version is None:
            batch = batch.merged()
        steps = [Step(self._q("bump_graph_version"), {}, _version_check(expected_version))]
        texts = [self._q("merge_nodes", label=kind.label) for kind in batch.nodes]
        texts += [self._q("create_nodes", label=kind.label) for kind in batch.new_nodes]
        for text, rows in zip(texts, [*batch.nodes.values(), *batch.new_nodes.values()], strict=True):
            steps += [Step(text, {"rows": list(part)}) for part in chunks(rows, batch_size)]
        texts = [self._q("merge_relationships", rel=rel.value) for rel in batch.relationships]
        texts += [self._q("create_relationships", rel=rel.value) for rel in batch.new_relationships]
        groups = [*batch.relationships.values(), *batch.new_relationships.values()]
        for text, rows in zip(texts, groups, strict=True):
            for part in chunks(rows, batch_size):
                steps.append(Step(text, {"rows": list(part)}, self._endpoints_check(part)))
        steps.append(Step(self._q("record_audit_entry"), {"journal": journal.parameters()}))
        results = self._write_all(steps, progress)
        return int(results[0][0]["version"])

    def _endpoints_check(self, rows: Sequence[Row]) -> Check:
        def check(result: list[Row], run: Run) -> None:
            if int(result[0]["matched"]) < len(rows):
                raise missing_endpoints(self, rows, run)

        return check

    def _write_all(self, steps: Sequence[Step], progress: Progress | None = None) -> list[list[Row]]:
        """Every step in ONE transaction, whatever its size: an import is all or nothing. A transaction
        the server has no memory for fails as a whole with ``TransactionTooLarge``."""

        def work(tx: neo4j.ManagedTransaction) -> list[list[Row]]:
            def run(text: str, params: Row) -> list[Row]:
                with _memory_limit():
                    return [record.data() for record in tx.run(text, params)]

            results = []
            for text, params, check in steps:
                rows = run(text, params)
                if check is not None:
                    check(rows, run)
                results.append(rows)
                if progress is not None and params.get("rows"):
                    progress(len(params["rows"]))
            return results

        # The refusal can also come at commit, outside ``work``.
        with translate_errors(), _memory_limit(), self._driver.session(database=self._database) as session:
            return session.execute_write(work)

    def _write_locked(self, node_ids: Sequence[str], text: str, params: Row) -> list[Row]:
        # Under read committed a WHERE reads without locks: two transactions can both pass it and the
        # later commit silently overwrites the earlier. Locking the nodes first, in this transaction,
        # makes the WHERE see the last committed state and holds other writers off until commit.
        lock = self._q("lock_nodes")

        def work(tx: neo4j.ManagedTransaction) -> list[Row]:
            tx.run(lock, {"ids": sorted(set(node_ids))}).consume()
            return [record.data() for record in tx.run(text, params)]

        with translate_errors(), self._driver.session(database=self._database) as session:
            return session.execute_write(work)

    def modify_node(self, kind: NodeKind, node_id: str, change: Change, actor: Actor = SYSTEM) -> str | None:
        # Lock, read, change and write in one transaction: concurrent updates of a node queue on its
        # lock instead of failing their revision check and retrying (which livelocks under load).
        lock, fetch = self._q("lock_nodes"), self._q("fetch_nodes")
        update = self._q("update_node", label=kind.label)

        def work(tx: neo4j.ManagedTransaction) -> str | None:
            tx.run(lock, {"ids": [node_id]}).consume()
            record = tx.run(fetch, {"ids": [node_id]}).single()
            if record is None:
                return None
            stored = dict(record["props"])
            written = tx.run(update, update_params(stored, change(stored), actor)).single()
            return None if written is None else str(written["rev"])

        with translate_errors(), self._driver.session(database=self._database) as session:
            revision: str | None = session.execute_write(work)
        return revision

    def hit_rate_window(self, key: str, window_start: int, window_seconds: int) -> int:
        """One ``RateWindow`` node per key, counted and reset by one auto-commit query."""
        rows = self._write(self._q("count_rate_hit"), {"key": key, "window_start": window_start})
        return int(rows[0]["hits"])

    # -- analysts' read-only queries ------------------------------------------------------------
    def plan_operators(self, statement: str, parameters: Row) -> set[str]:
        """The operators of the statement's plan (EXPLAIN runs nothing)."""
        with translate_errors(), _statement_errors():
            _, summary, _ = self._driver.execute_query(
                "EXPLAIN " + statement, parameters_=parameters, database_=self._database,
                routing_=RoutingControl.READ,
            )  # fmt: skip
        operators: set[str] = set()
        pending = [summary.plan] if summary.plan else []
        while pending:
            step = pending.pop()
            operators.add(str(step.get("operatorType", "")).split("@")[0])
            pending.extend(step.get("children", []))
        return operators

    def read_only_query(self, statement: str, parameters: Row, limit: int) -> QueryRows:
        """Run ``statement`` in a read transaction: the server itself refuses any write."""

        def work(tx: neo4j.ManagedTransaction) -> QueryRows:
            result = tx.run(statement, parameters)
            rows: list[list[Any]] = []
            for record in result:
                if len(rows) == limit:
                    return QueryRows(list(result.keys()), rows, truncated=True)
                rows.append(list(record.values()))
            return QueryRows(list(result.keys()), rows, truncated=False)

        with translate_errors(), _statement_errors():
            with self._driver.session(
                database=self._database, default_access_mode=neo4j.READ_ACCESS
            ) as session:
                raw: QueryRows = session.execute_read(neo4j.unit_of_work(timeout=self._query_timeout)(work))
            return self._named(raw)

    def stream_query(
        self, statement: str, parameters: Row, limit: int, chunk: int = 1000
    ) -> Iterator[QueryRows]:
        """Rows as the server sends them (the driver fetches them in batches), in one read-mode
        transaction with the query timeout: at no time are more than ``chunk`` rows held here."""
        with (
            translate_errors(),
            _statement_errors(),
            self._driver.session(database=self._database, default_access_mode=neo4j.READ_ACCESS) as session,
            session.begin_transaction(timeout=self._query_timeout) as tx,
        ):
            result = tx.run(statement, parameters)
            columns, sent = list(result.keys()), 0
            rows: list[list[Any]] = []
            for record in result:
                if sent + len(rows) == limit:
                    yield self._named(QueryRows(columns, rows, truncated=True))
                    return
                rows.append(list(record.values()))
                if len(rows) == chunk:
                    yield self._named(QueryRows(columns, rows, truncated=False))
                    sent, rows = sent + len(rows), []
            yield self._named(QueryRows(columns, rows, truncated=False))

    def _named(self, raw: QueryRows) -> QueryRows:
        """``raw`` as plain data, relationships' endpoints named by their ``id``."""
        missing = sorted(_unnamed_endpoints(raw.rows))
        ids = {
            row["internal"]: row["id"] for row in self._read(self._q("fetch_endpoint_ids"), {"ids": missing})
        }
        rows = [[_found(value, ids) for value in row] for row in raw.rows]
        return QueryRows(raw.columns, rows, raw.truncated)

    def ping(self) -> None:
        # verify_connectivity fails fast, where a query would wait out the driver's retry budget.
        with translate_errors():
            self._driver.verify_connectivity()

    def close(self) -> None:
        self._driver.close()
