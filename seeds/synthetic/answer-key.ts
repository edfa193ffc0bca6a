import type { LeaderTies, PlantedGaps } from "./manifest.ts";

/**
 * Scores the app's own answers (GET /gaps and /targets, through `get`) against the generator's
 * answer key. "Local" and the leader's ratios come from the app's response (localRegionIds,
 * leaders), never from a definition of this file's own. Used by the 20k integration test and by
 * the bench (bench/measures.ts), which prints these scores next to the latencies.
 */
type Get = (url: string) => Promise<unknown>;

interface GapReport {
  localRegionIds: string[];
  segments: { id: string; parent?: string }[];
  findings: { id: string; kind: string; segment?: string; evidence: { edgeIds: string[] } }[];
  leaders: { id: string; suppliers: number; localSuppliers: number; customers: number; localCustomers: number }[];
}
interface TargetList {
  targets: { firm: { id: string } }[];
}

export interface AnswerKeyScore {
  presences: number;
  gaps: { planted: number; found: number; matched: number; recall: number; precision: number };
  targets: { plants: number; bestFirst: number; bestFirstShare: number; decoyAboveBest: number; unrelatedOffered: number };
  leaders: { checked: number; ratiosMatch: number };
  /** Up to ten misses of each kind, for the report. */
  misses: { missed: string[]; extra: string[]; bestNotFirst: string[]; leaderMismatch: string[] };
}

const SUPPORT_CATEGORIES = 4;

export function expectedItems(p: PlantedGaps, report: GapReport): Set<string> {
  const parent = new Map(report.segments.map((s) => [s.id, s.parent]));
  const missing = new Set(p.missing);
  const items = new Set<string>();
  for (const s of p.missing) if (!missing.has(parent.get(s) ?? "")) items.add(`missing:${s}`);
  for (const s of p.thin) items.add(`thin:${s}`);
  for (const b of p.broken) items.add(`broken:${b.from}>${b.to}`);
  if (p.leaders.kind === "none") items.add("no-leader");
  if (p.leaders.kind === "weak") for (const f of p.leaders.firms) items.add(`weak-leader:${f}`);
  if (!p.support) items.add("support-none");
  return items;
}

export function foundItems(report: GapReport): Set<string> {
  const items = new Set<string>();
  let supportGaps = 0;
  for (const f of report.findings) {
    if (f.kind === "missing-segment") items.add(`missing:${f.segment}`);
    if (f.kind === "thin-segment") items.add(`thin:${f.segment}`);
    if (f.kind === "broken-link") {
      const [from, , to] = (f.evidence.edgeIds[0] ?? "").split("|");
      items.add(`broken:${from}>${to}`);
    }
    if (f.kind === "no-leader") items.add("no-leader");
    if (f.kind === "weak-leader-ties") items.add(`weak-leader:${f.id.slice("weak-leader-ties:".length)}`);
    if (f.kind === "support-gap") supportGaps += 1;
  }
  if (supportGaps === SUPPORT_CATEGORIES) items.add("support-none");
  return items;
}

export async function scoreAnswerKey(planted: PlantedGaps[], ties: LeaderTies[], get: Get): Promise<AnswerKeyScore> {
  let plantedCount = 0;
  let foundCount = 0;
  let matched = 0;
  let plants = 0;
  let bestFirst = 0;
  let decoyAboveBest = 0;
  let unrelatedOffered = 0;
  let checked = 0;
  let ratiosMatch = 0;
  const misses: AnswerKeyScore["misses"] = { missed: [], extra: [], bestNotFirst: [], leaderMismatch: [] };
  const note = (list: string[], item: string) => list.length < 10 && list.push(item);

  for (const p of planted) {
    const query = `region=${encodeURIComponent(p.region)}`;
    const report = (await get(`/api/chains/${encodeURIComponent(p.chain)}/gaps?${query}`)) as GapReport;
    const expected = expectedItems(p, report);
    const found = foundItems(report);
    plantedCount += expected.size;
    foundCount += found.size;
    for (const item of expected) {
      if (found.has(item)) matched += 1;
      else note(misses.missed, `${p.region} ${item}`);
    }
    for (const item of found) if (!expected.has(item)) note(misses.extra, `${p.region} ${item}`);

    const local = new Set(report.localRegionIds);
    for (const t of ties.filter((x) => x.region === p.region && x.chain === p.chain)) {
      const shown = report.leaders.find((l) => l.id === t.leader);
      checked += 1;
      const want = {
        suppliers: t.suppliers.length,
        localSuppliers: t.suppliers.filter((s) => local.has(s.region)).length,
        customers: t.customers.length,
        localCustomers: t.customers.filter((c) => local.has(c.region)).length,
      };
      const same =
        shown !== undefined &&
        shown.suppliers === want.suppliers &&
        shown.localSuppliers === want.localSuppliers &&
        shown.customers === want.customers &&
        shown.localCustomers === want.localCustomers;
      if (same) ratiosMatch += 1;
      else note(misses.leaderMismatch, `${t.leader}: app ${JSON.stringify(shown)} key ${JSON.stringify(want)}`);
    }

    for (const t of p.targets) {
      plants += 1;
      const list = (await get(
        `/api/chains/${encodeURIComponent(p.chain)}/targets?${query}&segment=${encodeURIComponent(t.segment)}&limit=100`,
      )) as TargetList;
      const ids = list.targets.map((x) => x.firm.id);
      if (ids[0] === t.best) bestFirst += 1;
      else note(misses.bestNotFirst, `${p.region} ${t.segment}: ${t.best} at ${ids.indexOf(t.best) + 1}, first ${ids[0]}`);
      const bestAt = ids.indexOf(t.best);
      if (t.decoys.some((d) => ids.includes(d) && (bestAt < 0 || ids.indexOf(d) < bestAt))) decoyAboveBest += 1;
      if (t.unrelated.some((u) => ids.includes(u))) unrelatedOffered += 1;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    presences: planted.length,
    gaps: {
      planted: plantedCount,
      found: foundCount,
      matched,
      recall: ratio(matched, plantedCount),
      precision: ratio(matched, foundCount),
    },
    targets: { plants, bestFirst, bestFirstShare: ratio(bestFirst, plants), decoyAboveBest, unrelatedOffered },
    leaders: { checked, ratiosMatch },
    misses,
  };
}
