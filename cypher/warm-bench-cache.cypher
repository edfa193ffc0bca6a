// Benchmark warm-up: reads a property of every entity and every relationship so the page cache holds
// the graph before latencies are measured ("warm cache"); also reports the graph's size.
CALL () {
  MATCH (n:Entity)
  RETURN count(n.name) AS nodes
}
CALL () {
  MATCH ()-[r]->()
  RETURN count(r.key) AS relationships
}
RETURN nodes, relationships
