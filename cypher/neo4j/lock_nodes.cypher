// Takes the write locks of the graph version counter, then of the nodes $ids, for the rest of the
// transaction (pass the ids sorted): every writer locks the counter first, imports included, so two
// writers never wait on each other in opposite orders. Setting and removing a property leaves a node
// unchanged but locked, so the transaction's next query reads these nodes' latest committed state
// and no other write to them can commit before this transaction does. Neo4j reads under read
// committed without locks, so a WHERE on a property is not safe without this. Params: $ids ([] locks
// only the counter). Returns nothing.
MERGE (m:GraphMeta {key: 'graph'})
SET m._lock = true
REMOVE m._lock
WITH m
UNWIND $ids AS node_id
MATCH (n:Entity {id: node_id})
SET n._lock = true
REMOVE n._lock
