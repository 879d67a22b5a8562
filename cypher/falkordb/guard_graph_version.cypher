// Opens FalkorDB's one-query import (see FalkorDBStore.write): bumps the graph version only while it
// is still $expected (-1: whatever it is) and carries {version} on. When the version moved it yields no
// row, so the merge parts that follow write nothing and the query returns no row.
MERGE (m:GraphMeta {key: 'graph'})
WITH m
WHERE $expected < 0 OR coalesce(m.version, 0) = $expected
SET m.version = coalesce(m.version, 0) + 1
WITH m.version AS version
