// Returns {from, to, props} for each existing {{rel}} relationship among $keys ([{from, to}]).
// Neo4j variant: the subquery binds both endpoints first, so the planner expands into the pair
// (Expand(Into), cheap on hubs) instead of scanning every relationship of the source.
UNWIND $keys AS key
MATCH (a:Entity {id: key.from})
MATCH (b:Entity {id: key.to})
CALL (a, b) {
  MATCH (a)-[r:{{rel}}]->(b)
  RETURN r
}
RETURN a.id AS from, b.id AS to, properties(r) AS props
