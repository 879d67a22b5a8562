// Creates relationships of one type that the import found absent. Params: $rows ([{from, to, props}]).
// Returns {matched}: how many rows found both endpoints (the caller rolls back unless all did). Like
// merge_relationships without MERGE's scan of the pair's relationships (long on hubs): only for rows
// planned as new under the write's version guard, so none can exist yet.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:{{rel}}]->(b)
SET r = row.props
RETURN count(*) AS matched
