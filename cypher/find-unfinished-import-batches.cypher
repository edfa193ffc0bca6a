// Imports still "applying" or "reverting": being written now, or left half-done by a process
// that died (recovery tells which from the import lock's lease).
MATCH (b:ImportBatch)
WHERE b.status IN ['applying', 'reverting']
RETURN b.id AS id, b.status AS status
ORDER BY b.at
LIMIT 100
