// Total number of {{label}} nodes matching the filters of list_nodes; returns {total}.
// Params: $eq, $min, $max, $text as in list_nodes.
MATCH (n:{{label}})
WHERE all(k IN keys($eq) WHERE n[k] = $eq[k])
  AND all(k IN keys($min) WHERE n[k] >= $min[k])
  AND all(k IN keys($max) WHERE n[k] <= $max[k])
  AND ($text IS NULL OR n._search CONTAINS $text)
RETURN count(n) AS total
