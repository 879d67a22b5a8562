// Deletes the domain nodes $ids (a page of the graph being cleared) with their relationships, bumps
// the graph version and appends the audit entry in the same query; returns {deleted}, or no row when
// none of them exists any more. Params: $ids, $journal. API keys and the audit log stay.
MATCH (n:Entity)
WHERE n.id IN $ids
WITH collect(n) AS page
WHERE size(page) > 0
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1
WITH page, m.version AS version
{{journal}}
FOREACH (n IN page | DETACH DELETE n)
RETURN size(page) AS deleted
