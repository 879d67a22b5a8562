// Stores the saved query $query ({name, title, description, statement, parameters (JSON text), limit,
// created_at, created_by}) unless one of that name exists, and then appends the audit entry
// ($journal). $token is fresh per call, so the row says this call created it. Returns {created}, or
// no row when the name was taken.
MERGE (q:SavedQuery {name: $query.name})
ON CREATE SET q += $query, q._token = $token
WITH q
WHERE q._token = $token
OPTIONAL MATCH (graph_meta:GraphMeta {key: 'graph'})
WITH q, coalesce(graph_meta.version, 0) AS version
{{journal}}
RETURN true AS created
