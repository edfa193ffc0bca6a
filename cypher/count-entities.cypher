// How many entities the database holds; 0 means the demo data should be loaded.
MATCH (n:Entity)
RETURN count(n) AS entities
