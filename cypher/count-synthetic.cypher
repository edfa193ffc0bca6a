// How much synthetic data the database holds (0 nodes: none, safe to generate).
CALL () {
  MATCH (n:Synthetic)
  RETURN count(n) AS nodes
}
CALL () {
  MATCH (:Synthetic)-[r]->()
  RETURN count(r) AS relationships
}
RETURN nodes, relationships
