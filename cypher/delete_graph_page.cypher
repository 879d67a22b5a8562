// Deletes up to $limit domain nodes with their relationships; returns {deleted}. API keys stay.
MATCH (n:Entity)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
