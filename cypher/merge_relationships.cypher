// Upserts relationships of one type, replacing their properties. Params: $rows ([{from, to, props}]).
// Returns {matched}: how many rows found both endpoints. A row whose endpoint is gone writes nothing,
// so the caller compares matched with the rows it sent, in the same transaction, and rolls back.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:{{rel}}]->(b)
SET r = row.props
RETURN count(*) AS matched
