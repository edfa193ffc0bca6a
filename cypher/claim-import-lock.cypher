// The one lock of import writes. The SET takes Neo4j's write lock on this node until the
// transaction ends, so imports and reverts run one at a time; a chunked import or revert, which
// spans many transactions, also leaves its batch id and owner (host, pid, heartbeat) here as a lease.
MERGE (l:ImportLock {id: 'imports'})
SET l.claimedAt = $now
WITH l
OPTIONAL MATCH (b:ImportBatch {id: l.holder})
RETURN l {.holder, .op, .ownerHost, .ownerPid, .ownerToken, .heartbeatAt} AS lock, b.status AS holderStatus
