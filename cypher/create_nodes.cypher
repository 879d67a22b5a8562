// Creates nodes of one kind that the import found absent. Params: $rows ([{id, props}]). Returns
// nothing. Like merge_nodes without MERGE's lookup: only for rows planned as new under the write's
// version guard (no other write landed since they were found absent; the unique id constraint refuses
// a duplicate anyway). The label slot comes from the NodeKind allow-list.
UNWIND $rows AS row
CREATE (n:Entity:{{label}})
SET n = row.props, n._rev = randomUUID()
