import type { Graph } from "../db/graph.ts";
import { type EnclaveMode, findDocuments } from "../repositories/analysis.ts";
import { chainMap } from "../services/chain-map.ts";
import { readDistribution } from "../services/distribution.ts";
import { chainGapReport } from "../services/gap-analysis.ts";
import { chainResilience } from "../services/resilience.ts";
import { recruitmentTargets } from "../services/targets.ts";

/** Ranked targets listed in 招商目标清单 (the route is chosen from a larger pool, see recruitmentTargets). */
export const PACK_TARGETS = 50;

export interface PackQuery {
  chain: string;
  region: string;
  enclaves: EnclaveMode;
}

/**
 * Everything the pack shows, read through the same repository functions as the API's own
 * lists (/gaps, /map, /targets, /distribution, /resilience), so each sheet's rows are the rows the API gives.
 */
export async function readPackData(graph: Graph, query: PackQuery) {
  const gaps = await chainGapReport(graph, query);
  const [map, targets, distribution, resilience] = await Promise.all([
    chainMap(graph, query),
    recruitmentTargets(graph, { ...query, limit: PACK_TARGETS }),
    readDistribution(graph, query),
    chainResilience(graph, query),
  ]);
  const documents = await findDocuments(graph, citedDocumentIds({ gaps, map, targets, distribution }));
  return { query, gaps, map, targets, distribution, resilience, documents };
}

export type PackData = Awaited<ReturnType<typeof readPackData>>;

export interface Citation {
  doc: string;
  quote: string;
  /** Names what cites it (a finding, a firm, a project …). */
  usedBy: string;
}

/**
 * Every citation behind the pack's pictures and lists, in a stable order: the findings'
 * evidence, then the firms, projects and parks shown, then the ranked targets.
 */
export function citations(data: Pick<PackData, "gaps" | "map" | "targets" | "distribution">): Citation[] {
  const out: Citation[] = [];
  for (const f of data.gaps.findings) for (const s of f.evidence.sources) out.push({ ...s, usedBy: f.message.zh });
  for (const n of data.map.elements.nodes) for (const s of n.data.sources) out.push({ ...s, usedBy: n.data.label });
  for (const p of data.distribution.points) for (const s of p.sources) out.push({ ...s, usedBy: p.name });
  for (const t of data.targets.targets) for (const s of t.firm.sources) out.push({ ...s, usedBy: t.firm.label });
  const seen = new Set<string>();
  return out.filter((c) => {
    const key = `${c.doc}\u0000${c.quote}\u0000${c.usedBy}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function citedDocumentIds(data: Pick<PackData, "gaps" | "map" | "targets" | "distribution">): string[] {
  return [...new Set(citations(data).map((c) => c.doc))].sort();
}

/** The newest date among the documents behind the pack: what "data as of" means here. */
export function dataAsOf(documents: { date?: string | null }[]): string {
  return documents.reduce((latest, d) => (d.date && d.date > latest ? d.date : latest), "") || "—";
}
