import type { ScenarioChange } from "../analysis/scenarios/changes.ts";
import { compareFindings } from "../analysis/scenarios/outcome.ts";
import type { Graph } from "../db/graph.ts";
import { toNodeData } from "../graph/elements.ts";
import { InvalidInputError } from "../lib/invalid-input.ts";
import type { EnclaveMode } from "../repositories/analysis.ts";
import { readFirmFacts } from "../repositories/firm-ties.ts";
import { createdByAll, readBatchMarks } from "../repositories/snapshots.ts";
import {
  type BatchMark,
  batchesRevertedBetween,
  batchesSince,
  momentOf,
  parseRevertedFirms,
  type RevertedFirm,
} from "../snapshots/timeline.ts";
import { analyseChainGaps } from "./gap-analysis.ts";

export interface ChangeQuery {
  chain: string;
  region: string;
  enclaves: EnclaveMode;
  from: string;
  to?: string;
}

/**
 * What changed in a chain × region between two moments (dates or import batches): the graph of a
 * moment is today's graph with the firms, supply ties and leader roles that later batches created
 * taken back, and the firms later reverts deleted put back (an overlay, as for scenarios), judged
 * by the same gap detection.
 */
export async function chainChanges(graph: Graph, query: ChangeQuery) {
  const batches = await readBatchMarks(graph);
  const from = momentOf(query.from, batches, "querystring.from");
  const to = momentOf(query.to, batches, "querystring.to");
  // Reversed moments would report every addition as a removal: refused, not silently inverted.
  if (to < from) throw new InvalidInputError("querystring.to", `"${query.to}" is earlier than from "${query.from}"`);
  const base = { chain: query.chain, region: query.region, enclaves: query.enclaves };
  const now = await analyseChainGaps(graph, base);
  const regionIds = now.scope.regionIds;
  const regionIdSet = new Set(regionIds);
  const segmentIds = new Set(now.segments.map((s) => s.segment.id));
  const present = momentOf(undefined, batches, "querystring.to");

  const stateAt = async (moment: string) => {
    const later = await createdByAll(graph, batchesSince(batches, moment));
    const facts = await readFirmFacts(graph, later.entities, { chain: query.chain, regionIds });
    const localFirms = later.entities.filter((id) => facts.get(id)?.local && facts.get(id)?.node._labels.includes("Firm"));
    const taken = new Set(localFirms);
    const changes: ScenarioChange[] = [
      ...later.relations
        .filter((r) => r.type === "SUPPLIES" && !taken.has(r.from) && !taken.has(r.to))
        .map((r) => ({ kind: "remove-tie" as const, from: r.from, to: r.to })),
      ...later.relations
        .filter((r) => r.type === "LEADS" && r.to === query.chain && !taken.has(r.from) && facts.get(r.from)?.leader)
        .map((r) => ({ kind: "remove-leader" as const, firm: r.from })),
      ...localFirms.map((firm) => ({ kind: "remove-firm" as const, firm })),
      // Firms a later revert deleted were there at that moment: back as firms of their first segment
      // in the chain (their ties went with them, so they count in the segment only).
      ...revertedLocalFirms(batches, batchesRevertedBetween(batches, moment, present), regionIdSet).flatMap((f) => {
        const segment = f.segments.find((id) => segmentIds.has(id));
        return segment ? [{ kind: "add-firm" as const, name: f.name, segment }] : [];
      }),
    ];
    const analysis = changes.length === 0 ? now : await analyseChainGaps(graph, { ...base, changes });
    return { analysis, absent: taken, facts };
  };
  const [then, later] = await Promise.all([stateAt(from), stateAt(to)]);

  // Firms created between the two moments: present at `to`, absent at `from`. Firms a revert
  // deleted in between are named from what the revert kept on its batch record.
  const addedIds = [...then.absent].filter((id) => !later.absent.has(id));
  const reverted = batchesRevertedBetween(batches, from, to);
  const removedFirms = revertedLocalFirms(batches, reverted, regionIdSet);
  const perSegment = new Map<string, { added: string[]; removed: string[] }>();
  const note = (segment: string, id: string, how: "added" | "removed") => {
    if (!segmentIds.has(segment)) return;
    const entry = perSegment.get(segment) ?? { added: [], removed: [] };
    if (!entry[how].includes(id)) entry[how].push(id);
    perSegment.set(segment, entry);
  };
  const names = new Map<string, string>();
  for (const id of addedIds) {
    const facts = then.facts.get(id);
    if (typeof facts?.node.name === "string") names.set(id, facts.node.name);
    for (const s of facts?.segments ?? []) note(s, id, "added");
  }
  for (const firm of removedFirms) {
    names.set(firm.id, firm.name);
    for (const s of firm.segments) note(s, firm.id, "removed");
  }
  const listed = new Set([...perSegment.values()].flatMap((e) => [...e.added, ...e.removed]));

  return {
    chain: toNodeData(now.chain),
    region: toNodeData(now.scope.region),
    from,
    to: query.to === undefined ? null : to,
    batches: batchesSince(batches, from).filter((id) => !batchesSince(batches, to).includes(id)),
    reverted,
    segments: now.segments
      .filter((s) => perSegment.has(s.segment.id))
      .map((s) => ({ id: s.segment.id, name: s.segment.name, ...perSegment.get(s.segment.id)! })),
    firms: Object.fromEntries([...names].filter(([id]) => listed.has(id))),
    ...compareFindings(
      { findings: then.analysis.findings, completeness: then.analysis.summary.completeness },
      { findings: later.analysis.findings, completeness: later.analysis.summary.completeness },
    ),
  };
}

/** The firms the reverts of `reverted` deleted that sat in the region (as kept on each batch record). */
function revertedLocalFirms(batches: BatchMark[], reverted: string[], regionIds: Set<string>): RevertedFirm[] {
  const chosen = new Set(reverted);
  return batches
    .filter((b) => chosen.has(b.id) && typeof b.revertedFirms === "string")
    .flatMap((b) => parseRevertedFirms(b.revertedFirms!))
    .filter((f) => f.regions.some((r) => regionIds.has(r)));
}
