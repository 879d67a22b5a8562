// Deletes the {{rel}} relationship from $from to $to, bumps the graph version and appends the audit
// entry in the same query; returns {deleted, version} when it existed, no row (no bump, no entry)
// otherwise. Params: $from, $to, $journal. The version is taken before the relationship, the order
// imports lock in.
MATCH (:Entity {id: $from})-[r:{{rel}}]->(:Entity {id: $to})
WITH collect(r) AS found
WHERE size(found) > 0
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1
WITH found, m.version AS version
{{journal}}
FOREACH (r IN found | DELETE r)
RETURN size(found) AS deleted, version
