"""What a write records in the audit log, written by the same query or transaction as the write.

Every store write takes a ``Journal``: who writes (an ``Actor``), what operation it is, and the changes
it makes, each with the before and after of the properties it changes. The store appends it as one
``AuditEntry`` (numbered by ``seq``, stamped with the graph version the write produced) and its changes
as ``AuditPart`` nodes of at most ``PART_SIZE`` changes each, in the same query (FalkorDB) or
transaction (Neo4j) as the write itself: a write and its entry are committed together or not at all.
Nothing in the API edits or deletes them, and analyst queries are read-only.

A change is a plain dict, so it travels as JSON text (a property holds no maps)::

    {"entity": "node", "op": "update", "id": "acme", "kind": "company",
     "before": {"name_en": "Acme"}, "after": {"name_en": "ACME"}}

``before``/``after`` hold only the properties that differ (a property absent on one side is ``null``
there); a created item has ``before: null`` and all its properties in ``after``, a deleted one the
reverse. Relationships name themselves by ``type``, ``from`` and ``to``.

A part stores its changes as compressed JSON (``encode_changes``): an import's journal repeats every
row it writes, and sent as plain JSON it made a 120k-row import into the embedded store 1.5x slower;
compressed it is about a fifteenth of the size.
"""

from __future__ import annotations

import base64
import getpass
import json
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from gxgraph.domain.vocabulary import utc_now

Row = dict[str, Any]
PART_SIZE = 1000
"""Changes per ``AuditPart``: a large import is many parts, each a JSON text of bounded size."""


@dataclass(frozen=True)
class Actor:
    """Who makes a write: an API key (its id and name), the command line, or the system itself."""

    key_id: str
    name: str

    @classmethod
    def command_line(cls) -> Actor:
        """The operator at this machine's command line, named by their login."""
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no passwd entry (some containers)
            user = "unknown"
        return cls("cli", f"cli:{user}")


SYSTEM = Actor("system", "system")
"""Writes no person asked for directly (test fixtures, benchmarks, store maintenance)."""


def public(props: Row | None) -> Row | None:
    """``props`` without the store's own bookkeeping (keys starting with ``_``).

    >>> public({"id": "a", "_rev": "x"})
    {'id': 'a'}
    """
    if props is None:
        return None
    return {key: value for key, value in props.items() if key[:1] != "_"}


def difference(before: Row | None, after: Row | None) -> tuple[Row | None, Row | None]:
    """The before and after of the public properties that differ between two states of an item.

    >>> difference({"a": 1, "b": 2, "_rev": "x"}, {"a": 1, "b": 3, "c": 4, "_rev": "y"})
    ({'b': 2, 'c': None}, {'b': 3, 'c': 4})
    >>> difference(None, {"a": 1})
    (None, {'a': 1})
    """
    old, new = public(before), public(after)
    if old is None or new is None:
        return old, new
    keys = sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))
    return {key: old.get(key) for key in keys}, {key: new.get(key) for key in keys}


def patched(props: Mapping[str, Any], after: Mapping[str, Any]) -> Row:
    """The public ``props`` with a change's ``after`` applied (a null removes the property): the
    inverse of :func:`difference`.

    >>> patched({"a": 1, "b": 2, "_rev": "x"}, {"b": None, "c": 3})
    {'a': 1, 'c': 3}
    """
    result = {key: value for key, value in props.items() if not key.startswith("_")}
    for key, value in after.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = value
    return result


def node_change(node_id: str, kind: str, before: Row | None, after: Row | None) -> Row:
    """The change of node ``node_id`` from ``before`` to ``after`` (``None``: absent)."""
    old, new = difference(before, after)
    op = "create" if before is None else "delete" if after is None else "update"
    return {"entity": "node", "op": op, "id": node_id, "kind": kind, "before": old, "after": new}


def relationship_change(
    rel_type: str, source: str, target: str, before: Row | None, after: Row | None
) -> Row:
    """The change of the ``rel_type`` relationship from ``source`` to ``target``."""
    old, new = difference(before, after)
    op = "create" if before is None else "delete" if after is None else "update"
    return {
        "entity": "relationship",
        "op": op,
        "type": rel_type,
        "from": source,
        "to": target,
        "before": old,
        "after": new,
    }


def touched_ids(change: Row) -> list[str]:
    """The ids a change concerns: a node's id, a relationship's endpoints, a key's or query's name."""
    if change["entity"] == "relationship":
        return [change["from"], change["to"]]
    return [change["id"]]


@dataclass
class Journal:
    """The audit entry a write appends: who, what operation, and its changes."""

    actor: Actor
    operation: str
    changes: list[Row] = field(default_factory=list)
    graph_write: bool = True
    """False for writes outside the graph (API keys, saved queries): audited, not in the change feed."""
    at: str = field(default_factory=utc_now)

    def with_changes(self, changes: Iterable[Row]) -> Journal:
        """This journal holding ``changes`` instead (a write that re-reads and retries rebuilds them)."""
        return Journal(self.actor, self.operation, list(changes), self.graph_write, self.at)

    def parameters(self) -> Row:
        """The ``$journal`` parameter of ``append_audit_entry.cypher``."""
        return {
            "entry": {
                "at": self.at,
                "actor_id": self.actor.key_id,
                "actor_name": self.actor.name,
                "operation": self.operation,
                "graph_write": self.graph_write,
                "change_count": len(self.changes),
            },
            "parts": [
                {
                    "part": number,
                    "ids": sorted({node_id for change in part for node_id in touched_ids(change)}),
                    "changes": encode_changes(part),
                }
                for number, part in enumerate(_parts(self.changes, PART_SIZE))
            ],
        }


def encode_changes(changes: Sequence[Row]) -> str:
    """Changes as stored in an ``AuditPart``: JSON, zlib-compressed, base64 text.

    >>> decode_changes(encode_changes([{"op": "create"}]))
    [{'op': 'create'}]
    """
    # orjson: UTF-8 JSON like json.dumps(ensure_ascii=False), read back by json.loads, 7x faster on an
    # import's hundreds of thousands of changes.
    text = orjson.dumps(list(changes), option=orjson.OPT_SORT_KEYS)
    return base64.b64encode(zlib.compress(text, 1)).decode("ascii")


def decode_changes(stored: str) -> list[Row]:
    """The changes of an ``AuditPart`` (see ``encode_changes``)."""
    changes: list[Row] = json.loads(zlib.decompress(base64.b64decode(stored)))
    return changes


def _parts(changes: Sequence[Row], size: int) -> Iterable[Sequence[Row]]:
    for start in range(0, len(changes), size):
        yield changes[start : start + size]
