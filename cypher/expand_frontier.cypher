// One breadth-first step: the relationships around each node of $ids ([id]) in the direction
// given by the pattern slot, optionally only of $types ([type] or null), at most $limit rows.
// Returns {from_id, type, outgoing, rel_props, props} where props are the neighbour's properties.
UNWIND $ids AS from_id
MATCH (a:Entity {id: from_id}){{pattern}}(b:Entity)
WHERE $types IS NULL OR type(r) IN $types
RETURN from_id, type(r) AS type, startNode(r) = a AS outgoing, properties(r) AS rel_props,
       properties(b) AS props
LIMIT $limit
