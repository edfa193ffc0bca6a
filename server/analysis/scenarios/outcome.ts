import type { PrioritisedFinding } from "../types.ts";

/** What a scenario changes in a gap report: findings closed and opened (by id), completeness before → after. */
export function compareFindings(
  before: { findings: PrioritisedFinding[]; completeness: number },
  after: { findings: PrioritisedFinding[]; completeness: number },
) {
  const beforeIds = new Set(before.findings.map((f) => f.id));
  const afterIds = new Set(after.findings.map((f) => f.id));
  return {
    completeness: { before: before.completeness, after: after.completeness },
    closed: before.findings.filter((f) => !afterIds.has(f.id)),
    opened: after.findings.filter((f) => !beforeIds.has(f.id)),
    kept: after.findings.filter((f) => beforeIds.has(f.id)).length,
  };
}
