// Deletes node $id with its relationships and bumps the graph version in the same query; returns
// {id, version} when the node existed, no row (and no bump) otherwise. The version is taken before the
// node, the order imports lock in, so the two never deadlock on Neo4j.
MATCH (n:Entity {id: $id})
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1
WITH n, n.id AS id, m.version AS version
DETACH DELETE n
RETURN id, version
