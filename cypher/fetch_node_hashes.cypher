// Returns {id, kind, hash} for each existing node among $ids (list of node ids): flat columns, so an
// import plans against the stored content hashes (_hash, null on nodes written without one) without
// reading every property map.
UNWIND $ids AS node_id
MATCH (n:Entity {id: node_id})
RETURN n.id AS id, n.kind AS kind, n._hash AS hash
