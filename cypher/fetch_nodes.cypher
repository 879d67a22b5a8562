// Returns {props} for each existing node among $ids (list of node ids).
UNWIND $ids AS node_id
MATCH (n:Entity {id: node_id})
RETURN properties(n) AS props
