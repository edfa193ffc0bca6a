// Every import and revert stamps the graph in its own transaction, so the caches of every app
// instance (the chain list) notice the change on their next request instead of after a TTL.
MERGE (v:DataVersion {id: 'graph'})
SET v.version = coalesce(v.version, 0) + 1, v.at = $at
RETURN v.version AS version
