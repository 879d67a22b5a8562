"""What the store keeps beside the graph: API keys, saved queries, the audit log and the source
review list. None of it is a graph entity: never exported, counted, projected or in the change feed.
Each write here appends its audit entry (``gxgraph.store.journal``) in the same query.
"""

from __future__ import annotations

import secrets
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gxgraph.store import cypher
from gxgraph.store.journal import SYSTEM, Actor, Journal

Row = dict[str, Any]


class QueryRunner(ABC):
    """The two primitives every backend provides, and the query library they run."""

    backend: str

    @abstractmethod
    def _read(self, text: str, params: Row) -> list[Row]:
        """Run a read-only query; rows as dicts keyed by column name."""

    @abstractmethod
    def _write(self, text: str, params: Row) -> list[Row]:
        """Run one write query in its own transaction."""

    def _q(self, name: str, **fragments: str) -> str:
        return cypher.render(self.backend, name, **fragments)


@dataclass(frozen=True)
class AuditQuery:
    """A filtered page of the audit log, newest first (times are ISO 8601 strings, as stored)."""

    actor: str | None = None
    """An API key's id or name, ``cli:<login>`` or ``system``."""
    operation: str | None = None
    seqs: Sequence[int] | None = None
    """Only these entries (those whose changes touch an id, from ``audit_seqs_touching``)."""
    since: str | None = None
    until: str | None = None
    before_seq: int | None = None
    limit: int = 50


def _without_internal(props: Row) -> Row:
    return {key: value for key, value in props.items() if not key.startswith("_")}


class SideRecords(QueryRunner):
    """Keys, saved queries, the audit log and the review list, over a backend's primitives."""

    # -- API keys ----------------------------------------------------------------------------
    def put_api_key(self, key: Row, actor: Actor = SYSTEM) -> None:
        shown = {name: value for name, value in key.items() if name != "hash"}
        change = {"entity": "api_key", "op": "create", "id": key["key_id"], "before": None, "after": shown}
        journal = Journal(actor, "create_api_key", [change], graph_write=False)
        self._write(self._q("create_api_key"), {"key": key, "journal": journal.parameters()})

    def fetch_api_key(self, key_id: str) -> Row | None:
        rows = self._read(self._q("fetch_api_key"), {"key_id": key_id})
        return dict(rows[0]["props"]) if rows else None

    def list_api_keys(self) -> list[Row]:
        return [dict(row["props"]) for row in self._read(self._q("list_api_keys"), {})]

    def revoke_api_key(self, key_id: str, revoked_at: str, actor: Actor = SYSTEM) -> bool:
        change = {
            "entity": "api_key",
            "op": "update",
            "id": key_id,
            "before": {"revoked_at": None},
            "after": {"revoked_at": revoked_at},
        }
        journal = Journal(actor, "revoke_api_key", [change], graph_write=False)
        params = {"key_id": key_id, "revoked_at": revoked_at, "journal": journal.parameters()}
        return bool(self._write(self._q("revoke_api_key"), params))

    # -- saved queries ---------------------------------------------------------------------------
    def create_saved_query(self, query: Row, actor: Actor = SYSTEM) -> bool:
        """Store ``query`` unless one of its name exists; True when this call stored it."""
        change = {"entity": "saved_query", "op": "create", "id": query["name"], "before": None}
        journal = Journal(actor, "create_saved_query", [change | {"after": query}], graph_write=False)
        params = {"query": query, "token": secrets.token_hex(8), "journal": journal.parameters()}
        rows = self._write(self._q("create_saved_query"), params)
        return bool(rows and rows[0]["created"])

    def fetch_saved_query(self, name: str) -> Row | None:
        rows = self._read(self._q("fetch_saved_query"), {"name": name})
        return _without_internal(rows[0]["props"]) if rows else None

    def list_saved_queries(self) -> list[Row]:
        return [_without_internal(row["props"]) for row in self._read(self._q("list_saved_queries"), {})]

    def delete_saved_query(self, name: str, actor: Actor = SYSTEM) -> bool:
        before = self.fetch_saved_query(name)
        if before is None:
            return False
        change = {"entity": "saved_query", "op": "delete", "id": name, "before": before, "after": None}
        journal = Journal(actor, "delete_saved_query", [change], graph_write=False)
        params = {"name": name, "journal": journal.parameters()}
        return bool(self._write(self._q("delete_saved_query"), params))

    # -- the audit log -----------------------------------------------------------------------------
    def audit_seqs_touching(self, item_id: str) -> list[int]:
        """The entries whose changes concern ``item_id`` (a node, a relationship end, a key, a query)."""
        rows = self._read(self._q("find_audit_seqs"), {"id": item_id})
        return sorted(int(row["seq"]) for row in rows)

    def audit_entries(self, query: AuditQuery) -> list[Row]:
        """A page of audit entries (without their changes), newest first."""
        params = {
            "actor": query.actor,
            "operation": query.operation,
            "seqs": None if query.seqs is None else list(query.seqs),
            "since": query.since,
            "until": query.until,
            "before": query.before_seq,
            "limit": query.limit,
        }
        return [dict(row["props"]) for row in self._read(self._q("list_audit_entries"), params)]

    def audit_parts(
        self,
        seqs: Sequence[int],
        item_id: str | None = None,
        first_part: int = 0,
        last_part: int | None = None,
    ) -> list[Row]:
        """The change parts ``{seq, part, changes}`` (JSON text) of the entries ``seqs``, in order:
        parts ``first_part`` to ``last_part``, and only those concerning ``item_id`` when given."""
        params = {"seqs": list(seqs), "id": item_id, "first_part": first_part, "last_part": last_part}
        return self._read(self._q("fetch_audit_parts"), params)

    def graph_write_entries(self, after_version: int, limit: int) -> list[Row]:
        """Up to ``limit`` entries of graph writes past ``after_version``, in version order."""
        params = {"after": after_version, "limit": limit}
        return [dict(row["props"]) for row in self._read(self._q("list_graph_writes"), params)]

    # -- source review list --------------------------------------------------------------------
    # Weak entity-resolution matches the secretariat accepts or rejects (gxgraph.sources.review), as
    # :ReviewDecision nodes outside the graph proper: not entities, so not exported, counted or
    # projected, and a graph version is not bumped by a decision.
    def record_review_items(self, items: Sequence[Row]) -> dict[str, str]:
        """Store new pairs as pending and refresh known ones, keeping their decisions; every pair's
        ``review_id`` -> its status."""
        if not items:
            return {}
        rows = self._write(self._q("record_review_items"), {"items": list(items)})
        return {str(row["review_id"]): str(row["status"]) for row in rows}

    def list_review_items(self, status: str | None = None) -> list[Row]:
        """Every review pair, or those with ``status``, by review id."""
        rows = self._read(self._q("list_review_items"), {"status": status})
        return [dict(row["props"]) for row in rows]

    def decide_review_item(
        self, review_id: str, status: str, decided_by: str, decided_at: str, actor: Actor = SYSTEM
    ) -> Row | None:
        """Record a decision on a pair; its properties, or None when there is no such pair."""
        decision = {"status": status, "decided_by": decided_by, "decided_at": decided_at}
        earlier = [row for row in self.list_review_items() if row.get("review_id") == review_id]
        before = {key: earlier[0].get(key) for key in decision} if earlier else None
        change = {"entity": "review_pair", "op": "update", "id": review_id, "before": before}
        journal = Journal(actor, "decide_review_item", [change | {"after": decision}], graph_write=False)
        params = {"review_id": review_id, **decision, "journal": journal.parameters()}
        rows = self._write(self._q("decide_review_item"), params)
        return dict(rows[0]["props"]) if rows else None

    def review_decisions(self) -> dict[str, str]:
        """``review_id`` -> ``accepted`` / ``rejected`` for every decided pair."""
        rows = self._read(self._q("fetch_review_decisions"), {})
        return {str(row["review_id"]): str(row["status"]) for row in rows}

    def forget_review_items(self) -> int:
        """Delete every pair and decision; how many there were."""
        rows = self._write(self._q("forget_review_items"), {})
        return int(rows[0]["forgotten"]) if rows else 0
