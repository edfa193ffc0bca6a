// Recruitment candidates ranked in the database: every firm outside the region in a gap segment,
// its sub-segments, or a segment of another chain marked EQUIVALENT_TO it; each candidate's
// signal counts read here, the score computed here with the weights of
// server/analysis/signals.ts ($weights, $tagWeights, $perKindCap), ORDER BY score DESC, id, and
// only then the page ($offset, $limit). $scanLimit (the documented cap + 1) bounds the scan; the
// caller reports `truncated` when it is reached. The evidence paths of the page are read by
// find-target-evidence with the same patterns.
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
WITH f, collect(DISTINCT gap.id) AS gaps
LIMIT $scanLimit
WITH f, gaps,
     COLLECT { MATCH (f)-[:SUPPLIES]->(l:Firm) WHERE l.id IN $leaderIds RETURN DISTINCT l.id } AS suppliesLeader,
     COLLECT { MATCH (l:Firm)-[:SUPPLIES]->(f) WHERE l.id IN $leaderIds RETURN DISTINCT l.id } AS buysFromLeader,
     COLLECT {
       MATCH (f)-[:SUPPLIES]->(l:Firm)
       WHERE NOT l.id IN $leaderIds AND EXISTS { MATCH (l)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds }
       RETURN DISTINCT l.id
     } AS suppliesLocal,
     COLLECT {
       MATCH (l:Firm)-[:SUPPLIES]->(f)
       WHERE NOT l.id IN $leaderIds AND EXISTS { MATCH (l)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds }
       RETURN DISTINCT l.id
     } AS buysFromLocal,
     COLLECT {
       MATCH (f)-[:COOPERATES_WITH]-(p)
       WHERE (p:Firm OR p:Institute OR p:Park) AND EXISTS { MATCH (p)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds }
       RETURN DISTINCT p.id
     } AS cooperatesLocal,
     COLLECT {
       MATCH (fund:Fund)-[:INVESTS_IN]->(f)
       WHERE EXISTS { MATCH (fund)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds }
          OR EXISTS { MATCH (fund)<-[:SPONSORS]-(x:Region) WHERE x.id IN $regionIds }
       RETURN DISTINCT fund.id
     } AS localFund,
     COLLECT {
       MATCH (f)-[:SUBSIDIARY_OF*1..2]-(l:Firm)
       WHERE l <> f AND EXISTS { MATCH (l)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds }
       RETURN DISTINCT l.id
     } AS sameGroup,
     COLLECT {
       MATCH (f)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..3]->(x:Region)
       WHERE x.id IN $partnerRegionIds
       RETURN DISTINCT x.id
     } AS partnerRegion,
     COLLECT {
       MATCH (f)-[:RUNS]->(p:Project)
       WHERE coalesce(p.status, 'planned') IN ['planned', 'signed', 'under-construction']
         AND EXISTS { MATCH (p)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $regionIds }
       RETURN DISTINCT p.id
     } AS plannedProject,
     reduce(best = 0.0, g IN gaps | CASE WHEN coalesce($density[g], 0.0) > best THEN coalesce($density[g], 0.0) ELSE best END) AS density,
     reduce(sum = 0.0, tag IN coalesce(f.tags, []) | sum + coalesce($tagWeights[tag], 0.0)) AS tagScore
WITH f, gaps, density, tagScore,
     {suppliesLeader: size(suppliesLeader), buysFromLeader: size(buysFromLeader), suppliesLocal: size(suppliesLocal),
      buysFromLocal: size(buysFromLocal), cooperatesLocal: size(cooperatesLocal), localFund: size(localFund),
      sameGroup: size(sameGroup), partnerRegion: size(partnerRegion), plannedProject: size(plannedProject)} AS counts
WITH f, gaps, density, tagScore, counts,
     $weights.inGapSegment + $weights.relatedness * density + tagScore +
     reduce(sum = 0.0, kind IN keys(counts) |
       sum + $weights[kind] * CASE WHEN counts[kind] > $perKindCap THEN $perKindCap ELSE counts[kind] END) AS score
ORDER BY score DESC, f.id
WITH collect({firm: f {.*, _labels: labels(f)}, gaps: gaps, counts: counts, density: density, score: score}) AS ranked
RETURN size(ranked) AS total, ranked[$offset..$offset + $limit] AS page
