// Entities an import created, removed when it is reverted (their ties were checked first).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.importBatch = $batch
DETACH DELETE n
