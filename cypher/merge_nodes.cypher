// Upserts nodes of one kind, replacing all their properties. Params: $rows ([{id, props}]).
// Returns nothing. The label slot comes from the NodeKind allow-list.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props, n:{{label}}
