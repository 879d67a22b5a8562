// Returns {review_id, status} of every decided review pair (accepted or rejected). Params: none.
MATCH (r:ReviewDecision)
WHERE r.status <> 'pending'
RETURN r.review_id AS review_id, r.status AS status
