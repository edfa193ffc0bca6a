// Current properties of the ties of one type an import file names ($type from the allow-list).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[r:$($type)]->(b:Entity {id: row.to})
WHERE coalesce(r.key, '') = row.key
RETURN row.from AS from, row.to AS to, row.key AS key, properties(r) AS props
LIMIT $limit
