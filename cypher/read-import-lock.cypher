// The import lock's lease as it stands, for recovery at start-up.
MATCH (l:ImportLock {id: 'imports'})
RETURN l {.holder, .op, .ownerHost, .ownerPid, .ownerToken, .heartbeatAt} AS lock
LIMIT 1
