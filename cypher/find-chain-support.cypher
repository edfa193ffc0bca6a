// Local support for the chain: institutes, platforms, incubators, parks, funds and organisations
// located in (or sponsored by) the region that serve the chain or one of its segments. A fund also
// counts when it invests in firms of the chain's segments, or when a local region sponsors it and
// its focus (投向领域) names the chain. `via` says which rules held: serves, invests, sponsored-focus.
// $targetIds is the chain followed by its segments.
// Read from the region side: the actors located in or sponsored by the local regions (a handful),
// then each actor's own ties, so the cost follows the region, not every fund in the country.
MATCH (r:Entity:Region)
WHERE r.id IN $regionIds
CALL (r) {
  MATCH (r)<-[:LOCATED_IN]-(x)
  WHERE x:Institute OR x:Park OR x:Fund OR x:Organization
  RETURN x, false AS sponsored
  UNION
  MATCH (r)-[:SPONSORS]->(x:Fund)
  RETURN x, true AS sponsored
}
WITH x, max(sponsored) AS sponsored
CALL (x, sponsored) {
  MATCH (x)-[:SERVES]->(t:Entity)
  WHERE t.id IN $targetIds
  RETURN t.id AS target, 'serves' AS via
  UNION
  MATCH (x:Fund)-[:INVESTS_IN]->(:Firm)-[:IN_SEGMENT]->(s:Segment)
  WHERE s.id IN $targetIds
  RETURN s.id AS target, 'invests' AS via
  UNION
  MATCH (c:Entity:Chain {id: $targetIds[0]})
  WITH x, c, [name IN [c.name] + coalesce(c.aliases, []) | replace(replace(name, '产业链', ''), '产业', '')] AS stems
  WHERE sponsored AND x:Fund AND x.focus IS NOT NULL
  // The chain's name or alias, also without 产业链/产业 (美丽健康产业链 → 美丽健康), in the focus text.
    AND any(stem IN stems WHERE size(stem) >= 2 AND x.focus CONTAINS stem)
  RETURN c.id AS target, 'sponsored-focus' AS via
}
WITH x, collect(DISTINCT target) AS serves, collect(DISTINCT via) AS via
RETURN x {.*, _labels: labels(x)} AS actor, serves, via
ORDER BY x.id
LIMIT 500
