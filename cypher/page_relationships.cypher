// Export page: the outgoing relationships of the nodes in $ids, as flat rows {from, type, to,
// props} in source, type, target order (flat rows parse far faster than nested collections).
UNWIND $ids AS source_id
MATCH (a:Entity {id: source_id})-[r]->(b:Entity)
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
ORDER BY from, type, to
