// Recomputes the stored score parts of the firms a write just touched, inside that write's
// transaction and without sending anything back: an import runs it next to its whole checked plan
// in a bounded heap (reading the firms back, even in pages of 1,000, made the 100,000-row import
// test run out of its 256 MB heap; measured, the cause inside the driver not confirmed). The rules are
// those of server/analysis/signals.ts, passed in: the tag weight table ($tagWeights), the ST / *ST
// rule as a Java regex ($riskWarningName, riskWarningJavaRegex() there, derived from the same rule
// as RISK_WARNING and matched against the whole name; riskWarning is stored only when true) and
// the version they make ($version). Ids that are not firms are skipped.
UNWIND $ids AS id
MATCH (f:Entity {id: id})
WHERE f:Firm
SET f.weightScore = reduce(sum = 0.0, tag IN coalesce(f.tags, []) | sum + coalesce($tagWeights[tag], 0.0)),
    f.riskWarning = CASE WHEN any(name IN [f.name] + coalesce(f.aliases, []) WHERE name =~ $riskWarningName) THEN true END,
    f.scorePartsVersion = $version
