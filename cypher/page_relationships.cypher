// Export page: the outgoing relationships of up to $limit source nodes with id greater than
// $after, in id order. Returns {from, last, rels: [{type, to, props}]}; last is the page's last
// source id (the next cursor), so sources without relationships still advance the cursor.
MATCH (a:Entity)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $limit
WITH collect(a) AS sources
WITH sources, sources[size(sources) - 1].id AS last
UNWIND sources AS a
OPTIONAL MATCH (a)-[r]->(b:Entity)
WITH a, last, collect(CASE WHEN r IS NULL THEN NULL
                           ELSE {type: type(r), to: b.id, props: properties(r)} END) AS rels
RETURN a.id AS from, last, rels
ORDER BY a.id
