// One saved scenario (:Scenario, apart from the facts: no :Entity label, never in a graph read or export).
MATCH (s:Scenario {id: $id})
RETURN s {.*} AS scenario
LIMIT 1
