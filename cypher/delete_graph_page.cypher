// Deletes up to $limit domain nodes with their relationships and bumps the graph version in the same
// query; returns {deleted}, or no row once no domain node is left. API keys stay.
MATCH (n:Entity)
WITH n LIMIT $limit
WITH collect(n) AS page
WHERE size(page) > 0
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1
WITH page
FOREACH (n IN page | DETACH DELETE n)
RETURN size(page) AS deleted
