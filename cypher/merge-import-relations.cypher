// Imported ties of one type ($type from the allow-list), keyed like the seed loader's ties.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$($type) {key: row.key}]->(b)
SET r += row.props
