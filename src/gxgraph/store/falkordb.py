"""The embedded default backend: FalkorDB over a unix socket."""

from __future__ import annotations

import contextlib
import logging
import time
import weakref
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import redis
from falkordb import Edge, FalkorDB, Node
from falkordb import Path as GraphPath

from gxgraph.analytics.columns import BOOLEAN_COLUMNS, FLOAT_COLUMNS, LIST_COLUMNS
from gxgraph.domain.kinds import NodeKind
from gxgraph.errors import (
    Conflict,
    GraphChanged,
    GxGraphError,
    InvalidInput,
    StoreTimeout,
    StoreUnavailable,
)
from gxgraph.store import cypher, path_search
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
    WriteBatch,
    batch_journal,
    missing_endpoints,
)
from gxgraph.store.embedded import AppendFsync, EmbeddedFalkorDB
from gxgraph.store.falkordb_params import params_header
from gxgraph.store.journal import SYSTEM, Actor, Journal

PATH_SEARCH_ROWS = 500_000
"""Relationships a shortest-path search from both ends reads at most (then the server searches)."""

log = logging.getLogger("gxgraph.store")

T = TypeVar("T")


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """Map the redis/FalkorDB client's exceptions onto the gxgraph error tree.

    The client's message (socket path, query text) is logged, not returned: clients get a stable sentence.
    """
    try:
        yield
    except (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError) as exc:
        log.warning("FalkorDB unreachable: %s", exc)
        raise StoreUnavailable("the graph store is unreachable; try again shortly") from exc
    except redis.ResponseError as exc:
        if "timed out" in str(exc).lower():
            raise StoreTimeout("the query ran past the server-side time limit and was cancelled") from exc
        if "unique constraint violation" in str(exc).lower():
            log.info("FalkorDB constraint: %s", exc)
            raise Conflict("the write conflicts with a stored node or relationship") from exc
        log.error("FalkorDB rejected a query: %s", exc)
        raise GxGraphError("the graph store rejected the query") from exc


@contextlib.contextmanager
def _statement_errors() -> Iterator[None]:
    """An analyst's statement the server refuses is their input's fault: 422 with the server's reason."""
    try:
        yield
    except redis.ResponseError as exc:
        message = str(exc)
        if "read-only" in message:
            raise InvalidInput(READ_ONLY_MESSAGE) from exc
        if "timed out" in message.lower() or "empty key" in message:
            raise
        detail = {"loc": ["body", "statement"], "msg": message, "type": "statement_refused"}
        raise InvalidInput("the statement was refused", [detail]) from exc


def _unnamed_endpoints(rows: list[list[Any]]) -> set[int]:
    """Internal ids of the endpoints of relationships in the answer (FalkorDB names them by those)."""
    found: set[int] = set()
    pending: list[Any] = [value for row in rows for value in row]
    while pending:
        value = pending.pop()
        if isinstance(value, Edge):
            found |= {_internal(value.src_node), _internal(value.dest_node)}
        elif isinstance(value, GraphPath):
            pending.extend(value.edges())
        elif isinstance(value, list | tuple):
            pending.extend(value)
        elif isinstance(value, dict):
            pending.extend(value.values())
    return found


def _internal(end: Node | int) -> int:
    return int(end.id if isinstance(end, Node) else end)


def _found(value: Any, ids: dict[int, str]) -> Any:
    """A client value as plain data; nodes, relationships and paths as the Found* records."""
    if isinstance(value, Node):
        return FoundNode(tuple(sorted(value.labels or ())), dict(value.properties))
    if isinstance(value, Edge):
        ends = (ids.get(_internal(value.src_node)), ids.get(_internal(value.dest_node)))
        return FoundRelationship(value.relation, ends[0], ends[1], dict(value.properties))
    if isinstance(value, GraphPath):
        nodes = tuple(_found(node, ids) for node in value.nodes())
        return FoundPath(nodes, tuple(_found(edge, ids) for edge in value.edges()))
    if isinstance(value, list | tuple):
        return [_found(item, ids) for item in value]
    if isinstance(value, dict):
        return {key: _found(item, ids) for key, item in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)  # points and temporal values, as the client prints them


def _rows(result: Any) -> list[Row]:
    names = [column[1] for column in result.header]
    return [dict(zip(names, values, strict=True)) for values in result.result_set]


SEARCH_GRAM_SLOTS = 4
"""Grams of the query that search_nodes.cypher intersects in the ``_grams`` index."""
MIGRATION_PAGE_SIZE = 5_000
"""Nodes given their ``_grams`` per query when a store written before the gram index is opened."""


def _indexable(gram: str) -> bool:
    # The index trims whitespace off array elements, so a gram holding any would never be found.
    return not any(character.isspace() for character in gram)


def search_grams(search_key: str) -> list[str]:
    """The ``_grams`` stored beside a node's ``_search`` key: its distinct characters and pairs of
    adjacent characters, except those holding whitespace. Any text the key contains has each of its own
    grams among them, so they can only narrow a search, never lose a match. O(len(search_key)).

    >>> search_grams(" gx 水素")
    ['gx', '水素', 'g', 'x', '水', '素']
    """
    # The pairs without whitespace are those inside a word of str.split() (which splits at exactly the
    # characters str.isspace() names), in the same order: one pass of C instead of a test per pair.
    words = search_key.split()
    grams = dict.fromkeys(word[i : i + 2] for word in words for i in range(len(word) - 1))
    grams.update(dict.fromkeys(character for word in words for character in word))
    return list(grams)


def query_grams(text: str, slots: int = SEARCH_GRAM_SLOTS) -> list[str]:
    """``slots`` grams every node whose ``_search`` contains ``text`` stores: its adjacent-character
    pairs spread from its start to its end (neighbouring pairs say nearly the same thing), or its
    characters when it has no pair without whitespace (one-character words). Repeated when fewer.

    >>> query_grams("technology 12")
    ['te', 'hn', 'lo', '12']
    >>> query_grams("水")
    ['水', '水', '水', '水']
    >>> query_grams("a b")
    ['a', 'a', 'b', 'b']
    """
    pairs = list(dict.fromkeys(text[i : i + 2] for i in range(len(text) - 1)))
    found = [pair for pair in pairs if _indexable(pair)]
    found = found or [character for character in dict.fromkeys(text) if _indexable(character)]
    if not found:
        raise InvalidInput("search text must hold a character other than whitespace")
    return [found[round(slot * (len(found) - 1) / max(1, slots - 1))] for slot in range(slots)]


def _with_grams(props: Row) -> Row:
    """``props`` with the ``_grams`` of its search key (a node without one is never found by search)."""
    search = props.get("_search")
    return props | {"_grams": search_grams(search)} if isinstance(search, str) else props


def _grammed(nodes: dict[NodeKind, list[Row]]) -> dict[str, list[Row]]:
    """Node rows by label, their props given the ``_grams`` of their search key."""
    return {
        kind.label: [row | {"props": _with_grams(row["props"])} for row in rows]
        for kind, rows in nodes.items()
    }


class FalkorDBStore(CypherStore):
    """A graph in FalkorDB; starts the embedded server when given a data folder."""

    backend = "falkordb"

    def __init__(
        self,
        socket: Path,
        graph: str,
        server: EmbeddedFalkorDB | None = None,
        *,
        query_timeout: float = 15.0,
    ) -> None:
        self._server = server
        self._timeout_ms = max(1, round(query_timeout * 1000))
        self._db = FalkorDB(unix_socket_path=str(socket))
        self._graph = self._db.select_graph(graph)
        self._rate_prefix = f"gxgraph:rate:{graph}:"
        # Closed when collected or at interpreter exit if nobody closed it (a script that raised):
        # otherwise the embedded server, which outlives its starter on purpose, would run on idle.
        self._release = weakref.finalize(self, _release, self._db, server)

    @classmethod
    def embedded(
        cls,
        directory: Path,
        graph: str,
        *,
        query_timeout: float = 15.0,
        start_timeout: float = 300.0,
        appendfsync: AppendFsync = "everysec",
    ) -> FalkorDBStore:
        """Start (or reuse) the embedded server in ``directory`` and open ``graph`` on it."""
        server = EmbeddedFalkorDB(directory, start_timeout, appendfsync)
        return cls(server.ensure_running(), graph, server, query_timeout=query_timeout)

    def _read(self, text: str, params: Row) -> list[Row]:
        with translate_errors():
            try:
                query = params_header(params) + text
                return _rows(self._supervised(lambda: self._graph.ro_query(query, timeout=self._timeout_ms)))
            except redis.ResponseError as exc:
                # A graph key exists only after its first write; until then the graph is empty.
                if "empty key" in str(exc):
                    return []
                raise

    def shortest_paths(self, source: str, target: str, max_hops: int, limit: int) -> list[Row]:
        """As ``CypherStore.shortest_paths``, searched from both ends (``path_search``), or by the
        server's ``allShortestPaths`` when that search would read more than ``PATH_SEARCH_ROWS``."""
        expand, count = self._q("expand_path_frontier"), self._q("count_path_frontier")
        found = path_search.shortest_paths(
            lambda ids, most: self._read_plain(expand, {"ids": ids, "limit": most}),
            lambda ids: int(self._read_plain(count, {"ids": ids})[0]["rows"]),
            source,
            target,
            max_hops,
            limit,
            PATH_SEARCH_ROWS,
        )
        if found is None:
            return super().shortest_paths(source, target, max_hops, limit)
        nodes = self.fetch_nodes(sorted({node for ids, _ in found for node in ids}))
        rels = self.fetch_walked_relationships(sorted({key for _, keys in found for key in keys}))
        return [
            {
                "nodes": [nodes[node] for node in ids],
                "rels": [{"type": k[0], "from": k[1], "to": k[2], "props": rels[k]} for k in keys],
            }
            for ids, keys in found
            # A path a write removed since the search saw it is left out.
            if all(node in nodes for node in ids) and all(key in rels for key in keys)
        ]

    # -- analysts' read-only queries ------------------------------------------------------------
    def plan_operators(self, statement: str, parameters: Row) -> set[str]:
        """The operators of the statement's plan (GRAPH.EXPLAIN runs nothing), without spaces."""
        with translate_errors(), _statement_errors():
            plan = self._supervised(lambda: self._graph.explain(statement, parameters))
        return {name.replace(" ", "") for name in plan.operations}

    def read_only_query(self, statement: str, parameters: Row, limit: int) -> QueryRows:
        """Run ``statement`` with GRAPH.RO_QUERY: the server itself refuses any write."""
        with translate_errors(), _statement_errors():
            try:
                result = self._supervised(
                    lambda: self._graph.ro_query(statement, parameters, timeout=self._timeout_ms)
                )
            except redis.ResponseError as exc:
                if "empty key" in str(exc):  # no graph yet: nothing to find
                    return QueryRows([], [], truncated=False)
                raise
            rows = result.result_set[:limit]
            missing = sorted(_unnamed_endpoints(rows))
            ids = {
                row["internal"]: row["id"]
                for row in self._read(self._q("fetch_endpoint_ids"), {"ids": missing})
            }
        columns = [column[1] for column in result.header]
        found = [[_found(value, ids) for value in row] for row in rows]
        return QueryRows(columns, found, truncated=len(result.result_set) > limit)

    def _write(self, text: str, params: Row) -> list[Row]:
        query = params_header(params) + text
        with translate_errors():
            return _rows(self._supervised(lambda: self._graph.query(query)))

    def _supervised(self, run: Callable[[], T]) -> T:
        """Run ``run``; if it lost the embedded server, start it again (single-owner start) and retry once.

        A write cut off by the crash itself may run twice: every write of the store sets values by id
        (MERGE, SET, DELETE) or bumps the graph version, so a second run leaves the same graph.
        """
        try:
            return run()
        except redis.ConnectionError as exc:  # refused, reset, or LOADING after another restart
            if self._server is None:
                raise
            log.warning("embedded FalkorDB lost (%s); restarting it", exc)
            self._server.ensure_running()
        return run()

    def write(
        self,
        batch: WriteBatch,
        batch_size: int = 5000,
        progress: Progress | None = None,
        expected_version: int | None = None,
        journal: Journal | None = None,
    ) -> int:
        """The whole batch and its audit entry as ONE query, whatever its size (``batch_size`` does not
        apply).

        FalkorDB has no multi-query transaction, but it runs each query atomically: a query that fails
        part-way is undone, a killed server replays only completed queries, and writes to a graph are
        serialised, so the version guard at the query's start still holds at its end. (A staging copy
        swapped in with RENAME was measured and rejected: GRAPH.COPY hangs the whole server when it
        meets a background AOF rewrite, which large imports trigger, and DUMP/RESTORE of a graph
        crashed it.) Readers of this graph wait for the query; other graphs do not.
        """
        if not len(batch):
            return self.graph_version()
        journal_params = (journal or batch_journal(batch)).parameters()
        if expected_version is None:
            batch = batch.merged()
        nodes = {kind: rows for kind, rows in batch.nodes.items() if rows}
        new_nodes = {kind: rows for kind, rows in batch.new_nodes.items() if rows}
        rels = {rel_type: rows for rel_type, rows in batch.relationships.items() if rows}
        new_rels = {rel_type: rows for rel_type, rows in batch.new_relationships.items() if rows}
        parts = [self._q("guard_graph_version")]
        parts += [self._q("merge_nodes_part", label=kind.label) for kind in nodes]
        parts += [self._q("create_nodes_part", label=kind.label) for kind in new_nodes]
        parts += [self._q("merge_relationships_part", rel=rel_type.value) for rel_type in rels]
        parts += [self._q("create_relationships_part", rel=rel_type.value) for rel_type in new_rels]
        parts += [self._q("append_audit_entry"), self._q("return_graph_version")]
        text = "\n".join(parts)
        params = {
            "expected": -1 if expected_version is None else expected_version,
            "nodes": _grammed(nodes),
            "new_nodes": _grammed(new_nodes),
            "rels": {rel_type.value: list(rows) for rel_type, rows in rels.items()},
            "new_rels": {rel_type.value: list(rows) for rel_type, rows in new_rels.items()},
            "journal": journal_params,
        }
        query = params_header(params) + text
        with translate_errors():
            try:
                result = _rows(self._supervised(lambda: self._graph.query(query)))
            except redis.ResponseError as exc:
                if "division by zero" not in str(exc).lower():
                    raise
                # A relationship part's abort: an endpoint vanished after the caller checked it.
                every = [row for group in (rels, new_rels) for rows in group.values() for row in rows]
                written = (
                    row["id"] for group in (nodes, new_nodes) for rows in group.values() for row in rows
                )
                raise missing_endpoints(self, every, self._read, written) from exc
        if not result:
            raise GraphChanged(
                f"the graph changed while the import was checked (version {expected_version}, now "
                f"{self.graph_version()}); nothing was written"
            )
        if progress is not None:
            progress(len(batch))
        return int(result[0]["version"])

    def hit_rate_window(self, key: str, window_start: int, window_seconds: int) -> int:
        """A plain redis counter beside the graph, one per key and window, gone once the window is over:
        ``INCR`` and ``EXPIRE`` in one ``MULTI``, one round trip on the store's own connection."""
        name = f"{self._rate_prefix}{key}:{window_start}"

        def hit() -> int:
            pipeline = self._db.connection.pipeline(transaction=True)
            pipeline.incr(name)
            pipeline.expire(name, window_seconds)
            hits, _ = pipeline.execute()
            return int(hits)

        with translate_errors():
            return self._supervised(hit)

    def create_node(self, kind: NodeKind, props: Row, actor: Actor = SYSTEM) -> str | None:
        return super().create_node(kind, _with_grams(props), actor)

    def modify_node(self, kind: NodeKind, node_id: str, change: Change, actor: Actor = SYSTEM) -> str | None:
        return super().modify_node(kind, node_id, lambda stored: _with_grams(change(stored)), actor)

    def search(self, text: str, kinds: Sequence[str] | None, limit: int) -> list[Row]:
        """Typeahead through the ``_grams`` index (search_nodes.cypher); ``text`` is normalised and
        holds a character other than whitespace (``InvalidInput`` otherwise)."""
        grams = {f"g{slot}": gram for slot, gram in enumerate(query_grams(text))}
        params = {"q": text, "kinds": list(kinds) if kinds else None, "limit": limit, **grams}
        return self._read(self._q("search_nodes"), params)

    def _add_missing_search_grams(self) -> int:
        """Give ``_grams`` to the nodes of a store written before the gram index; how many it gave.

        Runs on every open: after the first it finds none in one pass over the Entity nodes."""
        added = 0
        while True:
            page = self._read(self._q("page_ungrammed_nodes"), {"limit": MIGRATION_PAGE_SIZE})
            if not page:
                break
            rows = [row | {"grams": search_grams(row["search"])} for row in page]
            updated = int(self._write(self._q("set_search_grams"), {"rows": rows})[0]["updated"])
            added += updated
            # Nodes rewritten meanwhile got their grams from that write; a full page that updated
            # nothing would come back unchanged, so stop rather than loop.
            if len(page) < MIGRATION_PAGE_SIZE or not updated:
                break
        if added:
            log.info("gave %d nodes the search grams of the typeahead index", added)
        return added

    def _write_locked(self, node_ids: Sequence[str], text: str, params: Row) -> list[Row]:
        # FalkorDB serialises write queries per graph and runs each atomically: a conditional write
        # in one query already reads the latest state and nothing commits between its read and write.
        return self._write(text, params)

    def _ensure_unique_ids(self) -> None:
        """Make FalkorDB refuse a second Entity with an id (a command, not Cypher; it needs the id
        range index of create_schema). It builds in the background and fails while duplicates exist."""
        with translate_errors():
            try:
                self._graph.create_node_unique_constraint("Entity", "id")
            except redis.ResponseError as exc:
                if "already exists" not in str(exc):
                    raise
                return
            for _ in range(50):
                status = {c["label"]: c["status"] for c in self._graph.list_constraints()}.get("Entity")
                if status == "FAILED":
                    log.error("FalkorDB holds duplicate Entity ids: unique ids unenforced until removed")
                if status not in {"PENDING", "UNDER CONSTRUCTION"}:
                    return
                time.sleep(0.1)

    def ensure_schema(self) -> None:
        # FalkorDB's CREATE INDEX has no IF NOT EXISTS: an existing index answers "already indexed".
        for statement in cypher.statements(self._q("create_schema")):
            with translate_errors():
                try:
                    self._graph.query(statement)
                except redis.ResponseError as exc:
                    if "already indexed" not in str(exc):
                        raise
        self._ensure_unique_ids()
        self._add_missing_search_grams()

    def close(self) -> None:
        self._release.detach()
        _release(self._db, self._server)

    # -- projection columns ------------------------------------------------------------------
    def iter_projection(self, page_size: int = 10_000) -> Iterator[tuple[list[Row], list[Row]]]:
        """As ``CypherStore.iter_projection``, from FalkorDB's plain replies (see ``_read_plain``)."""
        after = ""
        while True:
            nodes = self._read_plain(self._q("page_projection_nodes"), {"after": after, "limit": page_size})
            if not nodes:
                return
            listed = [row["id"] for row in nodes if any(row[name] is not None for name in LIST_COLUMNS)]
            if listed:  # the plain reply renders lists as text: read those few again, compactly
                lists = {
                    row["id"]: row for row in self._read(self._q("fetch_projection_lists"), {"ids": listed})
                }
                for row in nodes:
                    row.update(lists.get(row["id"], {}))
            ids = [row["id"] for row in nodes]
            yield nodes, self._read_plain(self._q("page_projection_relationships"), {"ids": ids})
            if len(nodes) < page_size:
                return
            after = ids[-1]

    def _read_flat(self, text: str, params: Row) -> list[Row]:
        return self._read_plain(text, params)

    def _read_plain(self, text: str, params: Row) -> list[Row]:
        """Run a read-only query and take FalkorDB's plain reply rather than the compact one the client
        parses cell by cell: three times faster for the millions of cells of a projection. Integers,
        strings and nulls come as such; the float and bool columns of ``gxgraph.analytics.columns``
        come as text and are converted here (as the client would); lists and maps come as lossy text,
        so a caller must not take them from here."""
        command = (
            "GRAPH.RO_QUERY",
            self._graph.name,
            params_header(params) + text,
            "timeout",
            self._timeout_ms,
        )
        with translate_errors():
            try:
                reply = self._supervised(lambda: self._graph.execute_command(*command))
            except redis.ResponseError as exc:
                if "empty key" in str(exc):  # no graph yet
                    return []
                raise
            failed = next((part for part in reply if isinstance(part, redis.ResponseError)), None)
            if failed is not None:
                raise failed
        if len(reply) < 3:
            return []
        names: list[str] = list(reply[0])
        rows = [dict(zip(names, values, strict=True)) for values in reply[1]]
        floats = FLOAT_COLUMNS.intersection(names)
        booleans = BOOLEAN_COLUMNS.intersection(names)
        for row in rows:
            for name in floats:
                if isinstance(row[name], str):
                    row[name] = float(row[name])
            for name in booleans:
                if isinstance(row[name], str):
                    row[name] = row[name] == "true"
        return rows


def _release(db: FalkorDB, server: EmbeddedFalkorDB | None) -> None:
    """Close the store's connection, then stop its embedded server if nobody else uses it."""
    with contextlib.suppress(redis.RedisError):
        db.connection.close()
    if server is not None:
        server.stop(only_if_idle=True)
