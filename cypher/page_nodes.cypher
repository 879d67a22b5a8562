// Export page: up to $limit nodes with id greater than $after, in id order. Returns {props}.
MATCH (n:Entity)
WHERE n.id > $after
RETURN properties(n) AS props
ORDER BY n.id
LIMIT $limit
