// Neo4j's page_projection_nodes (keep the two alike): the same page and columns, the rows collected
// into one list (`rows`, read by Neo4jStore._read_flat), in id order. Params: $after, $limit.
// Returns {rows: [{id, kind, name_en, ...}]}.
MATCH (n:Entity)
WHERE n.id > $after
WITH n
ORDER BY n.id
LIMIT $limit
RETURN collect({
         id: n.id, kind: n.kind, name_en: n.name_en, name_ja: n.name_ja, source: n.source,
         contributed_by: n.contributed_by, illustrative: n.illustrative, updated_at: n.updated_at,
         country: n.country, region: n.region, iso_code: n.iso_code, is_japanese: n.is_japanese,
         institution_type: n.institution_type, sector: n.sector, size: n.size, domain: n.domain,
         trl: n.trl, patent_families: n.patent_families, publications: n.publications,
         industry: n.industry, digital_technology: n.digital_technology, year: n.year,
         status: n.status, content: n.content, indicators: n.indicators, cagr_pct: n.cagr_pct,
         market_size_usd: n.market_size_usd
       }) AS rows
