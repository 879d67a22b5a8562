// Analytics projection, relationships: the outgoing relationships of the nodes in $ids as flat columns
// {from, type, to, score, ...}: one per name in gxgraph.analytics.columns.RELATIONSHIP_COLUMNS (keep the
// two alike, and the Neo4j variant), null where the relationship lacks it. Unordered: the projection
// sorts them itself, and sorting here costs the store more than it saves.
// Params: $ids ([node id], one page of page_projection_nodes).
UNWIND $ids AS source_id
MATCH (:Entity {id: source_id})-[r]->(b:Entity)
RETURN source_id AS from, type(r) AS type, b.id AS to,
       r.score AS score, r.patents AS patents, r.publications AS publications, r.level AS level,
       r.year AS year, r.technology AS technology,
       r.source AS source, r.contributed_by AS contributed_by, r.illustrative AS illustrative
