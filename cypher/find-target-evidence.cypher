// The evidence behind each ranked candidate of one page ($firmIds): the real paths in the graph
// for every signal rank-recruitment-candidates counts, with the same patterns, at most
// $perKindCap paths per signal (the most the score counts). Paths come back as node ids and
// edges in the API's edge shape, so the UI draws only what the graph holds. Under a scenario the
// firms it recruits count as local ($addedIds) and the ones it removes do not ($removedIds).
UNWIND $firmIds AS firmId
MATCH (f:Entity:Firm {id: firmId})
CALL (f) {
  MATCH p = (f)-[:IN_SEGMENT]->(:Segment)-[:SUB_SEGMENT_OF*0..3]->(s:Segment)
  WHERE s.id IN $segmentIds
  RETURN 'inGapSegment' AS kind, p LIMIT 1
  UNION
  MATCH p = (f)-[:IN_SEGMENT]->(:Segment)-[:SUB_SEGMENT_OF*0..3]->(:Segment)-[:EQUIVALENT_TO]-(s:Segment)
  WHERE s.id IN $segmentIds
  RETURN 'inGapSegment' AS kind, p LIMIT 1
  UNION
  MATCH p = (f)-[:SUPPLIES]->(l:Firm)
  WHERE l.id IN $leaderIds
  RETURN 'suppliesLeader' AS kind, p LIMIT $perKindCap
  UNION
  MATCH p = (l:Firm)-[:SUPPLIES]->(f)
  WHERE l.id IN $leaderIds
  RETURN 'buysFromLeader' AS kind, p LIMIT $perKindCap
  UNION
  MATCH p = (f)-[:SUPPLIES]->(l:Firm)
  WHERE NOT l.id IN $leaderIds AND NOT l.id IN $removedIds
    AND (l.id IN $addedIds OR EXISTS { MATCH (l)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds })
  RETURN 'suppliesLocal' AS kind, p LIMIT $perKindCap
  UNION
  MATCH p = (l:Firm)-[:SUPPLIES]->(f)
  WHERE NOT l.id IN $leaderIds AND NOT l.id IN $removedIds
    AND (l.id IN $addedIds OR EXISTS { MATCH (l)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds })
  RETURN 'buysFromLocal' AS kind, p LIMIT $perKindCap
  UNION
  MATCH p = (f)-[:COOPERATES_WITH]-(q)
  WHERE (q:Firm OR q:Institute OR q:Park) AND NOT q.id IN $removedIds
    AND (q.id IN $addedIds OR EXISTS { MATCH (q)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds })
  RETURN 'cooperatesLocal' AS kind, p LIMIT $perKindCap
  UNION
  MATCH p = (fund:Fund)-[:INVESTS_IN]->(f)
  WHERE EXISTS { MATCH (fund)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds }
     OR EXISTS { MATCH (fund)<-[:SPONSORS]-(x:Region) WHERE x.id IN $regionIds }
  RETURN 'localFund' AS kind, p LIMIT $perKindCap
  UNION
  MATCH p = (f)-[:SUBSIDIARY_OF*1..2]-(l:Firm)
  WHERE l <> f AND NOT l.id IN $removedIds
    AND (l.id IN $addedIds OR EXISTS { MATCH (l)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds })
  RETURN 'sameGroup' AS kind, p LIMIT $perKindCap
  UNION
  MATCH p = (f)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..3]->(x:Region)
  WHERE x.id IN $partnerRegionIds
  RETURN 'partnerRegion' AS kind, p LIMIT $perKindCap
  UNION
  MATCH p = (f)-[:RUNS]->(q:Project)-[:LOCATED_IN]->(x:Region)
  WHERE coalesce(q.status, 'planned') IN ['planned', 'signed', 'under-construction'] AND x.id IN $regionIds
  RETURN 'plannedProject' AS kind, p LIMIT $perKindCap
}
WITH f, kind, [n IN nodes(p) | n.id] AS nodes,
     [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS edges
WITH f, collect({kind: kind, nodes: nodes, edges: edges}) AS paths
RETURN f.id AS firm, paths,
       COLLECT { MATCH (f)-[:LOCATED_IN]->(home:Region) RETURN home.name ORDER BY home.name LIMIT 3 } AS locatedIn
LIMIT 1000
