// Imports left half-applied or half-reverted by a process that died: still "applying" or
// "reverting" with no sign of life (heartbeat) since $before.
MATCH (b:ImportBatch)
WHERE b.status IN ['applying', 'reverting'] AND coalesce(b.heartbeatAt, b.at) < $before
RETURN b.id AS id, b.status AS status
ORDER BY b.at
LIMIT 100
