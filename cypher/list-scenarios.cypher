// Saved scenarios, newest first, optionally of one chain.
MATCH (s:Scenario)
WHERE $chain IS NULL OR s.chain = $chain
RETURN s {.*} AS scenario
ORDER BY s.updatedAt DESC, s.id
LIMIT $limit
