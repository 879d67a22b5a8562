// A part of FalkorDB's one-query import, after guard_graph_version: creates the nodes of one kind from
// $new_nodes.{{label}} ([{id, props}]) that the import found absent, like create_nodes (keep the two
// alike). Carries {version} on.
CALL {
  UNWIND $new_nodes.{{label}} AS row
  CREATE (n:Entity:{{label}})
  SET n = row.props, n._rev = randomUUID()
  RETURN count(*) AS written
}
WITH version
