// Returns {from, to, props} for each existing {{rel}} relationship among $keys ([{from, to}]).
// Both endpoints are looked up first so the planner can expand into the pair from either side
// (a hub on one end would otherwise be scanned whole).
UNWIND $keys AS key
MATCH (a:Entity {id: key.from})
MATCH (b:Entity {id: key.to})
MATCH (a)-[r:{{rel}}]->(b)
RETURN a.id AS from, b.id AS to, properties(r) AS props
