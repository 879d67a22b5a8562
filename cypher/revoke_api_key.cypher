// Marks API key $key_id revoked at $revoked_at; returns {key_id} when it existed and was active.
MATCH (k:ApiKey {key_id: $key_id})
WHERE k.revoked_at IS NULL
SET k.revoked_at = $revoked_at
RETURN k.key_id AS key_id
