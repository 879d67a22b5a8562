// FalkorDB reads the projection's pages as plain replies, which render lists as text: this reads the
// list columns (gxgraph.analytics.columns.LIST_COLUMNS) of the nodes in $ids again, exactly.
// Params: $ids ([node id]). Returns {id, content}.
UNWIND $ids AS node_id
MATCH (n:Entity {id: node_id})
RETURN n.id AS id, n.content AS content
