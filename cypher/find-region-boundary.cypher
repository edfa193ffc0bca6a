// The boundary file drawn for $region: its own, else the nearest ancestor's (PART_OF, ≤ 5 levels).
MATCH (r:Entity:Region {id: $region})
MATCH p = (r)-[:PART_OF*0..5]->(a:Region)
MATCH (b:Boundary {region: a.id})
WITH b, length(p) AS distance
ORDER BY distance
LIMIT 1
RETURN b {.region, .areas, .areaCount, .sourceCrs, .approvalNumber, .uploadedAt, .uploadedBy} AS boundary
