// Returns {props} of every saved query, by name. Params: none.
MATCH (q:SavedQuery)
RETURN properties(q) AS props
ORDER BY q.name
