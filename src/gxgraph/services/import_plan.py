"""The plan of one import: what to write, checked against the stored graph.

Each row is keyed (node id, or source, type and target) without validating it when its key reads
plainly. A row whose ``row_digest`` the store holds for that key was written from an equal row by the
same validation, so it is unchanged and never validated again; only the other rows are validated, and
compared with what is stored (by its ``content_hash``, or by reading the stored properties).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from gxgraph.domain.kinds import NodeKind, RelType
from gxgraph.domain.nodes import NodeBase
from gxgraph.domain.relationships import RelationshipBase
from gxgraph.domain.schema import endpoint_problems
from gxgraph.domain.vocabulary import utc_now
from gxgraph.services.import_rows import (
    ImportReport,
    ParsedRow,
    Row,
    RowCount,
    RowError,
    Where,
    refuse,
    repeated,
    row_error,
    validate_row,
)
from gxgraph.services.records import (
    HASH_KEY,
    content_hash,
    node_props,
    public_props,
    relationship_props,
    row_digest,
)
from gxgraph.store.base import GraphStore, WriteBatch
from gxgraph.store.journal import node_change, relationship_change


@dataclass
class Plan:
    batch: WriteBatch = field(default_factory=WriteBatch)
    report: ImportReport = field(default_factory=lambda: ImportReport(rows=0))
    changes: list[Row] = field(default_factory=list)
    """What the batch changes, for the audit log: each row's properties before and after."""


K = TypeVar("K")
RelKey = tuple[str, str, str]
"""A relationship's (source id, type, target id)."""

_NODE_KINDS = frozenset(kind.value for kind in NodeKind)
_REL_TYPES = frozenset(rel_type.value for rel_type in RelType)


@dataclass(slots=True)
class Item:
    """A row of one import, keyed but validated only if the store does not hold its ``digest``."""

    where: Where
    row: Row
    """The row, or only its kind (``key_rows(keep_rows=False)``): then whoever keys the rows
    validates the ones ``Stored.holds`` does not (``model``, or ``failed``) before ``check``."""
    digest: str | None
    model: NodeBase | RelationshipBase | None = None
    failed: bool = False
    checked: bool = False
    """Validated by whoever keyed it, the model not kept (a check that writes nothing)."""


_KIND_ONLY = {kind: {"kind": kind} for kind in _NODE_KINDS}
"""What ``key_rows(keep_rows=False)`` keeps of a node row (shared, not one per row)."""


def _plain_key(row: Row) -> str | RelKey | None:
    """The row's node id or relationship key read without validating it, when the row gives it the
    one way validation reads it (a valid row then has the same key); ``None`` otherwise."""
    if "kind" in row:
        node_id, kind = row.get("id"), row["kind"]
        plain = isinstance(node_id, str) and isinstance(kind, str) and kind in _NODE_KINDS
        return node_id if plain else None
    if "source_id" in row or "target_id" in row:
        return None
    source, rel_type, target = row.get("from"), row.get("type"), row.get("to")
    if isinstance(source, str) and isinstance(target, str) and isinstance(rel_type, str):
        return (source, rel_type, target) if rel_type in _REL_TYPES else None
    return None


def key_rows(
    rows: Iterable[ParsedRow],
    errors: list[RowError],
    max_rows: int | None = None,
    *,
    keep_rows: bool = True,
) -> tuple[dict[str, Item], dict[RelKey, Item], int]:
    """Every row keyed by node id or relationship key, repeats refused; only rows whose key cannot be
    read plainly are validated here. Without ``keep_rows`` only their keys, kinds and digests are held."""
    nodes: dict[str, Item] = {}
    rels: dict[RelKey, Item] = {}
    count = RowCount(max_rows)
    for file, line, row in count.counted(rows):
        where = (file, line)
        if isinstance(row, str):
            errors.append(row_error(where, row))
            continue
        item = Item(where, row, row_digest(row))
        key = _plain_key(row)
        if key is None:
            item.model = validate_row(where, row, errors)
            if item.model is None:
                continue
            key = _model_key(item.model)
        if not keep_rows:
            item.row = _KIND_ONLY[row["kind"]] if isinstance(key, str) else {}
        if isinstance(key, str):
            if key in nodes:
                errors.append(repeated(where, f"node {key!r}", nodes[key].where))
            else:
                nodes[key] = item
        elif key in rels:
            errors.append(repeated(where, f"relationship {key}", rels[key].where))
        else:
            rels[key] = item
    return nodes, rels, count.count


def _model_key(model: NodeBase | RelationshipBase) -> str | RelKey:
    if isinstance(model, NodeBase):
        return model.id
    return (model.source_id, model.type, model.target_id)  # type: ignore[attr-defined]


def _changed(
    items: dict[K, Item], holds: Callable[[K, Item], bool], errors: list[RowError]
) -> tuple[dict[K, Any], set[K]]:
    """The models of the items whose digest the store does not hold (validated now, once; ``None``
    for an item ``checked`` without its model), and the keys of the items that failed validation
    (their problems added to ``errors``)."""
    changed: dict[K, Any] = {}
    failed: set[K] = set()
    for key, item in items.items():
        if holds(key, item):
            continue
        if item.model is None and not (item.failed or item.checked):
            item.model = validate_row(item.where, item.row, errors)
            item.failed = item.model is None
        if item.failed:
            failed.add(key)
        else:
            changed[key] = item.model
    return changed, failed


def _same(existing: Row, new: Row) -> bool:
    def comparable(props: Row) -> Row:
        return {k: v for k, v in public_props(props).items() if k != "updated_at"}

    return comparable(existing) == comparable(new)


def _compare(
    new: dict[K, Row], stored_hashes: dict[K, str | None], read: Callable[[list[K]], dict[K, Row]]
) -> dict[K, Row | None]:
    """What each item of ``new`` (its props) replaces: ``None`` when not stored, its stored props
    when they differ; items stored with the same content are left out.

    A stored ``content_hash`` of the same props (written before row digests) means unchanged without
    reading anything; the other stored items are read and compared.
    """
    unsure = {key for key, props in new.items() if key in stored_hashes}
    unsure -= {key for key in unsure if stored_hashes[key] == content_hash(new[key])}
    read_back = read(list(unsure)) if unsure else {}
    found: dict[K, Row | None] = {}
    for key, props in new.items():
        if key in stored_hashes and key not in unsure:
            continue
        stored = read_back.get(key)
        if stored is None or not _same(stored, props):
            found[key] = stored
    return found


def _stamp(props: Row, digest: str | None, now: str) -> Row:
    props[HASH_KEY] = digest or content_hash(props)
    props.setdefault("updated_at", now)
    return props


@dataclass
class Stored:
    """What the store holds of an import's rows, read at graph version ``version``."""

    version: int
    nodes: dict[str, tuple[str, str | None]]
    """Kind and hash of each stored node the rows give."""
    endpoints: dict[str, NodeKind]
    """Kind of each stored node that relationship rows name and no node row gives."""
    rel_hashes: dict[RelKey, str | None]

    def holds(self, key: str | RelKey, item: Item) -> bool:
        """Whether the store holds the row ``item`` as it is (then it is valid and unchanged)."""
        if isinstance(key, str):
            stored = self.nodes[key][1] if key in self.nodes else None
        else:
            stored = self.rel_hashes.get(key)
        return item.digest is not None and stored == item.digest


def read_stored(store: GraphStore, nodes: dict[str, Item], rels: dict[RelKey, Item]) -> Stored:
    """Read what the store holds of the keyed rows, graph version first."""
    # Read first: every read below then sees this version or a later one, and a later one makes the
    # write refuse the plan.
    version = store.graph_version()
    endpoint_ids = {end for key in rels for end in (key[0], key[2])} - nodes.keys()
    found = store.fetch_node_hashes([*nodes, *endpoint_ids])
    stored_nodes = {nid: found[nid] for nid in nodes if nid in found}
    stored_kinds = {nid: NodeKind(found[nid][0]) for nid in endpoint_ids if nid in found}
    stored_ids = found.keys()
    rel_hashes: dict[RelKey, str | None] = {}
    for rel_type, pairs in _pairs_by_type(rels).items():
        # A relationship with an endpoint not stored yet cannot be stored: a first import reads none.
        could_exist = [pair for pair in pairs if pair[0] in stored_ids and pair[1] in stored_ids]
        if could_exist:
            stored_rels = store.fetch_relationship_hashes(rel_type, could_exist)
            rel_hashes.update(((s, rel_type.value, t), digest) for (s, t), digest in stored_rels.items())
    return Stored(version, stored_nodes, stored_kinds, rel_hashes)


@dataclass
class _Checked:
    """The checked rows: the kinds of their nodes, and the models of the rows that need writing or
    comparing."""

    kinds: dict[str, NodeKind]
    changed_nodes: dict[str, NodeBase]
    changed_rels: dict[RelKey, RelationshipBase]


def check(
    nodes: dict[str, Item], rels: dict[RelKey, Item], stored: Stored, row_errors: list[RowError]
) -> _Checked:
    """Check the rows against the schema and the stored graph: ``InvalidInput`` listing every
    problem (``row_errors`` and those found here). Rows the store holds as they are are not validated."""
    errors = list(row_errors)
    changed_nodes, failed_nodes = _changed(nodes, stored.holds, errors)
    kinds = {node_id: NodeKind(node[0]) for node_id, node in stored.nodes.items()} | stored.endpoints
    for node_id, item in nodes.items():
        if node_id in failed_nodes:
            continue
        kinds[node_id] = NodeKind(item.row["kind"])
        if node_id in stored.nodes and stored.nodes[node_id][0] != kinds[node_id]:
            errors.append(row_error(item.where, f"id {node_id!r} is already a {stored.nodes[node_id][0]}"))
    changed_rels, failed_rels = _changed(rels, stored.holds, errors)
    for key, item in rels.items():
        if key not in failed_rels:
            for problem in endpoint_problems(RelType(key[1]), key[0], key[2], kinds):
                errors.append(row_error(item.where, f"{problem.end}: {problem.message}"))
    if errors:
        refuse(errors)
    return _Checked(kinds, changed_nodes, changed_rels)


def plan_writes(
    store: GraphStore,
    nodes: dict[str, Item],
    rels: dict[RelKey, Item],
    count: int,
    row_errors: list[RowError],
) -> Plan:
    """Check the rows (``InvalidInput`` listing every problem) and plan what to write against the
    graph version the plan's report names."""
    stored = read_stored(store, nodes, rels)
    checked = check(nodes, rels, stored, row_errors)
    plan = Plan(report=ImportReport(rows=count, graph_version=stored.version))
    # Counted here, set on the report once: a pydantic model's attribute costs a microsecond a write.
    counted = Counter(
        nodes_unchanged=len(nodes) - len(checked.changed_nodes),
        relationships_unchanged=len(rels) - len(checked.changed_rels),
    )
    now = utc_now()
    new_nodes = {node_id: node_props(node) for node_id, node in checked.changed_nodes.items()}
    node_hashes = {node_id: node[1] for node_id, node in stored.nodes.items()}
    writes = _compare(new_nodes, node_hashes, store.fetch_nodes)
    for node_id, props in new_nodes.items():
        if node_id not in writes:
            counted["nodes_unchanged"] += 1
            continue
        before = writes[node_id]
        counted["nodes_created" if before is None else "nodes_updated"] += 1
        kind = checked.kinds[node_id]
        group = plan.batch.nodes if before is not None else plan.batch.new_nodes
        group.setdefault(kind, []).append({"id": node_id, "props": _stamp(props, nodes[node_id].digest, now)})
        plan.changes.append(node_change(node_id, kind.value, before, props))
    _plan_relationships(store, plan, counted, rels, checked.changed_rels, stored.rel_hashes, now)
    for name, number in counted.items():
        setattr(plan.report, name, number)
    return plan


def _plan_relationships(
    store: GraphStore,
    plan: Plan,
    counted: Counter[str],
    rels: dict[RelKey, Item],
    changed: dict[RelKey, RelationshipBase],
    stored_hashes: dict[RelKey, str | None],
    now: str,
) -> None:
    by_type: dict[RelType, dict[tuple[str, str], Row]] = {}
    for (source, rel_type, target), rel in changed.items():
        by_type.setdefault(RelType(rel_type), {})[(source, target)] = relationship_props(rel)
    for rel_type, new_rels in by_type.items():
        keys = {pair: (pair[0], rel_type.value, pair[1]) for pair in new_rels}
        hashes = {pair: stored_hashes[key] for pair, key in keys.items() if key in stored_hashes}

        def read(pairs: list[tuple[str, str]], rel_type: RelType = rel_type) -> dict[tuple[str, str], Row]:
            return store.fetch_relationships(rel_type, pairs)

        writes = _compare(new_rels, hashes, read)
        for (source, target), props in new_rels.items():
            if (source, target) not in writes:
                counted["relationships_unchanged"] += 1
                continue
            before = writes[(source, target)]
            counted["relationships_created" if before is None else "relationships_updated"] += 1
            group = plan.batch.relationships if before is not None else plan.batch.new_relationships
            stamped = _stamp(props, rels[keys[(source, target)]].digest, now)
            group.setdefault(rel_type, []).append({"from": source, "to": target, "props": stamped})
            plan.changes.append(relationship_change(rel_type.value, source, target, before, props))


def _pairs_by_type(rels: Iterable[RelKey]) -> dict[RelType, list[tuple[str, str]]]:
    by_type: dict[RelType, list[tuple[str, str]]] = {}
    for source, rel_type, target in rels:
        by_type.setdefault(RelType(rel_type), []).append((source, target))
    return by_type
