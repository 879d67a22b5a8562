// FalkorDB variant of fetch_nodes: {props} for each existing node among $ids (list of node ids),
// without the _grams search index array (tens of strings a node that no reader of a node needs, and
// most of the bytes of its reply). FalkorDB has no map key removal: the projection nulls the key, and
// CypherStore.fetch_nodes drops null values, which a stored property never holds.
UNWIND $ids AS node_id
MATCH (n:Entity {id: node_id})
RETURN n {.*, _grams: null} AS props
