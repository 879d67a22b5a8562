// Increments the graph version counter; returns {version}. Params: none. A multi-query write runs it
// first, so its transaction holds the counter's lock from the start (one lock order for every writer).
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1
RETURN m.version AS version
