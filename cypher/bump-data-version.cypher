// Every import and revert stamps the graph in its own transaction (when and how often the data
// changed); the chain list no longer needs it, it reads precomputed stats (refresh-chain-stats).
MERGE (v:DataVersion {id: 'graph'})
SET v.version = coalesce(v.version, 0) + 1, v.at = $at
RETURN v.version AS version
