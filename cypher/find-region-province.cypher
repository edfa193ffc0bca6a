// The province a region belongs to (itself when it is one): the widest "inside the province" for
// resilience. Falls back to the region itself when no province is above it.
MATCH (r:Entity:Region {id: $region})
OPTIONAL MATCH (r)-[:PART_OF*0..5]->(p:Region {kind: 'province'})
WITH r, collect(DISTINCT p.id) AS provinces
RETURN CASE WHEN size(provinces) = 0 THEN [r.id] ELSE provinces END AS provinceIds
LIMIT 1
