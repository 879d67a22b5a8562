// Deletes every review-list pair and its decision (a fresh start; the tests use it). Params: none.
// Returns {forgotten}.
MATCH (r:ReviewDecision)
WITH collect(r) AS items
FOREACH (r IN items | DELETE r)
RETURN size(items) AS forgotten
