// Deletes the saved query named $name; returns {name} when it existed.
MATCH (q:SavedQuery {name: $name})
WITH q, q.name AS name
DELETE q
RETURN name
