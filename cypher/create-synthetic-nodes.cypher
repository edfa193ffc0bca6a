// Synthetic entities of one label per call ($label from the allow-list in seeds/schema.ts), with the
// demo loader's properties plus the :Synthetic label that keeps them apart from real data. CREATE, not
// MERGE: the generator refuses to run while synthetic data exists, and the unique :Entity(id)
// constraint still rejects any duplicate. $provenance (no sources, assumption "synthetic") is shared.
UNWIND $rows AS row
CREATE (n:Entity:Synthetic:$($label))
SET n = row.props, n += $provenance
