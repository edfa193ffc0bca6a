// Recent imports, newest first.
MATCH (b:ImportBatch)
RETURN b {.*} AS batch
ORDER BY b.at DESC
LIMIT $limit
