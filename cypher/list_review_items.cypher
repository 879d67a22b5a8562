// Returns {props} of every review-list pair, or only those with status $status (pending, accepted or
// rejected; null for all), by review_id.
MATCH (r:ReviewDecision)
WHERE $status IS NULL OR r.status = $status
RETURN properties(r) AS props
ORDER BY r.review_id
