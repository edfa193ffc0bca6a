// The chain itself, to tell an unknown chain id (404) from a chain with no local data.
MATCH (c:Entity:Chain {id: $chain})
RETURN c {.*, _labels: labels(c)} AS chain
LIMIT 1
