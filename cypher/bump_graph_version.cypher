// Increments the graph version counter; returns {version}. Params: none.
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1
RETURN m.version AS version
