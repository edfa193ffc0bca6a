// Existing records of one label ($label from the allow-list) that an import may mean: by id, by
// name or alias (a blank id, or a name written in place of an id), or a firm by credit code; with
// what a match is judged on: the regions it is located in or part of, the chains of a segment.
MATCH (n:Entity)
WHERE $label IN labels(n)
  AND (n.id IN $ids OR n.name IN $names OR n.creditCode IN $codes
       OR any(alias IN coalesce(n.aliases, []) WHERE alias IN $names))
RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases, n.creditCode AS creditCode,
       COLLECT { MATCH (n)-[:LOCATED_IN|PART_OF]->(r:Region) RETURN DISTINCT r.id AS id LIMIT 50 } AS regions,
       COLLECT { MATCH (n)-[:SEGMENT_OF|SUB_SEGMENT_OF*1..4]->(c:Chain) RETURN DISTINCT c.id AS id LIMIT 50 } AS chains
LIMIT $limit
