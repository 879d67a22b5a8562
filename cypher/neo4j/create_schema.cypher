// Neo4j 5 schema, idempotent: uniqueness of node ids, lookups by kind, typeahead text index, the
// audit log's entry numbers and versions.
// Params: none. Statements separated by ';'.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE TEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON (n._search);
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.key_id IS UNIQUE;
CREATE CONSTRAINT graph_meta_key IF NOT EXISTS FOR (m:GraphMeta) REQUIRE m.key IS UNIQUE;
CREATE CONSTRAINT saved_query_name IF NOT EXISTS FOR (q:SavedQuery) REQUIRE q.name IS UNIQUE;
CREATE CONSTRAINT rate_window_key IF NOT EXISTS FOR (w:RateWindow) REQUIRE w.key IS UNIQUE;
CREATE CONSTRAINT audit_meta_key IF NOT EXISTS FOR (m:AuditMeta) REQUIRE m.key IS UNIQUE;
CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (e:AuditEntry) REQUIRE e.seq IS UNIQUE;
CREATE INDEX audit_entry_version IF NOT EXISTS FOR (e:AuditEntry) ON (e.version);
CREATE INDEX audit_part_seq IF NOT EXISTS FOR (p:AuditPart) ON (p.seq);
CREATE CONSTRAINT review_decision_id IF NOT EXISTS FOR (r:ReviewDecision) REQUIRE r.review_id IS UNIQUE
