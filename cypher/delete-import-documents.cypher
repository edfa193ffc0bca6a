// Documents an import created, or that it cited and an import since reverted had created, removed
// on revert once nothing cites them any more (so reverting A then B, both citing one new document,
// leaves no orphan). Seed documents (no importBatch) are never removed here.
UNWIND $ids AS id
MATCH (d:Document {id: id})
WHERE d.importBatch IS NOT NULL
  AND (d.importBatch = $batch OR EXISTS { MATCH (creator:ImportBatch {id: d.importBatch}) WHERE creator.status = 'reverted' })
  AND NOT EXISTS { MATCH (n:Entity) WHERE id IN n.sourceDocs }
  AND NOT EXISTS { MATCH ()-[r]->() WHERE id IN r.sourceDocs }
DELETE d
