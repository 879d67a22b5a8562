"""Import of JSON Lines and CSV: validate every row, then write all of it or nothing.

A node row has ``kind``; a relationship row has ``type``, ``from`` and ``to``. Every problem in a file
is collected with its line number before anything is written; a file with any problem writes
nothing. Writes are upserts, so re-importing a file changes nothing and reports every row as
unchanged.

The plan (validation and the created/updated/unchanged counts) is made against one graph version, and
the store writes it in one transaction only while the graph is still at that version, bumping it in
the same transaction. A write that landed in between makes the store refuse (``GraphChanged``); the
import then plans again against the new graph, a few times, before answering 409. So the counts are
what was written, and an import that fails for any reason leaves the graph and its version as they were.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import IO, Any, NamedTuple, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.nodes import Node, NodeBase
from gxgraph.domain.relationships import Relationship, RelationshipBase
from gxgraph.domain.schema import endpoint_problems
from gxgraph.domain.vocabulary import utc_now
from gxgraph.errors import GraphChanged, InvalidInput, PayloadTooLarge
from gxgraph.services.records import (
    HASH_KEY,
    content_hash,
    node_props,
    public_props,
    relationship_props,
)
from gxgraph.store.base import GraphStore, Progress, WriteBatch
from gxgraph.store.journal import SYSTEM, Actor, Journal, node_change, relationship_change

Row = dict[str, Any]
MAX_REPORTED_ERRORS = 1000
PLAN_ATTEMPTS = 3
"""How often an import plans again after another write changed the graph under it."""

_node_adapter: TypeAdapter[NodeBase] = TypeAdapter(Node)
_rel_adapter: TypeAdapter[RelationshipBase] = TypeAdapter(Relationship)


class ImportFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"


class RowError(BaseModel):
    """One problem in an import file."""

    file: str | None = None
    line: int
    message: str


class ParsedRow(NamedTuple):
    """A row of an import file with where it came from; ``value`` is the row or why it is unreadable."""

    file: str | None
    line: int
    value: Row | str


class ImportReport(BaseModel):
    """What an import did (or, for a dry run, would do)."""

    rows: int
    nodes_created: int = 0
    nodes_updated: int = 0
    nodes_unchanged: int = 0
    relationships_created: int = 0
    relationships_updated: int = 0
    relationships_unchanged: int = 0
    dry_run: bool = False
    graph_version: int | None = None


@dataclass
class _Plan:
    batch: WriteBatch = field(default_factory=WriteBatch)
    report: ImportReport = field(default_factory=lambda: ImportReport(rows=0))
    changes: list[Row] = field(default_factory=list)
    """What the batch changes, for the audit log: each row's properties before and after."""


def _pydantic_message(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors(include_url=False):
        location = ".".join(str(part) for part in error["loc"])
        parts.append(f"{location}: {error['msg']}" if location else error["msg"])
    return "; ".join(parts)


def parse_jsonl(lines: Iterable[str], file: str | None = None) -> Iterator[ParsedRow]:
    """Each non-blank line as a row, or as the reason it cannot be read."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ParsedRow(file, number, f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        yield ParsedRow(file, number, value if isinstance(value, dict) else "a row must be a JSON object")


def _csv_cell(value: str) -> Any:
    value = value.strip()
    if value[:1] in "[{":
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def parse_csv(text: str | Iterable[str], file: str | None = None) -> Iterator[ParsedRow]:
    """Rows of a CSV file (its text, or a text file read with ``newline=""``) with a header; empty
    cells are absent, ``[...]``/``{...}`` cells are JSON."""
    reader = csv.DictReader(io.StringIO(text) if isinstance(text, str) else text)
    if reader.fieldnames is None:
        return
    for record in reader:
        if None in record:
            yield ParsedRow(file, reader.line_num, "more cells than header columns")
            continue
        row = {key.strip(): _csv_cell(value) for key, value in record.items() if value and value.strip()}
        if row:
            yield ParsedRow(file, reader.line_num, row)


def parse(data: bytes | str, fmt: ImportFormat, file: str | None = None) -> Iterator[ParsedRow]:
    """Decode and parse an import file of the given format."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            problem = {"file": file, "line": 0, "message": str(exc)}
            raise InvalidInput("the file is not UTF-8 text; nothing was written", [problem]) from exc
    if fmt is ImportFormat.CSV:
        return parse_csv(data, file)
    # Only "\n" ends a JSON Lines row: str.splitlines() also cuts at U+2028, U+2029 and U+0085, which a
    # JSON string holds raw (json.dumps(ensure_ascii=False) writes them so), and at \x0b, \x0c, \x1c-\x1e.
    return parse_jsonl((line.removesuffix("\r") for line in data.split("\n")), file)


def parse_stream(stream: IO[bytes], fmt: ImportFormat, file: str | None = None) -> Iterator[ParsedRow]:
    """As :func:`parse`, reading ``stream`` line by line instead of whole, so a large upload (spooled to
    disk) is never held as one string; text that is not UTF-8 is ``InvalidInput`` when reached."""
    if fmt is ImportFormat.CSV:
        rows = parse_csv(io.TextIOWrapper(stream, encoding="utf-8-sig", newline=""), file)
    else:
        # newline="\n": only "\n" ends a line, as in parse (U+2028 and the like stay inside rows).
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="\n")
        rows = parse_jsonl((line.removesuffix("\n").removesuffix("\r") for line in text), file)
    try:
        yield from rows
    except UnicodeDecodeError as exc:
        problem = {"file": file, "line": 0, "message": str(exc)}
        raise InvalidInput("the file is not UTF-8 text; nothing was written", [problem]) from exc


Where = tuple[str | None, int]


def row_error(where: Where, message: str) -> RowError:
    return RowError(file=where[0], line=where[1], message=message)


class RowCount:
    """How many rows an iteration has read so far, refused past ``most`` (``None``: no limit)."""

    def __init__(self, most: int | None = None) -> None:
        self.most, self.count = most, 0

    def counted(self, rows: Iterable[ParsedRow]) -> Iterator[ParsedRow]:
        for row in rows:
            self.count += 1
            if self.most is not None and self.count > self.most:
                raise PayloadTooLarge(
                    f"an import takes at most {self.most:,} rows (GXGRAPH_MAX_IMPORT_ROWS): one import "
                    "holds all its rows in memory; import this one in parts (gxgraph import "
                    "--part-rows N) or raise the limit; nothing was written"
                )
            yield row


def validated(
    rows: Iterable[ParsedRow], errors: list[RowError]
) -> Iterator[tuple[Where, NodeBase | RelationshipBase]]:
    """Each well-formed row as a node or relationship model, with where it was read; a problem is
    added to ``errors`` instead (relationship endpoints are not checked here)."""
    for file, line, row in rows:
        where = (file, line)
        if isinstance(row, str):
            errors.append(row_error(where, row))
            continue
        try:
            if "kind" in row:
                item: NodeBase | RelationshipBase = _node_adapter.validate_python(row)
            elif "type" in row:
                item = _rel_adapter.validate_python(row)
            else:
                errors.append(row_error(where, "a row needs 'kind' (a node) or 'type' (a relationship)"))
                continue
        except ValidationError as exc:
            errors.append(row_error(where, _pydantic_message(exc)))
            continue
        yield where, item


def repeated(where: Where, what: str, first: Where) -> RowError:
    """The problem of a node or relationship given twice in one import."""
    return row_error(where, f"{what} repeats line {first[1]}")


def _validate_rows(
    rows: Iterable[ParsedRow], errors: list[RowError], max_rows: int | None = None
) -> tuple[
    dict[str, tuple[Where, NodeBase]], dict[tuple[str, str, str], tuple[Where, RelationshipBase]], int
]:
    nodes: dict[str, tuple[Where, NodeBase]] = {}
    rels: dict[tuple[str, str, str], tuple[Where, RelationshipBase]] = {}
    count = RowCount(max_rows)
    for where, item in validated(count.counted(rows), errors):
        if isinstance(item, RelationshipBase):
            key = (item.source_id, item.type, item.target_id)  # type: ignore[attr-defined]
            if key in rels:
                errors.append(repeated(where, f"relationship {key}", rels[key][0]))
            else:
                rels[key] = (where, item)
        elif item.id in nodes:
            errors.append(repeated(where, f"node {item.id!r}", nodes[item.id][0]))
        else:
            nodes[item.id] = (where, item)
    return nodes, rels, count.count


def _same(existing: Row, new: Row) -> bool:
    def comparable(props: Row) -> Row:
        return {k: v for k, v in public_props(props).items() if k != "updated_at"}

    return comparable(existing) == comparable(new)


def _count(report: ImportReport, what: str, change: str) -> None:
    field_name = f"{what}_{change}"
    setattr(report, field_name, getattr(report, field_name) + 1)


K = TypeVar("K")


def _compare(
    hashed: dict[K, Row], stored_hashes: dict[K, str | None], read: Callable[[list[K]], dict[K, Row]]
) -> dict[K, Row | None]:
    """What each item of ``hashed`` (key: its props with their ``_hash``) replaces: ``None`` when not
    stored, its stored props when they differ; items stored unchanged are left out.

    An equal stored hash means unchanged without reading anything; only the items whose hash differs
    or is missing (written before hashes, or by a write that does not hash) are read and compared.
    """
    differing = [key for key, props in hashed.items() if stored_hashes.get(key, "") != props[HASH_KEY]]
    unsure = [key for key in differing if key in stored_hashes]
    read_back = read(unsure) if unsure else {}
    found: dict[K, Row | None] = {}
    for key in differing:
        stored = read_back.get(key)
        if stored is None or not _same(stored, hashed[key]):
            found[key] = stored
    return found


def _hashed(props: Row) -> Row:
    props[HASH_KEY] = content_hash(props)
    return props


def _stamp(props: Row, now: str) -> Row:
    props.setdefault("updated_at", now)
    return props


def plan_import(store: GraphStore, rows: Iterable[ParsedRow]) -> _Plan:
    """Validate every row against the schema and the stored graph; raise ``InvalidInput`` listing all
    problems, or return the writes to make (the report's ``graph_version`` is the version planned on)."""
    errors: list[RowError] = []
    return _plan(store, *_validate_rows(rows, errors), errors)


def refuse(errors: list[RowError]) -> None:
    errors.sort(key=lambda error: (error.file or "", error.line))
    raise InvalidInput(
        f"{len(errors)} problem(s) in the file; nothing was written",
        [error.model_dump() for error in errors[:MAX_REPORTED_ERRORS]],
    )


def _plan(
    store: GraphStore,
    nodes: dict[str, tuple[Where, NodeBase]],
    rels: dict[tuple[str, str, str], tuple[Where, RelationshipBase]],
    count: int,
    row_errors: list[RowError],
) -> _Plan:
    # Read first: every read below then sees this version or a later one, and a later one makes the
    # write refuse the plan.
    version = store.graph_version()
    errors = list(row_errors)
    stored_nodes = store.fetch_node_hashes(list(nodes))
    for node_id, (where, node) in nodes.items():
        stored = stored_nodes.get(node_id)
        if stored is not None and stored[0] != node.kind:  # type: ignore[attr-defined]
            errors.append(row_error(where, f"id {node_id!r} is already a {stored[0]}"))

    file_kinds = {node_id: NodeKind(node.kind) for node_id, (_, node) in nodes.items()}  # type: ignore[attr-defined]
    endpoint_ids = {end for key in rels for end in (key[0], key[2])} - file_kinds.keys()
    stored_kinds = {
        nid: NodeKind(kind) for nid, (kind, _) in store.fetch_node_hashes(list(endpoint_ids)).items()
    }
    kinds = {**stored_kinds, **file_kinds}
    for (source, rel_type, target), (where, _) in rels.items():
        for problem in endpoint_problems(RelType(rel_type), source, target, kinds):
            errors.append(row_error(where, f"{problem.end}: {problem.message}"))
    if errors:
        refuse(errors)

    plan = _Plan(report=ImportReport(rows=count, graph_version=version))
    now = utc_now()
    new_nodes = {node_id: _hashed(node_props(node)) for node_id, (_, node) in nodes.items()}
    node_hashes = {node_id: stored[1] for node_id, stored in stored_nodes.items()}
    writes = _compare(new_nodes, node_hashes, store.fetch_nodes)
    for node_id, props in new_nodes.items():
        if node_id not in writes:
            _count(plan.report, "nodes", "unchanged")
            continue
        before = writes[node_id]
        _count(plan.report, "nodes", "created" if before is None else "updated")
        kind = file_kinds[node_id]
        group = plan.batch.nodes if before is not None else plan.batch.new_nodes
        group.setdefault(kind, []).append({"id": node_id, "props": _stamp(props, now)})
        plan.changes.append(node_change(node_id, kind.value, before, props))

    by_type: dict[RelType, list[RelationshipBase]] = {}
    for (_, rel_type, _), (_, rel) in rels.items():
        by_type.setdefault(RelType(rel_type), []).append(rel)
    stored_ids = stored_nodes.keys() | stored_kinds.keys()
    for rel_type, items in by_type.items():
        new_rels = {(r.source_id, r.target_id): _hashed(relationship_props(r)) for r in items}
        # A relationship with an endpoint not stored yet cannot be stored: a first import reads none.
        could_exist = [pair for pair in new_rels if pair[0] in stored_ids and pair[1] in stored_ids]
        rel_hashes = store.fetch_relationship_hashes(rel_type, could_exist) if could_exist else {}

        def read(pairs: list[tuple[str, str]], rel_type: RelType = rel_type) -> dict[tuple[str, str], Row]:
            return store.fetch_relationships(rel_type, pairs)

        rel_writes = _compare(new_rels, rel_hashes, read)
        for (source, target), props in new_rels.items():
            if (source, target) not in rel_writes:
                _count(plan.report, "relationships", "unchanged")
                continue
            before = rel_writes[(source, target)]
            _count(plan.report, "relationships", "created" if before is None else "updated")
            rel_group = plan.batch.relationships if before is not None else plan.batch.new_relationships
            rel_group.setdefault(rel_type, []).append(
                {"from": source, "to": target, "props": _stamp(props, now)}
            )
            plan.changes.append(relationship_change(rel_type.value, source, target, before, props))
    return plan


def import_rows(
    store: GraphStore,
    rows: Iterable[ParsedRow],
    *,
    batch_size: int = 5000,
    dry_run: bool = False,
    progress: Progress | None = None,
    on_planned: Callable[[int], None] | None = None,
    actor: Actor = SYSTEM,
    max_rows: int | None = None,
) -> ImportReport:
    """Validate ``rows`` and, unless ``dry_run``, write them in batches; returns the counts.

    ``on_planned`` hears how many rows will be written (a progress bar's total); ``progress`` hears
    each written batch. The audit log records the write as ``actor``'s, with each row's changes.
    More than ``max_rows`` rows raise ``PayloadTooLarge`` as soon as the one past it is read.
    """
    row_errors: list[RowError] = []
    nodes, rels, count = _validate_rows(rows, row_errors, max_rows)
    for attempt in range(1, PLAN_ATTEMPTS + 1):
        plan = _plan(store, nodes, rels, count, row_errors)
        plan.report.dry_run = dry_run
        if on_planned is not None and attempt == 1:
            on_planned(0 if dry_run else len(plan.batch))
        if dry_run or not len(plan.batch):
            return plan.report
        try:
            plan.report.graph_version = store.write(
                plan.batch,
                batch_size=batch_size,
                progress=progress,
                expected_version=plan.report.graph_version,
                journal=Journal(actor, "import", plan.changes),
            )
        except GraphChanged:
            if attempt == PLAN_ATTEMPTS:
                raise
            continue
        return plan.report
    raise AssertionError("unreachable")  # pragma: no cover
