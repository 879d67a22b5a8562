"""Imports too large for one import: every row checked first, then written as consecutive imports.

One import (:mod:`gxgraph.services.imports`) is one transaction holding its whole plan in memory, so
it takes at most ``GXGRAPH_MAX_IMPORT_ROWS`` rows. :func:`import_in_parts` imports more:

1. it checks every row as one import would (schema, repeated ids and relationships, relationship
   endpoints against the rows and the stored graph, kinds clashing with stored nodes), holding only
   keys, kinds and row digests, and validating (on a second read) only the rows the store does not
   hold as they are; any problem refuses the whole input, listed by line, and nothing is written;
2. it imports the node rows, then the relationship rows, as consecutive all-or-nothing imports of at
   most ``part_rows`` rows each (nodes first, so every relationship's endpoints are stored). Rows the
   check found stored as they are count as unchanged and are left out of the parts: a re-import of an
   unchanged file reads the stored digests once, and writes nothing.

Unlike one import, a part can fail after earlier parts were written: the store going away, or another
write removing an endpoint between the check and the part. Running the same import again then finishes
it, since imports are idempotent (what is already written counts as unchanged). The rows are read
three or four times (check, nodes, relationships), so they come from a callable that reads them afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from gxgraph.errors import InvalidInput
from gxgraph.services.import_plan import Item, RelKey, check, key_rows, read_stored
from gxgraph.services.import_rows import ImportReport, ParsedRow, RowError, Where, validate_row
from gxgraph.services.imports import import_rows
from gxgraph.store.base import GraphStore, Progress
from gxgraph.store.journal import SYSTEM, Actor

__all__ = ["check_part_options", "check_rows", "import_in_parts"]

COUNTED = (
    "nodes_created",
    "nodes_updated",
    "nodes_unchanged",
    "relationships_created",
    "relationships_updated",
    "relationships_unchanged",
)


def check_part_options(
    part_rows: int, dry_run: bool, max_rows: int, names: tuple[str, str] = ("part_rows", "dry_run")
) -> None:
    """``InvalidInput`` when ``part_rows`` (its option named ``names[0]``) passes ``max_rows`` or
    comes with a dry run (``names[1]``): a dry run checks one import."""
    if part_rows > max_rows:
        detail = {"loc": [names[0]], "msg": f"at most {max_rows:,}", "type": "less_than_equal"}
        raise InvalidInput(f"{names[0]} is at most GXGRAPH_MAX_IMPORT_ROWS ({max_rows:,})", [detail])
    if part_rows and dry_run:
        raise InvalidInput(f"{names[1]} checks one import; with {names[0]} every row is checked anyway")


class RowSet:
    """A set of rows by where they are (file, line), one bit per line: millions of rows in megabytes."""

    def __init__(self) -> None:
        self._bits: dict[str | None, bytearray] = {}

    def add(self, where: Where) -> None:
        bits = self._bits.setdefault(where[0], bytearray())
        byte = where[1] >> 3
        if byte >= len(bits):
            bits.extend(bytes(byte + 1 - len(bits)))
        bits[byte] |= 1 << (where[1] & 7)

    def __contains__(self, where: Where) -> bool:
        bits = self._bits.get(where[0])
        byte = where[1] >> 3
        return bits is not None and byte < len(bits) and bool(bits[byte] & (1 << (where[1] & 7)))


@dataclass
class CheckedRows:
    """What checking every row found: how many rows, and those the store held as they are."""

    rows: int
    version: int
    """The graph version the check read."""
    held: RowSet = field(default_factory=RowSet)
    held_nodes: int = 0
    held_relationships: int = 0


def check_rows(store: GraphStore, read: Callable[[], Iterable[ParsedRow]]) -> CheckedRows:
    """Check the rows of ``read()`` as one import would, writing nothing; raise ``InvalidInput``
    listing every problem, or say what it found. Holds keys, kinds and digests, not rows: the rows
    the store does not hold as they are are validated on a second read."""
    errors: list[RowError] = []
    nodes, rels, count = key_rows(read(), errors, keep_rows=False)
    stored = read_stored(store, nodes, rels)
    checked = CheckedRows(count, stored.version)
    unsure: dict[Where, Item] = {}
    keyed: list[tuple[str | RelKey, Item]] = [*nodes.items(), *rels.items()]
    for key, item in keyed:
        if stored.holds(key, item):
            checked.held.add(item.where)
            if isinstance(key, str):
                checked.held_nodes += 1
            else:
                checked.held_relationships += 1
        elif item.model is None:  # not validated yet (key_rows validates rows it cannot key plainly)
            unsure[item.where] = item
    for file, line, row in read() if unsure else ():
        unsure_item = unsure.get((file, line))
        if unsure_item is not None and isinstance(row, dict):
            # Only whether it is valid is kept: a first import's models would be gigabytes.
            unsure_item.failed = validate_row(unsure_item.where, row, errors) is None
            unsure_item.checked = True
    check(nodes, rels, stored, errors)
    return checked


def import_in_parts(
    store: GraphStore,
    read: Callable[[], Iterable[ParsedRow]],
    part_rows: int,
    *,
    batch_size: int = 5000,
    progress: Progress | None = None,
    actor: Actor = SYSTEM,
) -> tuple[ImportReport, int]:
    """Check every row of ``read()``, then import its nodes and then its relationships as
    consecutive imports of at most ``part_rows`` rows, leaving out the rows the check found stored as
    they are; the summed report (its ``graph_version`` the last part's, or the check's when nothing
    needed writing) and the number of imports made."""
    checked = check_rows(store, read)
    total = ImportReport(
        rows=checked.rows,
        nodes_unchanged=checked.held_nodes,
        relationships_unchanged=checked.held_relationships,
        graph_version=checked.version,
    )
    parts = 0
    for nodes in (True, False):
        chosen = (
            row
            for row in read()
            if isinstance(row.value, dict)
            and ("kind" in row.value) == nodes
            and (row.file, row.line) not in checked.held
        )
        for part in _parts(chosen, part_rows):
            report = import_rows(store, part, batch_size=batch_size, progress=progress, actor=actor)
            parts += 1
            for name in COUNTED:
                setattr(total, name, getattr(total, name) + getattr(report, name))
            total.graph_version = report.graph_version
    return total, parts


def _parts(rows: Iterable[ParsedRow], size: int) -> Iterator[list[ParsedRow]]:
    rows = iter(rows)
    while part := list(islice(rows, size)):
        yield part
