import type { Stage } from "../../model/domain.ts";
import type { EdgeRow, NodeRow } from "../graph/elements.ts";

export interface Bilingual {
  zh: string;
  en: string;
}
export interface SourceRef {
  doc: string;
  quote: string;
}

/** One segment of the chain as seen from the region (a row of find-segment-coverage). */
export interface SegmentCoverage {
  segment: NodeRow & { stage: Stage; name: string; nameEn?: string };
  parent: string | null;
  localFirms: number;
  aboveScaleFirms: number;
  firmIds: string[];
  /** A count a document reports (e.g. 二十余家医美企业) where the firms themselves are not named. */
  reportedFirms: number | null;
  outputYuan: number | null;
  figureIds: string[];
  localSupport: number;
}

/** One expected flow between segments, judged locally (a row of find-segment-flows). */
export interface FlowCheck {
  from: string;
  to: string;
  edge: EdgeRow;
  upstreamFirms: number;
  downstreamFirms: number;
  upstreamIds: string[];
  downstreamIds: string[];
  localTies: EdgeRow[];
  outsideSellers: NodeRow[];
}

export interface LeaderCheck {
  leader: NodeRow & { name: string };
  /** The segments the leader sits in. */
  segments: string[];
  role: EdgeRow;
  /** Firms that SUPPLY the leader, and how many of them are local (本地配套率 = local / all). */
  suppliers: number;
  localSuppliers: number;
  localSupplierIds: string[];
  /** Firms the leader SUPPLIES, counted apart from its suppliers. */
  customers: number;
  localCustomers: number;
  localCustomerIds: string[];
}

/** Why an actor counts as support (cypher/find-chain-support.cypher); funds may hold by any of the three. */
export type SupportVia = "serves" | "invests" | "sponsored-focus";

export interface SupportActor {
  actor: NodeRow & { name: string; kind?: string; status?: string };
  serves: string[];
  via: SupportVia[];
}

export type FindingKind =
  | "missing-segment"
  | "thin-segment"
  | "broken-link"
  | "no-leader"
  | "single-leader"
  | "weak-leader-ties"
  | "support-gap";
export type Severity = "high" | "medium" | "low";

export type NextAction = "targets" | "matchmaking" | "support";

export interface Finding {
  id: string;
  kind: FindingKind;
  severity: Severity;
  segment?: string;
  message: Bilingual;
  evidence: { nodeIds: string[]; edgeIds: string[]; sources: SourceRef[] };
  /** Leader findings: both ratios with their numbers, whatever the verdict. */
  ratios?: LeaderRatios;
}

/** A finding as prioritiseFindings (prioritise.ts) returns it: the score, its parts, the group and what to do next. */
export interface PrioritisedFinding extends Finding {
  priority: number;
  priorityParts: Record<string, number>;
  group: string;
  nextAction: NextAction;
}

export interface LeaderRatios {
  suppliers: number;
  localSuppliers: number;
  supplierShare: number | null;
  customers: number;
  localCustomers: number;
  customerShare: number | null;
}

export interface Thresholds {
  /** Fewer local firms than this (named or reported) makes a segment thin. */
  minFirms: number;
  /** Fewer above-scale (规上) firms than this makes a segment thin. */
  minAboveScale: number;
  /** A leader buying from local suppliers less than this share (本地配套率) has weak local ties. */
  minLocalSupplierShare: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { minFirms: 3, minAboveScale: 1, minLocalSupplierShare: 0.3 };
