// FalkorDB schema: range indexes for id and kind lookups, and on the array _grams for typeahead
// search (search_nodes), and for the audit log (its entries by number and version, its parts by
// number and by the ids they touch) (FalkorDB has no IF NOT EXISTS; the backend ignores "already indexed"
// errors). Params: none. Statements separated by ';'.
// The unique constraint on Entity.id, which needs the id index, is a GRAPH.CONSTRAINT command rather
// than Cypher: FalkorDBStore.ensure_schema creates it after these statements.
CREATE INDEX FOR (n:Entity) ON (n.id);
CREATE INDEX FOR (n:Entity) ON (n.kind);
CREATE INDEX FOR (n:Entity) ON (n._grams);
CREATE INDEX FOR (k:ApiKey) ON (k.key_id);
CREATE INDEX FOR (m:GraphMeta) ON (m.key);
CREATE INDEX FOR (q:SavedQuery) ON (q.name);
CREATE INDEX FOR (m:AuditMeta) ON (m.key);
CREATE INDEX FOR (e:AuditEntry) ON (e.seq);
CREATE INDEX FOR (e:AuditEntry) ON (e.version);
CREATE INDEX FOR (p:AuditPart) ON (p.seq);
CREATE INDEX FOR (p:AuditPart) ON (p.ids);
CREATE INDEX FOR (r:ReviewDecision) ON (r.review_id)
