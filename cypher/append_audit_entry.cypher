// A fragment, not a query: cypher.render puts it in the journal slot of every write query, so the write
// and its audit entry commit together (see gxgraph/store/journal.py). It expects exactly one row with
// `version` (the graph version after the write) in scope, and carries every variable on. It numbers the
// entry from the AuditMeta counter (taken after GraphMeta: one lock order for every writer) and stores
// $journal.entry ({at, actor_id, actor_name, operation, graph_write, change_count}) with the changes in
// AuditPart nodes ($journal.parts: [{part, ids, changes (compressed JSON text, see journal.py)}]).
WITH *
MERGE (audit_meta:AuditMeta {key: 'audit'})
SET audit_meta.seq = coalesce(audit_meta.seq, 0) + 1
CREATE (audit_entry:AuditEntry)
SET audit_entry = $journal.entry, audit_entry.seq = audit_meta.seq, audit_entry.version = version
FOREACH (part IN $journal.parts |
  CREATE (:AuditPart {seq: audit_meta.seq, part: part.part, ids: part.ids, changes: part.changes})
)
WITH *
