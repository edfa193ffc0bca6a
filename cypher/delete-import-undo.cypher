// An import's undo pieces, once it is reverted.
MATCH (u:ImportUndo {batch: $batch})
DELETE u
