// Stores an API key record $key ({key_id, hash, role, name, created_at}; the secret is never stored)
// and appends the audit entry ($journal) stamped with the current graph version. Returns {key_id}.
CREATE (k:ApiKey)
SET k = $key
WITH k
OPTIONAL MATCH (graph_meta:GraphMeta {key: 'graph'})
WITH k, coalesce(graph_meta.version, 0) AS version
{{journal}}
RETURN k.key_id AS key_id
