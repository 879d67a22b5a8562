// A page of Entity nodes that have a search key but no _grams yet (stored before the gram index
// existed), for FalkorDBStore's one-off migration. Params: $limit. Returns {id, search}.
MATCH (n:Entity)
WHERE n._grams IS NULL AND n._search IS NOT NULL
RETURN n.id AS id, n._search AS search
LIMIT $limit
