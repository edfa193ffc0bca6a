// Firms per (region, segment) of $chain across every region of the graph: the input of the
// relatedness proximities (server/analysis/relatedness.ts). One row per pair, counted at the
// firm's own segment; parents are rolled up in TypeScript.
MATCH (c:Entity:Chain {id: $chain})
MATCH (s:Segment)-[:SEGMENT_OF|SUB_SEGMENT_OF*1..4]->(c)
WITH DISTINCT s
MATCH (f:Firm)-[:IN_SEGMENT]->(s)
MATCH (f)-[:LOCATED_IN]->(r:Region)
RETURN r.id AS region, s.id AS segment, count(DISTINCT f) AS firms
LIMIT $limit
