// FalkorDB typeahead, ranked like the common search_nodes (keep the two alike): the range index on the
// array property _grams (the distinct characters and adjacent-character pairs of _search, see
// falkordb.search_grams) finds the nodes holding all four grams $g0..$g3 of the query, an intersection
// the index computes; CONTAINS then checks the exact text. Params: $q, $g0, $g1, $g2, $g3 (grams of $q,
// repeated when it has fewer), $kinds ([kind] or null), $limit. Returns {props: {id, kind, name_en,
// name_ja}, rank}: only what a hit shows, not the stored grams.
MATCH (n:Entity)
WHERE $g0 IN n._grams AND $g1 IN n._grams AND $g2 IN n._grams AND $g3 IN n._grams
  AND n._search CONTAINS $q AND ($kinds IS NULL OR n.kind IN $kinds)
WITH n, toLower(n.name_en) AS en, coalesce(n.name_ja, '') AS ja
WITH n, CASE
    WHEN en = $q OR ja = $q OR n.id = $q THEN 0
    WHEN en STARTS WITH $q OR ja STARTS WITH $q THEN 1
    WHEN n._search CONTAINS (' ' + $q) THEN 2
    ELSE 3
  END AS rank
RETURN {id: n.id, kind: n.kind, name_en: n.name_en, name_ja: n.name_ja} AS props, rank
ORDER BY rank ASC, size(n.name_en) ASC, n.name_en ASC, n.id ASC
LIMIT $limit
