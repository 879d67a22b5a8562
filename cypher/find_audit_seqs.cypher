// The audit entries whose changes concern $id (a node, either end of a relationship, an API key id or
// a saved query's name): returns {seq}, one row per entry. Params: $id.
MATCH (p:AuditPart)
WHERE $id IN p.ids
RETURN DISTINCT p.seq AS seq
