// Local support for the chain: institutes, platforms, incubators, parks, funds and organisations
// located in (or sponsored by) the region that serve the chain or one of its segments. A fund also
// counts when it invests in firms of the chain's segments, or when a local region sponsors it and
// its focus (投向领域) names the chain. `via` says which rules held: serves, invests, sponsored-focus.
// $targetIds is the chain followed by its segments.
CALL () {
  MATCH (x:Entity)-[:SERVES]->(t:Entity)
  WHERE t.id IN $targetIds AND (x:Institute OR x:Park OR x:Fund OR x:Organization)
  RETURN x, t.id AS target, 'serves' AS via
  UNION
  MATCH (x:Fund)-[:INVESTS_IN]->(:Firm)-[:IN_SEGMENT]->(s:Segment)
  WHERE s.id IN $targetIds
  RETURN x, s.id AS target, 'invests' AS via
  UNION
  MATCH (c:Chain)
  WHERE c.id IN $targetIds
  MATCH (r:Region)-[:SPONSORS]->(x:Fund)
  WHERE r.id IN $regionIds AND x.focus IS NOT NULL
  // The chain's name or alias, also without 产业链/产业 (美丽健康产业链 → 美丽健康), in the focus text.
  WITH x, c, [name IN [c.name] + coalesce(c.aliases, []) | replace(replace(name, '产业链', ''), '产业', '')] AS stems
  WHERE any(stem IN stems WHERE size(stem) >= 2 AND x.focus CONTAINS stem)
  RETURN x, c.id AS target, 'sponsored-focus' AS via
}
WITH x, target, via
WHERE EXISTS { MATCH (x)-[:LOCATED_IN]->(r:Region) WHERE r.id IN $regionIds }
   OR EXISTS { MATCH (x)<-[:SPONSORS]-(r:Region) WHERE r.id IN $regionIds }
WITH x, collect(DISTINCT target) AS serves, collect(DISTINCT via) AS via
RETURN x {.*, _labels: labels(x)} AS actor, serves, via
ORDER BY x.id
LIMIT 500
