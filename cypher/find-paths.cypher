// All shortest paths between two entities, avoiding hubs. Figures (numbers about a region) do not
// count as connections, so they may not sit inside a path; neither may a node with more than
// $hubDegree relationships (a district with a thousand firms, a segment with twenty thousand):
// "both sit in 丽水" is not a tie a planner follows, and walking through such hubs is what made
// "no path within N hops" slow (the predicate is checked during the bidirectional search, so a
// hub is never expanded). With $skipHubs (the default in the API) regions, chains and segments may
// not sit inside a path at all, whatever their degree (two firms of one district are trivially
// "connected" through it). The two ends may be hubs themselves. The search is bounded at 6 hops;
// every shortest path has the same length, so $maxHops (<= 6) filters whole groups.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE all(x IN nodes(p) WHERE x = a OR x = b OR (
  NOT x:Figure AND COUNT { (x)--() } <= $hubDegree AND NOT ($skipHubs AND (x:Region OR x:Chain OR x:Segment))))
WITH p WHERE length(p) <= $maxHops
RETURN [n IN nodes(p) | n {.*, _labels: labels(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS edges
LIMIT $limit
