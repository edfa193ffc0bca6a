import type { z } from "zod";
import type { enclaveModeSchema } from "../../model/api/common.ts";
import type { EvidenceRow, RankedRow } from "../analysis/rank-targets.ts";
import type { RegionSegmentCount } from "../analysis/relatedness.ts";
import type { FlowCheck, LeaderCheck, SegmentCoverage, SupportActor } from "../analysis/types.ts";
import type { Graph, Params } from "../db/graph.ts";
import type { EdgeRow, NodeRow } from "../graph/elements.ts";
import { NotFoundError } from "../lib/not-found.ts";
import { dropNulls } from "./drop-nulls.ts";

/**
 * The reads behind gap analysis, the chain map and recruitment targets: each runs one named query
 * and hands back its rows. What they add up to is assembled in server/services/.
 */

export type EnclaveMode = z.infer<typeof enclaveModeSchema>;

/** Firms listed per segment in a gap report; counts are exact, lists are samples. */
const FIRM_SAMPLE = 50;
/** Upper bound on firms read per side of a flow, so a huge region stays a bounded read. */
const FLOW_FIRM_CAP = 5000;
/** Upper bound on a leader's suppliers (and, apart, customers) read; documented in docs/gap-detection.md. */
const LEADER_TIE_CAP = 5000;
/** The findings' priority only asks whether a gap segment has any candidate: the count stops at the first. */
const CANDIDATE_COUNT_CAP = 1;
/** Upper bound on supply ties read among the firms of a chain map. */
const MAP_TIE_LIMIT = 5000;
/** Upper bound on (region, segment) rows read per chain. */
const COUNT_ROWS_LIMIT = 200_000;

export interface LocalScope {
  region: NodeRow;
  regionIds: string[];
  enclaveIds: string[];
}

export async function findLocalScope(graph: Graph, region: string, enclaves: EnclaveMode): Promise<LocalScope> {
  const row = await graph.readOne<LocalScope>("find-local-regions", { region, enclaves });
  if (!row) throw new NotFoundError(`region "${region}"`);
  return row;
}

export async function findChainHeader(graph: Graph, chain: string): Promise<NodeRow> {
  return (await findChainWithSegments(graph, chain)).chain;
}

/** The chain and its segment ids (sub-segments included), upstream first, as find-segment-coverage orders them. */
export async function findChainWithSegments(graph: Graph, chain: string): Promise<{ chain: NodeRow; segmentIds: string[] }> {
  const row = await graph.readOne<{ chain: NodeRow; segmentIds: string[] }>("find-chain-header", { chain });
  if (!row) throw new NotFoundError(`chain "${chain}"`);
  return row;
}

export function readSegmentCoverage(graph: Graph, chain: string, regionIds: string[]) {
  return graph.read<SegmentCoverage & Record<string, unknown>>("find-segment-coverage", { chain, regionIds, firmSample: FIRM_SAMPLE });
}

export function readSegmentFlows(graph: Graph, segmentIds: string[], regionIds: string[]) {
  return graph.read<FlowCheck & Record<string, unknown>>("find-segment-flows", { segmentIds, regionIds, firmCap: FLOW_FIRM_CAP });
}

export function readChainLeaders(graph: Graph, chain: string, regionIds: string[]) {
  return graph.read<LeaderCheck & Record<string, unknown>>("find-chain-leaders", { chain, regionIds, tieCap: LEADER_TIE_CAP });
}

export function readChainSupport(graph: Graph, targetIds: string[], regionIds: string[]) {
  return graph.read<SupportActor & Record<string, unknown>>("find-chain-support", { targetIds, regionIds });
}

/** Whether each segment has any outside candidate (the count stops at the first). */
export async function countSegmentCandidates(graph: Graph, segmentIds: string[], regionIds: string[]): Promise<Map<string, number>> {
  if (segmentIds.length === 0) return new Map();
  const rows = await graph.read<{ segment: string; candidates: number }>("count-segment-candidates", {
    segmentIds,
    regionIds,
    cap: CANDIDATE_COUNT_CAP,
  });
  return new Map(rows.map((c) => [c.segment, c.candidates]));
}

interface DocumentRow {
  id: string;
  title: string;
  outlet: string | null;
  date: string | null;
  file: string | null;
}

export async function findDocuments(graph: Graph, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await graph.read<{ document: DocumentRow }>("find-documents-by-id", { ids });
  // Imported documents have no outlet or file: the projection hands those back as null, the API leaves them out.
  return rows.map((row) => dropNulls(row.document));
}

/** The local firms of a chain's segments, leaders marked, at most `limit`. */
export function readChainMapFirms(graph: Graph, chain: string, regionIds: string[], limit: number) {
  return graph.read<{ firm: NodeRow; segments: string[]; leader: boolean }>("find-chain-map-firms", { chain, regionIds, limit });
}

export async function readSupplyTiesAmong(graph: Graph, ids: string[]): Promise<EdgeRow[]> {
  const rows = await graph.read<{ edge: EdgeRow }>("find-supply-ties-among", { ids, limit: MAP_TIE_LIMIT });
  return rows.map((row) => row.edge);
}

export interface PartnerRegion {
  region: string;
  edge: EdgeRow;
}

export function findPartnerRegions(graph: Graph, region: string, regionIds: string[]) {
  return graph.read<PartnerRegion>("find-partner-regions", { region, regionIds });
}

/** Outside firms in the gap segments, scored and ranked in the database; `total` counts every eligible one up to the scan limit. */
export async function rankRecruitmentCandidates(graph: Graph, params: Params): Promise<{ total: number; page: RankedRow[] }> {
  const row = await graph.readOne<{ total: number; page: RankedPageRow[] }>("rank-recruitment-candidates", params);
  if (!row) return { total: 0, page: [] };
  // The query projects properties for the page only, labels apart (a map projection needs a variable).
  return { total: row.total, page: row.page.map(({ firm, firmLabels, ...rest }) => ({ ...rest, firm: { ...firm, _labels: firmLabels } })) };
}

/** A ranked row as the query returns it: the firm's properties and labels apart. */
type RankedPageRow = Omit<RankedRow, "firm"> & {
  firm: { id: string; name: string; tags?: string[]; [key: string]: unknown };
  firmLabels: string[];
};

/** The evidence paths behind each ranked firm's reasons. */
export async function readTargetEvidence(graph: Graph, params: Params & { firmIds: string[] }): Promise<EvidenceRow[]> {
  if (params.firmIds.length === 0) return [];
  return graph.read<EvidenceRow>("find-target-evidence", params);
}

export async function findNodes(graph: Graph, ids: string[]): Promise<NodeRow[]> {
  if (ids.length === 0) return [];
  return (await graph.read<{ node: NodeRow }>("find-entities-by-id", { ids })).map((r) => r.node);
}

/** Firms per (region, segment) of a chain, every region: the input of segment proximities. */
export function readSegmentRegionCounts(graph: Graph, chain: string) {
  return graph.read<RegionSegmentCount>("find-segment-region-counts", { chain, limit: COUNT_ROWS_LIMIT });
}

/** A chain's precomputed firms per (region, segment) (:ChainStats); the lists only when `knownStamp` is out of date; undefined without stats. */
export function readChainStats(graph: Graph, chain: string, knownStamp: string) {
  return graph.readOne<{ stamp: string; regions: string[] | null; segments: string[] | null; counts: number[] | null }>(
    "find-chain-stats",
    {
      chain,
      knownStamp,
    },
  );
}
