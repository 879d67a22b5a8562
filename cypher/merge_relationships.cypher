// Upserts relationships of one type, replacing their properties. Params: $rows ([{from, to, props}]).
// Endpoints must exist (the import service checks first). Returns nothing.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:{{rel}}]->(b)
SET r = row.props
