// Deletes node $id with its relationships; returns {id} when it existed, no row otherwise.
MATCH (n:Entity {id: $id})
WITH n, n.id AS id
DETACH DELETE n
RETURN id
