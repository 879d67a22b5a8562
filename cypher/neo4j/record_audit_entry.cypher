// The last statement of Neo4j's multi-statement write (Neo4jStore.write): in the same transaction,
// after bump_graph_version locked and bumped GraphMeta, appends the audit entry ($journal) stamped
// with the version written. Returns {seq}.
MATCH (graph_meta:GraphMeta {key: 'graph'})
WITH graph_meta.version AS version
{{journal}}
RETURN audit_meta.seq AS seq
