// One level of a shortest-path search from both ends (FalkorDBStore.shortest_paths, store/path_search.py):
// every relationship around each node of $ids ([id]), either direction, at most $limit rows. Flat
// columns only, read from FalkorDB's plain reply (a hub's level is tens of thousands of rows).
// Returns {from_id, type, outgoing (1 when it leaves from_id, else 0), id}.
UNWIND $ids AS from_id
MATCH (a:Entity {id: from_id})-[r]-(b:Entity)
RETURN from_id, type(r) AS type, CASE WHEN startNode(r) = a THEN 1 ELSE 0 END AS outgoing, b.id AS id
LIMIT $limit
