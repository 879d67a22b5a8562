// FalkorDB schema: range indexes for id and kind lookups, and on the array _grams for typeahead
// search (search_nodes) (FalkorDB has no IF NOT EXISTS; the backend ignores "already indexed"
// errors). Params: none. Statements separated by ';'.
// The unique constraint on Entity.id, which needs the id index, is a GRAPH.CONSTRAINT command rather
// than Cypher: FalkorDBStore.ensure_schema creates it after these statements.
CREATE INDEX FOR (n:Entity) ON (n.id);
CREATE INDEX FOR (n:Entity) ON (n.kind);
CREATE INDEX FOR (n:Entity) ON (n._grams);
CREATE INDEX FOR (k:ApiKey) ON (k.key_id);
CREATE INDEX FOR (m:GraphMeta) ON (m.key);
CREATE INDEX FOR (q:SavedQuery) ON (q.name)
