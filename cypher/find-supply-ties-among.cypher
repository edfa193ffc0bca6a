// Supply and ownership ties among a set of firms (the firms drawn on a chain map). Matching on
// :Entity lets the planner seek the ids through the entity_id index instead of scanning firms.
MATCH (a:Entity)-[r:SUPPLIES|SUBSIDIARY_OF]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND a:Firm AND b:Firm
RETURN {type: type(r), from: a.id, to: b.id, props: properties(r)} AS edge
LIMIT $limit
