// A part of FalkorDB's one-query import, after guard_graph_version: upserts the nodes of one kind from
// $nodes.{{label}} ([{id, props}]) like merge_nodes (keep the two alike). Carries {version} on.
CALL {
  UNWIND $nodes.{{label}} AS row
  MERGE (n:Entity:{{label}} {id: row.id})
  SET n = row.props, n._rev = randomUUID()
  RETURN count(*) AS written
}
WITH version
