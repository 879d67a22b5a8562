// Records the secretariat's decision on review pair $review_id: $status (accepted or rejected),
// $decided_by, $decided_at, with its audit entry ($journal). Returns {props} of the pair, or no row
// (no entry) when it does not exist.
MATCH (r:ReviewDecision {review_id: $review_id})
SET r.status = $status, r.decided_by = $decided_by, r.decided_at = $decided_at
WITH r
OPTIONAL MATCH (graph_meta:GraphMeta {key: 'graph'})
WITH r, coalesce(graph_meta.version, 0) AS version
{{journal}}
RETURN properties(r) AS props
