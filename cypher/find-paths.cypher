// All shortest paths between two entities. Figures (numbers about a region) do not count as
// connections, so they may not sit inside a path; with $skipHubs neither do regions, chains and
// segments (two firms of one district are trivially "connected" through it). The search is bounded
// at 6 hops; every shortest path has the same length, so $maxHops (<= 6) filters whole groups.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE all(x IN nodes(p) WHERE x = a OR x = b OR (NOT x:Figure AND NOT ($skipHubs AND (x:Region OR x:Chain OR x:Segment))))
WITH p WHERE length(p) <= $maxHops
RETURN [n IN nodes(p) | n {.*, _labels: labels(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS edges
LIMIT $limit
