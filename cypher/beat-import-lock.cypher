// A chunked import or revert shows it is alive; only while the lease is still its own.
MATCH (l:ImportLock {id: 'imports'})
WHERE l.holder = $holder AND l.ownerToken = $token
SET l.heartbeatAt = $now
RETURN count(l) AS held
