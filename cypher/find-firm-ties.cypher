// Firms (or projects) by id with what a scenario or a knock-out needs to judge them under a change:
// their segments, whether they sit in the local regions, whether they lead $chain there, and their
// suppliers and customers, each with its segments, whether it is local and whether it sits in the
// province ($provinceIds). Each side is read up to $tieCap firms (bounded, as find-chain-leaders).
UNWIND $ids AS id
MATCH (f:Entity {id: id})
WHERE f:Firm OR f:Project
CALL (f) {
  OPTIONAL MATCH (s:Firm)-[:SUPPLIES]->(f)
  WITH DISTINCT s LIMIT $tieCap
  WHERE s IS NOT NULL
  RETURN collect({
    id: s.id,
    name: s.name,
    local: EXISTS { MATCH (s)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds },
    inProvince: EXISTS { MATCH (s)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..5]->(p:Region) WHERE p.id IN $provinceIds },
    segments: COLLECT { MATCH (s)-[:IN_SEGMENT]->(g:Segment) RETURN g.id }
  }) AS suppliers
}
CALL (f) {
  OPTIONAL MATCH (f)-[:SUPPLIES]->(c:Firm)
  WITH DISTINCT c LIMIT $tieCap
  WHERE c IS NOT NULL
  RETURN collect({
    id: c.id,
    name: c.name,
    local: EXISTS { MATCH (c)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds },
    inProvince: EXISTS { MATCH (c)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..5]->(p:Region) WHERE p.id IN $provinceIds },
    segments: COLLECT { MATCH (c)-[:IN_SEGMENT]->(g:Segment) RETURN g.id }
  }) AS customers
}
RETURN f {.*, _labels: labels(f)} AS node,
       COLLECT { MATCH (f)-[:IN_SEGMENT]->(g:Segment) RETURN g.id } AS segments,
       EXISTS { MATCH (f)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds } AS local,
       EXISTS { MATCH (f)-[l:LEADS]->(:Chain {id: $chain}) WHERE l.region IN $regionIds } AS leader,
       suppliers, customers
LIMIT 5000
