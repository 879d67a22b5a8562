// Returns {from, to, hash} for every {{rel}} relationship leaving a node of $ids (source ids): its
// content hash (_hash, null when written without one) as a flat column (the Neo4j variant reads $keys,
// the pairs wanted, instead). Read by source rather than by pair: FalkorDB matches a pair by traversing its
// source's relationships to the target, so many pairs from one hub (a field that COVERS thousands of
// technologies) walked the hub once per pair.
UNWIND $ids AS source_id
MATCH (a:Entity {id: source_id})-[r:{{rel}}]->(b:Entity)
RETURN a.id AS from, b.id AS to, r._hash AS hash
