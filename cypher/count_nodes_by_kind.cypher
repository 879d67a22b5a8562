// Node counts per kind; returns {kind, n}. Params: none.
MATCH (n:Entity)
RETURN n.kind AS kind, count(n) AS n
