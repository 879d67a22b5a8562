"""CSV (or JSON Lines) imports through entity resolution (``gxgraph sources import-csv``).

The plain import (``gxgraph import``) writes rows under their own ids. This one first resolves every
institution and company row against the graph, as the connectors do: a row that matches a node (by
an ``external_ids`` entry, or by a normalised English or Japanese name) merges into it, keeping the
node's values and adding the row's ids and missing fields; relationship rows follow their endpoints to
the merged ids; a weak match holds the row (and its relationships) for review.
"""

from __future__ import annotations

from collections.abc import Sequence

from gxgraph.errors import InvalidInput
from gxgraph.services.imports import ParsedRow
from gxgraph.sources.load import Load, SourceReport
from gxgraph.sources.resolution import Incoming
from gxgraph.store.base import GraphStore
from gxgraph.store.journal import SYSTEM, Actor

__all__ = ["load_csv"]

_ORGANISATIONS = ("institution", "company")


def _unkeyed(value: object) -> str | None:
    """Why a row cannot be resolved (unreadable, or without the keys resolution goes by), or None.

    >>> _unkeyed({"kind": "planet"}), _unkeyed({"type": "COVERS", "from": "a", "to": "b"})
    ("a node row needs an 'id'", None)
    """
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        return "a row must be an object"
    if "kind" in value:
        return None if isinstance(value.get("id"), str) else "a node row needs an 'id'"
    if "type" in value:
        ends = all(isinstance(value.get(end), str) for end in ("from", "to"))
        return None if ends else "a relationship row needs 'from' and 'to'"
    return "a row needs 'kind' (a node) or 'type' (a relationship)"


def load_csv(
    store: GraphStore,
    rows: Sequence[ParsedRow],
    *,
    dry_run: bool = False,
    batch_size: int = 5000,
    actor: Actor = SYSTEM,
) -> SourceReport:
    """Resolve and import ``rows`` (parsed by :func:`gxgraph.services.imports.parse`)."""
    unreadable = [
        {"file": r.file, "line": r.line, "message": problem} for r in rows if (problem := _unkeyed(r.value))
    ]
    if unreadable:
        raise InvalidInput(f"{len(unreadable)} problem(s) in the file; nothing was written", unreadable)
    load = Load.open(store, "csv", "csv:")
    values = [dict(r.value) for r in rows if isinstance(r.value, dict)]
    load.prefetch([str(v["id"]) for v in values if "kind" in v and "id" in v])
    renamed: dict[str, str | None] = {}
    for row in values:
        if row.get("kind") in _ORGANISATIONS and "id" in row and "name_en" in row:
            ids = row.get("external_ids") or []
            incoming = Incoming(
                key=f"csv:{row['id']}",
                name=str(row["name_en"]),
                other_names=(str(row["name_ja"]),) if row.get("name_ja") else (),
                country=str(row["country"]).upper() if row.get("country") else None,
                external_ids=frozenset(str(x) for x in ids) if isinstance(ids, list) else frozenset(),
            )
            renamed[str(row["id"])] = load.organisation(incoming, row)
        elif "kind" in row:
            load.put_node(row)
    for row in values:
        if "type" in row and "kind" not in row:
            ends = [renamed.get(str(row.get(end)), str(row.get(end))) for end in ("from", "to")]
            if None in ends:
                load.notes.append(
                    f"{row['type']} {row.get('from')} -> {row.get('to')}: held with its endpoint"
                )
                continue
            load.relationship({**row, "from": ends[0], "to": ends[1]})
    return load.write(dry_run=dry_run, batch_size=batch_size, actor=actor)
