// One page of entities of a label for the export, in id order. Ids carry their type as a prefix
// (firm:…), so a range on the unique id index walks one label without sorting it.
MATCH (n:Entity)
WHERE n.id > $after AND n.id STARTS WITH $prefix AND $label IN labels(n)
RETURN n.id AS id, properties(n) AS props
ORDER BY n.id
LIMIT $limit
