// Export page: up to $limit nodes with id greater than $after, in id order. Returns {props} (without
// _grams, as fetch_nodes).
MATCH (n:Entity)
WHERE n.id > $after
RETURN n {.*, _grams: null} AS props
ORDER BY n.id
LIMIT $limit
