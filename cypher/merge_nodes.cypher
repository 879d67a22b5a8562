// Upserts nodes of one kind, replacing all their properties. Params: $rows ([{id, props}]).
// Returns nothing. The label slot comes from the NodeKind allow-list. Both labels sit in the MERGE
// pattern (the import has already refused ids used by another kind): adding a label to an existing
// node with SET is two orders of magnitude slower on FalkorDB.
// Every write gives the node a fresh revision (_rev, its ETag): a random token, so no writer has to
// read the old one first.
UNWIND $rows AS row
MERGE (n:Entity:{{label}} {id: row.id})
SET n = row.props, n._rev = randomUUID()
