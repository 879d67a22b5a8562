// The change feed's entries: up to $limit audit entries of graph writes with a graph version above
// $after, in version order (each graph write has its own version). Returns {props}. Params: $after,
// $limit.
MATCH (e:AuditEntry)
WHERE e.graph_write AND e.version > $after
RETURN properties(e) AS props
ORDER BY e.version
LIMIT $limit
