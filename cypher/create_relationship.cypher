// Creates one {{rel}} relationship from $from to $to with properties $props, only when both endpoints
// exist with an allowed kind ($from_kinds, $to_kinds) and no {{rel}} links them yet. Returns
// {created: true, version} when it created the relationship, no row otherwise. Params: $from, $to,
// $type (= {{rel}}), $from_kinds, $to_kinds, $props, $journal. The existing link is matched untyped and filtered by
// type(): FalkorDB plans a pattern with a type the graph has never held as empty, so two concurrent
// creates of a type's first relationship would both see none. Neo4j runs this after lock_nodes on
// both endpoints in the same transaction, so two concurrent creates cannot both see none. The graph
// version is bumped and the audit entry appended in the same query when the relationship is created.
MATCH (a:Entity {id: $from})
WHERE a.kind IN $from_kinds
MATCH (b:Entity {id: $to})
WHERE b.kind IN $to_kinds
OPTIONAL MATCH (a)-[existing]->(b)
WHERE type(existing) = $type
WITH a, b, count(existing) AS links
WHERE links = 0
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1
CREATE (a)-[r:{{rel}}]->(b)
SET r = $props
WITH m.version AS version
{{journal}}
RETURN true AS created, version
