// Creates one node of kind {{label}} with properties $props (its id among them) and a fresh revision,
// unless any Entity already has id $id. Returns {rev, version} when it created the node, no row when
// the id is taken. Params: $id, $props, $journal. It counts matches instead of filtering `OPTIONAL
// MATCH ... WHERE e IS NULL`, which FalkorDB 4 gets wrong (it creates anyway). Neo4j can still
// interleave two of these; its unique constraint on Entity.id then refuses the second. The graph
// version is bumped in the same query, before the node is written (the lock order of every writer),
// and the audit entry appended with it.
OPTIONAL MATCH (taken:Entity {id: $id})
WITH count(taken) AS uses
WHERE uses = 0
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1
CREATE (n:Entity:{{label}})
SET n = $props, n._rev = randomUUID()
WITH n, m.version AS version
{{journal}}
RETURN n._rev AS rev, version
