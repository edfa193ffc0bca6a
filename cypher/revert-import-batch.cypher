// Marks an import reverted (its record stays, so the history shows both).
MATCH (b:ImportBatch {id: $id})
SET b.status = 'reverted', b.revertedAt = $at, b.revertedBy = $user
RETURN b {.*} AS batch
