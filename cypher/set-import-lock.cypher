// Takes or gives back the lease of the import lock ($props: holder, op, owner, heartbeat; nulls release it).
MATCH (l:ImportLock {id: 'imports'})
SET l += $props
