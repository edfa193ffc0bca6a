// Entities an import created, removed when it is reverted (their ties were checked first),
// including ones a chunked import had only staged when it was interrupted.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id})
  RETURN n
  UNION
  MATCH (n:ImportStaged {id: id})
  RETURN n
}
WITH n
WHERE n.importBatch = $batch
DETACH DELETE n
