// Marks API key $key_id revoked at $revoked_at and appends the audit entry ($journal); returns
// {key_id} when it existed and was active, no row (no entry) otherwise.
MATCH (k:ApiKey {key_id: $key_id})
WHERE k.revoked_at IS NULL
SET k.revoked_at = $revoked_at
WITH k
OPTIONAL MATCH (graph_meta:GraphMeta {key: 'graph'})
WITH k, coalesce(graph_meta.version, 0) AS version
{{journal}}
RETURN k.key_id AS key_id
