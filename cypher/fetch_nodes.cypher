// Returns {props} for each existing node among $ids (list of node ids), without the embedded store's
// _grams search array (tens of strings a node that no reader of a node needs, and most of its reply's
// bytes). Map projection cannot drop a key, so it is nulled: CypherStore drops null values, which a
// stored property never holds. Neo4j nodes have no _grams; the projection costs it nothing.
UNWIND $ids AS node_id
MATCH (n:Entity {id: node_id})
RETURN n {.*, _grams: null} AS props
