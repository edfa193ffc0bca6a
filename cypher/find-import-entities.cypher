// Current properties of the entities an import file names, to tell created / updated / unchanged.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, properties(n) AS props
LIMIT $limit
