// Returns {from, to, type, props} for each existing relationship among $keys ([{from, to, type}]).
// Neo4j variant: the subquery binds both endpoints first, so the planner expands into the pair
// (Expand(Into), cheap on hubs) instead of scanning every relationship of the source.
UNWIND $keys AS key
MATCH (a:Entity {id: key.from})
MATCH (b:Entity {id: key.to})
CALL (a, b, key) {
  MATCH (a)-[r]->(b)
  WHERE type(r) = key.type
  RETURN r
}
RETURN a.id AS from, b.id AS to, type(r) AS type, properties(r) AS props
