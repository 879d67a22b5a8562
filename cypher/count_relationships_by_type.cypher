// Relationship counts per type between domain nodes; returns {type, n}. Params: none.
MATCH (:Entity)-[r]->(:Entity)
RETURN type(r) AS type, count(r) AS n
