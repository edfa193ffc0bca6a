// Recruitment candidates ranked in the database: every firm outside the region in a gap segment,
// its sub-segments, or a segment of another chain marked EQUIVALENT_TO it; each candidate's
// signal counts read here, the score computed here with the weights of
// server/analysis/signals.ts ($weights, $perKindCap), ORDER BY score DESC, id, and only then the
// page ($offset, $limit). What depends on the firm alone (its tag weight and the ST / *ST flag) is
// read from the parts stored on every firm (server/repositories/firm-score-parts.ts), not from its
// tags, name and aliases. $scanLimit (the documented cap + 1) bounds the scan; the
// caller reports `truncated` when it is reached.
// Ties are read from the local side (the region's firms, funds, institutes, parks, projects and
// the leaders), which is small, and joined to the candidates, instead of expanding every
// candidate; the patterns are those of find-target-evidence, which reads the page's paths.
// The local side is read once: the local regions, then everything located in them (firms,
// funds, institutes, parks, projects), and each signal joins from that list. Outside-ness is a
// comparison with the region nodes, not a read of their ids. Only the returned page's firms are
// projected with their properties; every candidate is scored and sorted before that.
MATCH (x:Entity:Region)
WHERE x.id IN $regionIds
WITH collect(x) AS regions
CALL (regions) {
  UNWIND regions AS x
  MATCH (x)<-[:LOCATED_IN]-(l)
  WHERE NOT l.id IN $removedIds
  RETURN collect(DISTINCT l) AS found
}
// Under a scenario (远景): the firms it recruits count as local ($addedIds), the ones it removes do not ($removedIds).
WITH regions, found + COLLECT { MATCH (a:Entity) WHERE a.id IN $addedIds RETURN a } AS locals,
     COLLECT { MATCH (r:Entity) WHERE r.id IN $removedIds RETURN r } AS removed
CALL (regions, locals, removed) {
  MATCH (gap:Entity:Segment)
  WHERE gap.id IN $segmentIds
  CALL (gap) {
    RETURN gap AS s
    UNION
    MATCH (gap)-[:EQUIVALENT_TO]-(s:Segment)
    RETURN s
  }
  MATCH (f:Firm)-[:IN_SEGMENT]->(:Segment)-[:SUB_SEGMENT_OF*0..3]->(s)
  // A firm the scenario removes still sits in the region: it is not a recruitment candidate.
  WHERE NOT f IN locals AND NOT f IN removed
  WITH f, collect(DISTINCT gap.id) AS gaps
  LIMIT $scanLimit
  RETURN f, gaps, null AS kind, null AS other
  UNION ALL
  // The tie branches do not check the far end's label: only candidates (the branch above) have
  // gaps, and every other row is dropped after the join, so the check would be a read per tie for nothing.
  MATCH (l:Entity:Firm)
  WHERE l.id IN $leaderIds
  MATCH (l)-[t:SUPPLIES]-(f)
  RETURN f, null AS gaps, CASE WHEN startNode(t) = f THEN 'suppliesLeader' ELSE 'buysFromLeader' END AS kind, l.id AS other
  UNION ALL
  // Supply and cooperation ties of the local side in one walk of each local's relationships.
  // Whether a local counts for supply ties (a firm, not a leader) is read once per local, not per tie.
  UNWIND locals AS l
  WITH l, l:Firm AS firm
  WHERE firm OR l:Institute OR l:Park
  WITH l, firm AND NOT l.id IN $leaderIds AS supplier
  MATCH (l)-[t:SUPPLIES|COOPERATES_WITH]-(f)
  WITH l, t, f
  WHERE type(t) = 'COOPERATES_WITH' OR supplier
  RETURN f, null AS gaps,
         CASE WHEN type(t) = 'COOPERATES_WITH' THEN 'cooperatesLocal'
              WHEN startNode(t) = f THEN 'suppliesLocal' ELSE 'buysFromLocal' END AS kind,
         l.id AS other
  UNION ALL
  UNWIND locals AS fund
  WITH fund
  WHERE fund:Fund
  MATCH (fund)-[:INVESTS_IN]->(f)
  RETURN f, null AS gaps, 'localFund' AS kind, fund.id AS other
  UNION ALL
  UNWIND regions AS x
  MATCH (x)-[:SPONSORS]->(fund:Fund)-[:INVESTS_IN]->(f)
  RETURN f, null AS gaps, 'localFund' AS kind, fund.id AS other
  UNION ALL
  UNWIND locals AS l
  WITH l
  WHERE l:Firm
  MATCH (l)-[:SUBSIDIARY_OF*1..2]-(f)
  WHERE l <> f
  RETURN f, null AS gaps, 'sameGroup' AS kind, l.id AS other
  UNION ALL
  UNWIND locals AS p
  WITH p
  WHERE p:Project AND coalesce(p.status, 'planned') IN ['planned', 'signed', 'under-construction']
  MATCH (p)<-[:RUNS]-(f)
  RETURN f, null AS gaps, 'plannedProject' AS kind, p.id AS other
}
WITH f, collect(gaps) AS gapLists, collect(DISTINCT CASE WHEN kind IS NOT NULL THEN [kind, other] END) AS ties
WITH f, gapLists[0] AS gaps, ties
WHERE gaps IS NOT NULL
WITH f, gaps, ties,
     CASE WHEN size($partnerRegionIds) = 0 THEN 0
          ELSE size(COLLECT {
            MATCH (f)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..3]->(x:Region)
            WHERE x.id IN $partnerRegionIds
            RETURN DISTINCT x.id
          }) END AS partners
WITH f, gaps,
     {suppliesLeader: size([t IN ties WHERE t[0] = 'suppliesLeader']),
      buysFromLeader: size([t IN ties WHERE t[0] = 'buysFromLeader']),
      suppliesLocal: size([t IN ties WHERE t[0] = 'suppliesLocal']),
      buysFromLocal: size([t IN ties WHERE t[0] = 'buysFromLocal']),
      cooperatesLocal: size([t IN ties WHERE t[0] = 'cooperatesLocal']),
      localFund: size([t IN ties WHERE t[0] = 'localFund']),
      sameGroup: size([t IN ties WHERE t[0] = 'sameGroup']),
      partnerRegion: partners,
      plannedProject: size([t IN ties WHERE t[0] = 'plannedProject'])} AS counts,
     reduce(best = 0.0, g IN gaps | CASE WHEN coalesce($density[g], 0.0) > best THEN coalesce($density[g], 0.0) ELSE best END) AS density,
     coalesce(f.weightScore, 0.0) AS tagScore,
     // ST / *ST (risk warning) in the name or an alias: the negative signal of signals.ts.
     coalesce(f.riskWarning, false) AS riskWarning
WITH f, gaps, density, counts, riskWarning,
     $weights.inGapSegment + $weights.relatedness * density + tagScore +
     CASE WHEN riskWarning THEN $weights.riskWarning ELSE 0 END +
     reduce(sum = 0.0, kind IN keys(counts) |
       sum + $weights[kind] * CASE WHEN counts[kind] > $perKindCap THEN $perKindCap ELSE counts[kind] END) AS score
ORDER BY score DESC
WITH collect({f: f, gaps: gaps, counts: counts, density: density, riskWarning: riskWarning, score: score}) AS byScore
// Equal scores are ordered by id. Only the candidates scoring at least the score at the page's last
// position can reach the page, so only their ids are read (every candidate's, when the page reaches the end).
WITH byScore, CASE WHEN size(byScore) > $offset + $limit THEN byScore[$offset + $limit - 1].score END AS cut
CALL (byScore, cut) {
  UNWIND [r IN byScore WHERE cut IS NULL OR r.score >= cut] AS r
  WITH r
  ORDER BY r.score DESC, r.f.id
  RETURN collect(r) AS ranked
}
RETURN size(byScore) AS total,
       [r IN ranked[$offset..$offset + $limit] |
        {firm: properties(r.f), firmLabels: labels(r.f), gaps: r.gaps, counts: r.counts, density: r.density,
         riskWarning: r.riskWarning, score: r.score}] AS page
