// Returns {version}: a counter bumped by every write, so caches know when the graph changed.
// Params: none.
OPTIONAL MATCH (m:GraphMeta {key: 'graph'})
RETURN m.version AS version
