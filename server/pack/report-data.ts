import type { ChainMap, GapReport, Targets } from "../../model/api/analysis.ts";
import type { DocumentRef } from "../../model/api/explore.ts";
import { citedSources, REPORT_TARGETS } from "../../model/report-outline.ts";
import type { Graph } from "../db/graph.ts";
import { findDocuments } from "../repositories/analysis.ts";
import { chainMap } from "../services/chain-map.ts";
import { chainGapReport } from "../services/gap-analysis.ts";
import { recruitmentTargets } from "../services/targets.ts";
import type { PackQuery } from "./pack-data.ts";

/** What the gap report shows, read through the services behind GET /gaps, /map and /targets. */
export interface ReportData {
  gaps: GapReport;
  map: ChainMap;
  /** The ranked targets over every gap segment (GET /targets), the first REPORT_TARGETS listed, and their matchmaking. */
  targets: Targets;
  /** The documents the findings cite, by id. */
  documents: Map<string, DocumentRef>;
}

export async function readReportData(graph: Graph, query: PackQuery): Promise<ReportData> {
  const gaps = await chainGapReport(graph, query);
  const [map, targets] = await Promise.all([chainMap(graph, query), recruitmentTargets(graph, { ...query, limit: REPORT_TARGETS })]);
  return completeReportData(graph, gaps, map, targets);
}

/**
 * The report's data from answers already read (the pack reads them for its lists). Targets are
 * ranked before they are cut, so the first REPORT_TARGETS of a longer list are the report's.
 */
export async function completeReportData(graph: Graph, gaps: GapReport, map: ChainMap, targets: Targets): Promise<ReportData> {
  const documents = new Map<string, DocumentRef>(gaps.documents.map((d) => [d.id, d]));
  for (const doc of await findDocuments(graph, [...citedSources(gaps).keys()])) documents.set(doc.id, doc);
  return { gaps, map, targets: { ...targets, targets: targets.targets.slice(0, REPORT_TARGETS) }, documents };
}
