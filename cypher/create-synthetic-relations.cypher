// Synthetic relationships of one type per call ($type from the allow-list in seeds/schema.ts), in the
// demo loader's shape (`key` tells parallel ties apart). CREATE, not MERGE (twice as fast here): the
// generator writes each tie once into a graph that holds no synthetic data yet.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$($type)]->(b)
SET r = row.props, r += $provenance, r.key = row.key
