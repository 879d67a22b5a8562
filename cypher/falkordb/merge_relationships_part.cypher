// A part of FalkorDB's one-query import, after the node parts: upserts the {{rel}} relationships from
// $rels.{{rel}} ([{from, to, props}]) like merge_relationships. A row whose endpoint is missing makes the
// query divide by zero: FalkorDB then undoes the whole query, so the import writes nothing (Cypher has
// no other way to abort). Carries {version} on.
CALL {
  UNWIND $rels.{{rel}} AS row
  MATCH (a:Entity {id: row.from})
  MATCH (b:Entity {id: row.to})
  MERGE (a)-[r:{{rel}}]->(b)
  SET r = row.props
  RETURN count(*) AS matched
}
WITH version, 1 / CASE WHEN matched = size($rels.{{rel}}) THEN 1 ELSE 0 END AS endpoints_found
WITH version
