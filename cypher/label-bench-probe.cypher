// Marks the benchmark's loader-probe entities (written through the demo loader's queries, which do not
// add :Synthetic) as synthetic, by their exact ids, so the generator's batched removal deletes them.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n:Synthetic
RETURN count(n) AS labelled
