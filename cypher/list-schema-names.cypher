// Names and states of constraints and indexes, to tell whether cypher/schema/ is applied.
SHOW INDEXES YIELD name, state
RETURN name, state
LIMIT 1000
