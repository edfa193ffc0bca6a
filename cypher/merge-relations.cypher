// Relationships of one type per call ($type from the allow-list in seeds/schema.ts).
// `key` tells apart two ties of the same type between the same pair (a LEADS per region).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$($type) {key: row.key}]->(b)
SET r = row.props
SET r.key = row.key
