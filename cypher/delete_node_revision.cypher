// Deletes node $id with its relationships, only while its revision is still $rev (a node stored
// before revisions existed counts as '0'). Returns {id, version} when it deleted the node, no row when
// the node is gone or another write changed it. Params: $id, $rev, $journal. Neo4j runs it after
// lock_nodes in the same transaction. The graph version is bumped and the audit entry appended in the
// same query.
MATCH (n:Entity {id: $id})
WHERE coalesce(n._rev, '0') = $rev
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1
WITH n, n.id AS id, m.version AS version
{{journal}}
DETACH DELETE n
RETURN id, version
