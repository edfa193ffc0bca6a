// Local support for the chain: institutes, platforms, incubators, parks, funds and organisations
// that SERVE the chain or one of its segments and are located in (or sponsored by) the region.
MATCH (x:Entity)-[:SERVES]->(t:Entity)
WHERE t.id IN $targetIds
  AND (x:Institute OR x:Park OR x:Fund OR x:Organization)
  AND (EXISTS { MATCH (x)-[:LOCATED_IN]->(r:Region) WHERE r.id IN $regionIds }
       OR EXISTS { MATCH (x)<-[:SPONSORS]-(r:Region) WHERE r.id IN $regionIds })
WITH x, collect(DISTINCT t.id) AS serves
RETURN x {.*, _labels: labels(x)} AS actor, serves
ORDER BY x.id
LIMIT 500
