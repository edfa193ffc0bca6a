// Synthetic relationships of one type per call ($type from the allow-list in seeds/schema.ts), in the
// demo loader's shape (`key` tells parallel ties apart). Each row is a list [from, to, key, props]
// (server/seed/positional-rows.ts): a map per row would repeat its keys millions of times.
// CREATE, not MERGE (twice as fast here): the generator writes each tie once into a graph that
// holds no synthetic data yet.
UNWIND $rows AS row
MATCH (a:Entity {id: row[0]})
MATCH (b:Entity {id: row[1]})
CREATE (a)-[r:$($type)]->(b)
SET r = row[3], r += $provenance, r.key = row[2]
