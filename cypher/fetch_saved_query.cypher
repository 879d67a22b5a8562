// Returns {props} of the saved query named $name, or no row.
MATCH (q:SavedQuery {name: $name})
RETURN properties(q) AS props
