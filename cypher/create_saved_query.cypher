// Stores the saved query $query ({name, title, description, statement, parameters (JSON text), limit,
// created_at, created_by}) unless one of that name exists. $token is fresh per call: the row says
// whether this call created it. Returns {created}.
MERGE (q:SavedQuery {name: $query.name})
ON CREATE SET q += $query, q._token = $token
RETURN q._token = $token AS created
