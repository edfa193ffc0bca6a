// Synthetic firms, each row a list in the column order of FIRM_COLUMNS
// (server/seed/positional-rows.ts; a unit test reads this file against it). A list, not a map:
// sending and unpacking a map per row, its keys repeated, cost as much as writing the firm. An
// absent optional value arrives as null, which SET does not store. CREATE, not MERGE: the
// generator refuses to run while synthetic data exists, and the unique :Entity(id) constraint
// still rejects any duplicate. $provenance (no sources, assumption "synthetic") is shared.
UNWIND $rows AS row
CREATE (n:Entity:Synthetic:Firm)
SET n.id = row[0],
    n.name = row[1],
    n.nameEn = row[2],
    n.aliases = row[3],
    n.aliasesText = row[4],
    n.nameInitials = row[5],
    n.tags = row[6],
    n.weightScore = row[7],
    n.scorePartsVersion = row[8],
    n.marketScope = row[9],
    n += $provenance
