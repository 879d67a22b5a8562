// One page of {{label}} nodes, filtered and keyset-paginated; returns {props} rows (without _grams, as
// fetch_nodes).
// Params: $eq, $min, $max (maps of allow-listed property -> value), $text (lower-case substring of
// names or null), $sort (allow-listed property), $missing (stand-in for an absent sort value),
// $after_value / $after_id (the previous page's last row, or null), $limit.
// Slots: label, order (ASC|DESC) and after (> for ASC, < for DESC) come from allow-lists.
MATCH (n:{{label}})
WHERE all(k IN keys($eq) WHERE n[k] = $eq[k])
  AND all(k IN keys($min) WHERE n[k] >= $min[k])
  AND all(k IN keys($max) WHERE n[k] <= $max[k])
  AND ($text IS NULL OR n._search CONTAINS $text)
WITH n, coalesce(n[$sort], $missing) AS sort_value
WHERE $after_id IS NULL
   OR sort_value {{after}} $after_value
   OR (sort_value = $after_value AND n.id > $after_id)
RETURN n {.*, _grams: null} AS props
ORDER BY sort_value {{order}}, n.id ASC
LIMIT $limit
