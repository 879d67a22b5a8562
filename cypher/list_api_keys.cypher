// Returns {props} of every API key, oldest first. Params: none.
MATCH (k:ApiKey)
RETURN properties(k) AS props
ORDER BY k.created_at, k.key_id
