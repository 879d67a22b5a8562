// A page of the audit log, newest first: up to $limit entries with seq below $before (null: from the
// newest), by $actor (key id or name; null: anyone), of $operation (null: any), at times from $since to
// $until (ISO 8601 text, inclusive; null: open), with seq in $seqs (null: any). Returns {props}.
MATCH (e:AuditEntry)
WHERE ($before IS NULL OR e.seq < $before)
  AND ($actor IS NULL OR e.actor_id = $actor OR e.actor_name = $actor)
  AND ($operation IS NULL OR e.operation = $operation)
  AND ($since IS NULL OR e.at >= $since)
  AND ($until IS NULL OR e.at <= $until)
  AND ($seqs IS NULL OR e.seq IN $seqs)
RETURN properties(e) AS props
ORDER BY e.seq DESC
LIMIT $limit
