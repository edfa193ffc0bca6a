// Ties an import created, removed when it is reverted.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[r]->(b:Entity {id: row.to})
WHERE type(r) = row.type AND coalesce(r.key, '') = row.key AND r.importBatch = $batch
DELETE r
