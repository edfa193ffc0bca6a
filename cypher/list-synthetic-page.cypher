// A page of synthetic nodes in id order, each with its outgoing relationships, for the checksum that
// proves a seed reproduces the same graph. Paged by id ($after) so memory stays bounded.
MATCH (n:Entity)
WHERE n.id > $after AND n:Synthetic
WITH n
ORDER BY n.id
LIMIT $limit
RETURN n.id AS id,
       [l IN labels(n) WHERE l <> 'Entity' AND l <> 'Synthetic'] AS labels,
       properties(n) AS props,
       COLLECT { MATCH (n)-[r]->(m) RETURN {type: type(r), to: m.id, props: properties(r)} } AS out
