// The gxgraph ids of nodes known by their FalkorDB internal ids (the endpoints of relationships an
// analyst query returned). Params: $ids ([internal id]). Returns {internal, id}.
MATCH (n)
WHERE id(n) IN $ids
RETURN id(n) AS internal, n.id AS id
