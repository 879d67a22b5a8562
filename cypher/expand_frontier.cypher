// One breadth-first step: the relationships around each node of $ids ([id]) in the direction
// given by the pattern slot, optionally only of $types ([type] or null), at most $limit rows.
// Returns {from_id, type, outgoing, id, kind}: the neighbour's id and kind only, no property maps
// (they are most of a reply's bytes); the caller fetches the properties of the neighbours it keeps
// (fetch_nodes) and of the relationships on their paths (fetch_relationships), not of every row walked.
UNWIND $ids AS from_id
MATCH (a:Entity {id: from_id}){{pattern}}(b:Entity)
WHERE $types IS NULL OR type(r) IN $types
RETURN from_id, type(r) AS type, startNode(r) = a AS outgoing, b.id AS id, b.kind AS kind
LIMIT $limit
