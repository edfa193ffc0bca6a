import type { EdgeRow, NodeRow } from "../graph/elements.ts";

export type Stage = "upstream" | "midstream" | "downstream";
export const STAGE_ORDER: Stage[] = ["upstream", "midstream", "downstream"];

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
  partners: number;
  localPartners: number;
  localPartnerIds: string[];
}

export interface SupportActor {
  actor: NodeRow & { name: string; kind?: string; status?: string };
  serves: string[];
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

export interface Finding {
  id: string;
  kind: FindingKind;
  severity: Severity;
  segment?: string;
  message: Bilingual;
  evidence: { nodeIds: string[]; edgeIds: string[]; sources: SourceRef[] };
}

export interface Thresholds {
  /** Fewer local firms than this (named or reported) makes a segment thin. */
  minFirms: number;
  /** Fewer above-scale (规上) firms than this makes a segment thin. */
  minAboveScale: number;
  /** A leader with a smaller share of local partners than this has weak local ties. */
  minLocalPartnerShare: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { minFirms: 3, minAboveScale: 1, minLocalPartnerShare: 0.3 };
