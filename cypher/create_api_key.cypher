// Stores an API key record $key ({key_id, hash, role, name, created_at}); the secret is never stored.
CREATE (k:ApiKey)
SET k = $key
