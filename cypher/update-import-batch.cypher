// Status and counts of an import as it moves from applying to applied (or reverting).
MATCH (b:ImportBatch {id: $id})
SET b += $props
RETURN b {.*} AS batch
