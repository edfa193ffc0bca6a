// Stores the per-firm score parts computed in server/analysis/signals.ts (storedScoreParts): the
// tag weight, the version of the rules, and the ST / *ST flag (a row without it removes it).
UNWIND $rows AS row
MATCH (f:Entity {id: row.id})
WHERE f:Firm
SET f.weightScore = row.weightScore, f.riskWarning = row.riskWarning, f.scorePartsVersion = row.scorePartsVersion
