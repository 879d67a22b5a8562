// Returns {from, to, hash} for each existing {{rel}} relationship among $keys ([{from, to}]) ($ids, the
// default variant's parameter, is ignored), collected into one list (`rows`, read by
// Neo4jStore._read_flat). Neo4j variant: by pair, as fetch_relationships, because the
// subquery binds both endpoints first and the planner expands into the pair (Expand(Into), cheap on
// hubs); reading by source was measured 20x slower here on LOCATED_IN once the planner's statistics
// had seen a large delete.
UNWIND $keys AS key
MATCH (a:Entity {id: key.from})
MATCH (b:Entity {id: key.to})
CALL (a, b) {
  MATCH (a)-[r:{{rel}}]->(b)
  RETURN r
}
RETURN collect({from: a.id, to: b.id, hash: r._hash}) AS rows
