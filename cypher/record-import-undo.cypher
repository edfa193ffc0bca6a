// One piece of an import's undo record (what it created, the values it overwrote), written in
// the same transaction as the changes it undoes, so a crash never leaves a write without its undo.
CREATE (u:ImportUndo {batch: $batch, seq: $seq, undo: $undo})
