// The next $limit node ids after $after, in id order; returns {id} rows. Export and projection pages
// take these ids as a list (an upper-bounded string range is not used: FalkorDB's index answers
// `id <= $until` wrongly).
MATCH (a:Entity)
WHERE a.id > $after
RETURN a.id AS id
ORDER BY id
LIMIT $limit
