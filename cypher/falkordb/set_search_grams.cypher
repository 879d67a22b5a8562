// Stores the _grams of nodes whose search key is still the one they were computed from (a write in
// between set its own grams). Leaves _rev and the graph version alone: the grams are internal, the
// node's public content is unchanged. Params: $rows ([{id, search, grams}]). Returns {updated}.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WHERE n._search = row.search
SET n._grams = row.grams
RETURN count(n) AS updated
