// One page of ties for the export: the ties of types $types leaving up to $limit start nodes
// after $after, in id order (paging by start node keeps each page bounded on a large graph).
MATCH (a:Entity)
WHERE a.id > $after
WITH a
ORDER BY a.id
LIMIT $limit
OPTIONAL MATCH (a)-[r]->(b:Entity)
WHERE type(r) IN $types
RETURN a.id AS cursor, type(r) AS type, b.id AS to, coalesce(r.key, '') AS key, properties(r) AS props
ORDER BY cursor
