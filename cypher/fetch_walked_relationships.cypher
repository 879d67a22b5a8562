// Returns {from, to, type, props} for each existing relationship among $keys ([{from, to, type}]): the
// relationships on the paths a neighbourhood walk returns, of any types, in one query. Both endpoints
// are looked up first so the planner can expand into the pair from either side (a hub on one end
// would otherwise be scanned whole).
UNWIND $keys AS key
MATCH (a:Entity {id: key.from})
MATCH (b:Entity {id: key.to})
MATCH (a)-[r]->(b)
WHERE type(r) = key.type
RETURN a.id AS from, b.id AS to, type(r) AS type, properties(r) AS props
