// Recent imports, newest first, without their (large) undo records.
MATCH (b:ImportBatch)
RETURN b {.*, undo: null} AS batch
ORDER BY b.at DESC
LIMIT $limit
