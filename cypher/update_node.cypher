// Replaces every property of node $id of kind {{label}} with $props and gives it a fresh revision,
// only while its revision is still $rev (a node stored before revisions existed counts as '0').
// Returns {rev, version} (the new revision), or no row when the node is gone or another write changed
// it. Params: $id, $rev, $props, $journal. One FalkorDB query is atomic (writes are serialised); Neo4j
// runs it after lock_nodes in the same transaction, so the WHERE reads the latest committed revision.
// The graph version is bumped and the audit entry appended in the same query when the node is written.
MATCH (n:Entity:{{label}} {id: $id})
WHERE coalesce(n._rev, '0') = $rev
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1
SET n = $props, n._rev = randomUUID()
WITH n, m.version AS version
{{journal}}
RETURN n._rev AS rev, version
