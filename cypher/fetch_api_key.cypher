// Returns {props} of the API key $key_id, or no row.
MATCH (k:ApiKey {key_id: $key_id})
RETURN properties(k) AS props
