// The gxgraph ids of nodes known by their Neo4j element ids (the endpoints of relationships an
// analyst query returned without their nodes). Params: $ids ([elementId]). Returns {internal, id}.
MATCH (n)
WHERE elementId(n) IN $ids
RETURN elementId(n) AS internal, n.id AS id
