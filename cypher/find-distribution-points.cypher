// What the 区域分布图 places, for a chain in the local regions: firms and projects in its
// segments, and parks that serve the chain (or its segments) or host its firms. Each with the
// region it sits in, its first segment (by chain order) and the optional WGS-84 lng/lat.
MATCH (c:Entity:Chain {id: $chain})
MATCH (s:Segment)-[:SEGMENT_OF|SUB_SEGMENT_OF*1..4]->(c)
WITH c, collect(DISTINCT s) AS segments
CALL (c, segments) {
  UNWIND $regionIds AS regionId
  MATCH (reg:Entity {id: regionId})<-[:LOCATED_IN]-(x)
  WHERE (x:Firm OR x:Project) AND EXISTS { MATCH (x)-[:IN_SEGMENT]->(own) WHERE own IN segments }
  RETURN x, reg
  UNION
  UNWIND $regionIds AS regionId
  MATCH (reg:Entity {id: regionId})<-[:LOCATED_IN]-(x:Park)
  WHERE EXISTS { MATCH (x)-[:SERVES]->(t) WHERE t = c OR t IN segments }
     OR EXISTS { MATCH (x)-[:HOSTS]->(:Firm)-[:IN_SEGMENT]->(own) WHERE own IN segments }
  RETURN x, reg
}
WITH x, min(reg.id) AS region, segments
WITH x, region, COLLECT {
  MATCH (x)-[:IN_SEGMENT|SERVES]->(own:Segment) WHERE own IN segments
  RETURN own {.id, .stage, .name, .nameEn} ORDER BY CASE own.stage WHEN 'upstream' THEN 0 WHEN 'midstream' THEN 1 ELSE 2 END, own.id LIMIT 1
}[0] AS segment
ORDER BY x.id
LIMIT $limit
RETURN x.id AS id, [l IN labels(x) WHERE l IN ['Firm', 'Park', 'Project']][0] AS kind, x.name AS name, x.nameEn AS nameEn,
       region, segment.id AS segment, segment.name AS segmentName, segment.nameEn AS segmentNameEn, segment.stage AS stage, x.lng AS lng, x.lat AS lat,
       x.status AS status, x.tags AS tags, x.investmentYuan AS investmentYuan,
       coalesce(x.sourceDocs, []) AS sourceDocs, coalesce(x.sourceQuotes, []) AS sourceQuotes
