// Analytics projection, nodes: up to $limit nodes with id greater than $after, in id order, as flat
// columns {id, kind, name_en, ...}: one per name in gxgraph.analytics.columns.NODE_COLUMNS (keep the
// two alike), null where the node lacks it. Only these properties, as plain columns: property maps
// would also carry descriptions and the search grams, and decode several times slower.
// Params: $after (an id; '' for the first page), $limit.
MATCH (n:Entity)
WHERE n.id > $after
WITH n
ORDER BY n.id
LIMIT $limit
RETURN n.id AS id,
       n.kind AS kind, n.name_en AS name_en, n.name_ja AS name_ja,
       n.source AS source, n.contributed_by AS contributed_by, n.illustrative AS illustrative,
       n.updated_at AS updated_at,
       n.country AS country, n.region AS region, n.iso_code AS iso_code, n.is_japanese AS is_japanese,
       n.institution_type AS institution_type, n.sector AS sector, n.size AS size,
       n.domain AS domain, n.trl AS trl, n.patent_families AS patent_families,
       n.publications AS publications, n.industry AS industry,
       n.digital_technology AS digital_technology, n.year AS year,
       n.status AS status, n.content AS content, n.indicators AS indicators,
       n.cagr_pct AS cagr_pct, n.market_size_usd AS market_size_usd
