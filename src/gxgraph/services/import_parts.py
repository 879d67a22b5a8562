"""Imports too large for one import: every row checked first, then written as consecutive imports.

One import (:mod:`gxgraph.services.imports`) is one transaction holding its whole plan in memory, so
it takes at most ``GXGRAPH_MAX_IMPORT_ROWS`` rows. :func:`import_in_parts` imports more:

1. it checks every row as one import would (schema, repeated ids and relationships, relationship
   endpoints against the rows and the stored graph, kinds clashing with stored nodes), holding only
   ids and kinds; any problem refuses the whole input, listed by line, and nothing is written;
2. it imports the node rows, then the relationship rows, as consecutive all-or-nothing imports of at
   most ``part_rows`` rows each (nodes first, so every relationship's endpoints are stored).

Unlike one import, a part can fail after earlier parts were written: the store going away, or another
write removing an endpoint between the check and the part. Running the same import again then finishes
it, since imports are idempotent (what is already written counts as unchanged). The rows are read
three times (check, nodes, relationships), so they come from a callable that reads them afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.relationships import RelationshipBase
from gxgraph.domain.schema import endpoint_problems
from gxgraph.services.import_rows import (
    ImportReport,
    ParsedRow,
    RowCount,
    RowError,
    Where,
    refuse,
    repeated,
    row_error,
    validated,
)
from gxgraph.services.imports import import_rows
from gxgraph.store.base import GraphStore, Progress
from gxgraph.store.journal import SYSTEM, Actor

__all__ = ["check_rows", "import_in_parts"]

COUNTED = (
    "nodes_created",
    "nodes_updated",
    "nodes_unchanged",
    "relationships_created",
    "relationships_updated",
    "relationships_unchanged",
)


def check_rows(store: GraphStore, rows: Iterable[ParsedRow]) -> int:
    """Check ``rows`` as one import would, writing nothing; raise ``InvalidInput`` listing every
    problem, or return how many rows there are. Holds ids, kinds and relationship keys, not rows."""
    errors: list[RowError] = []
    kinds: dict[str, tuple[Where, NodeKind]] = {}
    links: dict[tuple[str, str, str], Where] = {}
    count = RowCount()
    for where, item in validated(count.counted(rows), errors):
        if isinstance(item, RelationshipBase):
            key = (item.source_id, item.type, item.target_id)  # type: ignore[attr-defined]
            if key in links:
                errors.append(repeated(where, f"relationship {key}", links[key]))
            else:
                links[key] = where
        elif item.id in kinds:
            errors.append(repeated(where, f"node {item.id!r}", kinds[item.id][0]))
        else:
            kinds[item.id] = (where, NodeKind(item.kind))  # type: ignore[attr-defined]
    ends = {end for source, _, target in links for end in (source, target)}
    stored = store.fetch_node_hashes(sorted(kinds.keys() | ends))
    for node_id, (where, kind) in kinds.items():
        if node_id in stored and stored[node_id][0] != kind:
            errors.append(row_error(where, f"id {node_id!r} is already a {stored[node_id][0]}"))
    known = {node_id: NodeKind(kind) for node_id, (kind, _) in stored.items()}
    known.update((node_id, kind) for node_id, (_, kind) in kinds.items())
    for (source, rel_type, target), where in links.items():
        for problem in endpoint_problems(RelType(rel_type), source, target, known):
            errors.append(row_error(where, f"{problem.end}: {problem.message}"))
    if errors:
        refuse(errors)
    return count.count


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
    consecutive imports of at most ``part_rows`` rows; the summed report (its ``graph_version`` the
    last part's) and the number of imports made."""
    total = ImportReport(rows=check_rows(store, read()))
    parts = 0
    for nodes in (True, False):
        chosen = (row for row in read() if isinstance(row.value, dict) and ("kind" in row.value) == nodes)
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
