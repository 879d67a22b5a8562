// Deletes the {{rel}} relationship from $from to $to; returns {deleted: count}.
OPTIONAL MATCH (:Entity {id: $from})-[r:{{rel}}]->(:Entity {id: $to})
WITH collect(r) AS found
FOREACH (r IN found | DELETE r)
RETURN size(found) AS deleted
