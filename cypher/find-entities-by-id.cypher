// Entities by id, for naming the nodes behind evidence and matchmaking pairs.
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n {.*, _labels: labels(n)} AS node
LIMIT 2000
