// Local firms in the segments of the chain, each with the segments it sits in, capped by $limit
// (the map aggregates beyond it). Chain leaders in the region come first so they are never cut.
MATCH (c:Entity:Chain {id: $chain})
MATCH (s:Segment)-[:SEGMENT_OF|SUB_SEGMENT_OF*1..4]->(c)
WITH DISTINCT c, s
MATCH (f:Firm)-[:IN_SEGMENT]->(s)
WHERE EXISTS { MATCH (f)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds }
WITH c, f, collect(s.id) AS segments
WITH f, segments, EXISTS { MATCH (f)-[l:LEADS]->(c) WHERE l.region IN $regionIds } AS leader
ORDER BY leader DESC, f.id
LIMIT $limit
RETURN f {.*, _labels: labels(f)} AS firm, segments, leader
