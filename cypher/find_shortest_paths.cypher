// All shortest undirected paths of at most {{hops}} relationships from node $from to node $to,
// at most $limit of them. Returns {nodes: [props], rels: [{type, from, to, props}]}.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WITH a, b
MATCH p = allShortestPaths((a)-[*..{{hops}}]-(b))
RETURN [x IN nodes(p) | properties(x)] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id,
                                  props: properties(r)}] AS rels
LIMIT $limit
