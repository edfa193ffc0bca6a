// Creates or replaces one scenario; its changes are kept as one JSON text, apart from the facts.
MERGE (s:Scenario {id: $id})
SET s = $props
RETURN s {.*} AS scenario
