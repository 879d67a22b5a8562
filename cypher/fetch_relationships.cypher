// Returns {from, to, props} for each existing {{rel}} relationship among $keys ([{from, to}]).
UNWIND $keys AS key
MATCH (a:Entity {id: key.from})-[r:{{rel}}]->(b:Entity {id: key.to})
RETURN a.id AS from, b.id AS to, properties(r) AS props
