// A part of FalkorDB's one-query import, after the node parts: creates the {{rel}} relationships from
// $new_rels.{{rel}} ([{from, to, props}]) that the import found absent, like create_relationships. A row
// whose endpoint is missing makes the query divide by zero, as in merge_relationships_part, so the
// import writes nothing. Carries {version} on.
CALL {
  UNWIND $new_rels.{{rel}} AS row
  MATCH (a:Entity {id: row.from})
  MATCH (b:Entity {id: row.to})
  CREATE (a)-[r:{{rel}}]->(b)
  SET r = row.props
  RETURN count(*) AS matched
}
WITH version, 1 / CASE WHEN matched = size($new_rels.{{rel}}) THEN 1 ELSE 0 END AS endpoints_found
WITH version
