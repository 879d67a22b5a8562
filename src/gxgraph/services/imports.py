"""Import of JSON Lines and CSV: check every row, then write all of it or nothing.

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

import contextlib
import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from typing import IO, Any

from gxgraph.errors import GraphChanged, InvalidInput
from gxgraph.services.import_plan import key_rows, plan_writes
from gxgraph.services.import_rows import ImportReport, ParsedRow, RowError
from gxgraph.store.base import GraphStore, Progress
from gxgraph.store.journal import SYSTEM, Actor, Journal

__all__ = [
    "ImportFormat",
    "ImportReport",
    "ParsedRow",
    "import_rows",
    "parse",
    "parse_csv",
    "parse_jsonl",
    "parse_stream",
]

PLAN_ATTEMPTS = 3
"""How often an import plans again after another write changed the graph under it."""


class ImportFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"


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
    disk) is never held as one string; text that is not UTF-8 is ``InvalidInput`` when reached.
    ``stream`` stays open (its owner may read it again)."""
    # newline: CSV reads its own line ends; in JSON Lines only "\n" ends a line, as in parse (U+2028
    # and the like stay inside rows).
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="" if fmt is ImportFormat.CSV else "\n")
    if fmt is ImportFormat.CSV:
        rows = parse_csv(text, file)
    else:
        rows = parse_jsonl((line.removesuffix("\n").removesuffix("\r") for line in text), file)
    try:
        yield from rows
    except UnicodeDecodeError as exc:
        problem = {"file": file, "line": 0, "message": str(exc)}
        raise InvalidInput("the file is not UTF-8 text; nothing was written", [problem]) from exc
    finally:
        # A wrapper collected while attached closes the stream (unless its owner closed it first).
        with contextlib.suppress(ValueError):
            text.detach()


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
    nodes, rels, count = key_rows(rows, row_errors, max_rows)
    for attempt in range(1, PLAN_ATTEMPTS + 1):
        plan = plan_writes(store, nodes, rels, count, row_errors)
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
