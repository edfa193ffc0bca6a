// Removes the boundary file uploaded for $region (the 区域分布图 falls back to the schematic).
MATCH (b:Boundary {region: $region})
WITH b, b.region AS region
DETACH DELETE b
RETURN region
