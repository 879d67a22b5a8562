// Deletes the saved query named $name and appends the audit entry ($journal); returns {name} when it
// existed, no row (no entry) otherwise.
MATCH (q:SavedQuery {name: $name})
OPTIONAL MATCH (graph_meta:GraphMeta {key: 'graph'})
WITH q, q.name AS name, coalesce(graph_meta.version, 0) AS version
{{journal}}
DELETE q
RETURN name
