// Makes staged entities of one label ($label from the allow-list) real, in the transaction that
// finishes their import: from then on every read sees all of them at once.
UNWIND $ids AS id
MATCH (n:ImportStaged {id: id})
WHERE n.importBatch = $batch
SET n:Entity:$($label)
REMOVE n:ImportStaged
