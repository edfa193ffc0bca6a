// Supply and ownership ties among a set of firms (the firms drawn on a chain map).
MATCH (a:Firm)-[r:SUPPLIES|SUBSIDIARY_OF]->(b:Firm)
WHERE a.id IN $ids AND b.id IN $ids
RETURN {type: type(r), from: a.id, to: b.id, props: properties(r)} AS edge
LIMIT $limit
