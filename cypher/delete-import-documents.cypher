// Documents an import created, removed on revert unless something still cites them.
UNWIND $ids AS id
MATCH (d:Document {id: id})
WHERE d.importBatch = $batch
  AND NOT EXISTS { MATCH (n:Entity) WHERE id IN n.sourceDocs }
  AND NOT EXISTS { MATCH ()-[r]->() WHERE id IN r.sourceDocs }
DELETE d
