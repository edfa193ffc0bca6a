// Local firms in the segments of the chain, each with the segments it sits in, capped by $limit
// (the map aggregates beyond it). Found from the region side; chain leaders in the region come
// first so they are never cut.
MATCH (c:Entity:Chain {id: $chain})
MATCH (s:Segment)-[:SEGMENT_OF|SUB_SEGMENT_OF*1..4]->(c)
WITH c, collect(DISTINCT s) AS segments
UNWIND $regionIds AS regionId
MATCH (:Entity {id: regionId})<-[:LOCATED_IN]-(f:Firm)-[:IN_SEGMENT]->(own:Segment)
WHERE own IN segments
WITH c, f, collect(DISTINCT own.id) AS segments
WITH f, segments, EXISTS { MATCH (f)-[l:LEADS]->(c) WHERE l.region IN $regionIds } AS leader
ORDER BY leader DESC, f.id
LIMIT $limit
RETURN f {.*, _labels: labels(f)} AS firm, segments, leader
