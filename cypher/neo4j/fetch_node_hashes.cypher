// Neo4j's fetch_node_hashes (keep the two alike): the same rows, collected into one list (`rows`,
// read by Neo4jStore._read_flat). Params: $ids (list of node ids). Returns {rows: [{id, kind, hash}]}.
UNWIND $ids AS node_id
MATCH (n:Entity {id: node_id})
RETURN collect({id: n.id, kind: n.kind, hash: n._hash}) AS rows
