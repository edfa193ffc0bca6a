// One import with its undo record, to revert it.
MATCH (b:ImportBatch {id: $id})
RETURN b {.*} AS batch
LIMIT 1
