// Typeahead over all kinds: nodes whose id or English/Japanese name contains $q (normalised
// lower-case), ranked exact (0) < name prefix (1) < word prefix (2) < substring (3), shorter names
// first. Params: $q, $kinds ([kind] or null), $limit. Returns {props, rank}.
MATCH (n:Entity)
WHERE n._search CONTAINS $q AND ($kinds IS NULL OR n.kind IN $kinds)
WITH n, toLower(n.name_en) AS en, coalesce(n.name_ja, '') AS ja
WITH n, CASE
    WHEN en = $q OR ja = $q OR n.id = $q THEN 0
    WHEN en STARTS WITH $q OR ja STARTS WITH $q THEN 1
    WHEN n._search CONTAINS (' ' + $q) THEN 2
    ELSE 3
  END AS rank
RETURN properties(n) AS props, rank
ORDER BY rank ASC, size(n.name_en) ASC, n.name_en ASC, n.id ASC
LIMIT $limit
