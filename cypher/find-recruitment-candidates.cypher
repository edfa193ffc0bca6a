// Firms outside the region in the gap segments (their sub-segments, or a segment of another chain
// marked EQUIVALENT_TO one of them), with the ties that make
// each a plausible recruit: it supplies or buys from local firms, a local fund invests in it, a
// local institute cooperates with it, and Adamic-Adar evidence through shared neighbours with
// local firms (neighbours with more than $hubCap ties are skipped so hubs do not dominate).
MATCH (gap:Entity:Segment)
WHERE gap.id IN $segmentIds
CALL (gap) {
  RETURN gap AS s
  UNION
  MATCH (gap)-[:EQUIVALENT_TO]-(s:Segment)
  RETURN s
}
MATCH (f:Firm)-[:IN_SEGMENT]->(:Segment)-[:SUB_SEGMENT_OF*0..3]->(s)
WHERE NOT EXISTS { MATCH (f)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds }
WITH f, collect(DISTINCT gap {.id, .name, .nameEn})[0] AS gap, collect(DISTINCT s.id) AS via
LIMIT $candidateCap
CALL (f) {
  OPTIONAL MATCH (f)-[:SUPPLIES]->(l:Firm)-[:LOCATED_IN]->(x:Region)
  WHERE x.id IN $regionIds
  RETURN collect(DISTINCT l.id)[..10] AS suppliesLocal
}
CALL (f) {
  OPTIONAL MATCH (l:Firm)-[:SUPPLIES]->(f)
  WHERE EXISTS { MATCH (l)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds }
  RETURN collect(DISTINCT l.id)[..10] AS buysFromLocal
}
CALL (f) {
  OPTIONAL MATCH (fund:Fund)-[:INVESTS_IN]->(f)
  WHERE EXISTS { MATCH (fund)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds }
     OR EXISTS { MATCH (fund)<-[:SPONSORS]-(x:Region) WHERE x.id IN $regionIds }
  RETURN collect(DISTINCT fund.id)[..10] AS localFunds
}
CALL (f) {
  OPTIONAL MATCH (i:Institute)-[:COOPERATES_WITH]-(f)
  WHERE EXISTS { MATCH (i)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds }
  RETURN collect(DISTINCT i.id)[..10] AS localInstitutes
}
CALL (f) {
  OPTIONAL MATCH (f)-[:SUPPLIES|COOPERATES_WITH|INVESTS_IN|SUBSIDIARY_OF]-(z:Entity)
  WHERE NOT z:Region AND NOT z:Segment AND NOT z:Chain
  WITH DISTINCT z, COUNT { (z)--() } AS degree
  WHERE degree <= $hubCap
  MATCH (z)-[:SUPPLIES|COOPERATES_WITH|INVESTS_IN|SUBSIDIARY_OF]-(l:Firm)-[:LOCATED_IN]->(x:Region)
  WHERE x.id IN $regionIds AND l <> f
  WITH z, degree, count(DISTINCT l) AS localLinks
  RETURN sum(localLinks / log(degree + 1.0)) AS adamicAdar, collect(z.id)[..5] AS sharedNeighbours
}
OPTIONAL MATCH (f)-[:LOCATED_IN]->(home:Region)
RETURN f {.*, _labels: labels(f)} AS firm, gap, via, collect(DISTINCT home.name)[..3] AS locatedIn,
       suppliesLocal, buysFromLocal, localFunds, localInstitutes, adamicAdar, sharedNeighbours
LIMIT $candidateCap
