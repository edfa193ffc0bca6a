import { STAGES, type Stage } from "../../model/domain.ts";
import { edgeId } from "../graph/elements.ts";
import type {
  Finding,
  FlowCheck,
  LeaderCheck,
  LeaderRatios,
  SegmentCoverage,
  SourceRef,
  SupportActor,
  SupportVia,
  Thresholds,
} from "./types.ts";

/**
 * Missing-link detection as pure logic over what the gap queries read: which segments have no
 * or too few local firms, which expected flows are not closed locally, whether the chain has a
 * leader tied to local firms, and which support pieces are absent. Every finding carries the
 * ids and document sentences that justify it. docs/gap-detection.md explains each rule.
 */
export interface GapInput {
  segments: SegmentCoverage[];
  flows: FlowCheck[];
  leaders: LeaderCheck[];
  support: SupportActor[];
  thresholds: Thresholds;
}

export const SUPPORT_CATEGORIES = ["research", "innovation-platform", "incubator", "fund"] as const;
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];

const SUPPORT_NAMES: Record<SupportCategory, { zh: string; en: string }> = {
  research: { zh: "科研院所/高校", en: "research institute or university" },
  "innovation-platform": { zh: "公共创新平台", en: "public innovation platform" },
  incubator: { zh: "专业孵化平台", en: "incubator" },
  fund: { zh: "产业基金", en: "industry fund" },
};

const VIA_WORDS: Record<SupportVia, { zh: string; en: string }> = {
  serves: { zh: "服务本产业链或其环节", en: "serves the chain or one of its segments" },
  invests: { zh: "投资了本产业链环节的企业", en: "invests in firms of the chain's segments" },
  "sponsored-focus": {
    zh: "由本地政府出资设立，投向领域含本产业链",
    en: "is sponsored by a local region with a focus that names the chain",
  },
};

/** An operating actor that fills a support category, with the rules that made it count. */
export interface CountedSupport {
  category: SupportCategory;
  id: string;
  name: string;
  via: SupportVia[];
  message: { zh: string; en: string };
}

const VIA_ORDER = Object.keys(VIA_WORDS) as SupportVia[];

function countedSupport(actor: SupportActor["actor"], category: SupportCategory, held: SupportVia[]): CountedSupport {
  // The query collects the rules in no set order; a fixed order keeps the report stable.
  const via = VIA_ORDER.filter((v) => held.includes(v));
  const nameEn = typeof actor.nameEn === "string" ? actor.nameEn : actor.name;
  return {
    category,
    id: actor.id,
    name: actor.name,
    via,
    message: {
      zh: `${actor.name}计为本地${SUPPORT_NAMES[category].zh}：${via.map((v) => VIA_WORDS[v].zh).join("；")}。`,
      en: `${nameEn} counts as a local ${SUPPORT_NAMES[category].en}: it ${via.map((v) => VIA_WORDS[v].en).join("; it ")}.`,
    },
  };
}

export const COMPLETENESS_FORMULA =
  "completeness = 100 × (0.50 × covered segments / all segments + 0.20 × locally closed flows / all flows " +
  "+ 0.15 × leader score (1 a leader with enough local suppliers, 0.5 leaders with weak ties, 0 none) " +
  "+ 0.15 × support categories present / 4 (research, innovation platform, incubator, fund))";

interface Props {
  sourceDocs?: string[];
  sourceQuotes?: string[];
  assumption?: string;
}

function sourcesOf(...items: (Props | undefined)[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const item of items) {
    (item?.sourceDocs ?? []).forEach((doc, i) => {
      const quote = item?.sourceQuotes?.[i] ?? "";
      const key = `${doc}\u0000${quote}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ doc, quote });
    });
  }
  return out;
}

export function isCovered(s: SegmentCoverage): boolean {
  return s.localFirms > 0 || (s.reportedFirms ?? 0) > 0;
}

/** Which support category an actor fills, if any (parks and organisations only host or sponsor). */
export function supportCategory(actor: SupportActor["actor"]): SupportCategory | null {
  const labels = actor._labels;
  if (labels.includes("Fund")) return "fund";
  const kind = actor.kind ?? "";
  if (labels.includes("Institute")) {
    if (["institute", "university", "lab", "hospital"].includes(kind)) return "research";
    if (["innovation-centre", "tech-transfer", "platform"].includes(kind)) return "innovation-platform";
    if (kind === "incubator") return "incubator";
  }
  if (labels.includes("Park")) {
    if (kind === "incubator") return "incubator";
    if (kind === "platform") return "innovation-platform";
  }
  return null;
}

const isOperating = (actor: SupportActor["actor"]) => actor.status === undefined || actor.status === "operating";

export function detectGaps(input: GapInput) {
  const findings: Finding[] = [];
  const byId = new Map(input.segments.map((s) => [s.segment.id, s]));
  const name = (id: string) => byId.get(id)?.segment.name ?? id;
  const nameEn = (id: string) => byId.get(id)?.segment.nameEn ?? name(id);

  for (const s of input.segments) {
    const seg = s.segment;
    const parent = s.parent ? byId.get(s.parent) : undefined;
    if (!isCovered(s)) {
      // A missing parent already reports its sub-segments; report each gap once.
      if (parent && !isCovered(parent)) continue;
      findings.push({
        id: `missing-segment:${seg.id}`,
        kind: "missing-segment",
        severity: parent ? "medium" : "high",
        segment: seg.id,
        message: {
          zh: `${seg.name}环节（${stageZh(seg.stage)}）本地没有企业（缺链）。`,
          en: `No local firm in ${nameEn(seg.id)} (${seg.stage}): a missing link.`,
        },
        evidence: { nodeIds: [seg.id], edgeIds: [], sources: sourcesOf(seg as Props) },
      });
      continue;
    }
    const firms = Math.max(s.localFirms, s.reportedFirms ?? 0);
    const tooFew = firms < input.thresholds.minFirms;
    const tooSmall = s.aboveScaleFirms < input.thresholds.minAboveScale;
    if (tooFew || tooSmall) {
      const reasonsZh = [tooFew ? `本地仅${firms}家企业` : null, tooSmall ? `规上企业${s.aboveScaleFirms}家` : null].filter(Boolean);
      const reasonsEn = [
        tooFew ? `only ${firms} local firm${firms === 1 ? "" : "s"}` : null,
        tooSmall ? `${s.aboveScaleFirms} above-scale firm${s.aboveScaleFirms === 1 ? "" : "s"}` : null,
      ].filter(Boolean);
      findings.push({
        id: `thin-segment:${seg.id}`,
        kind: "thin-segment",
        severity: parent ? "low" : "medium",
        segment: seg.id,
        message: {
          zh: `${seg.name}环节偏弱（弱链）：${reasonsZh.join("，")}。`,
          en: `${nameEn(seg.id)} is thin: ${reasonsEn.join(", ")}.`,
        },
        evidence: { nodeIds: [seg.id, ...s.firmIds, ...s.figureIds], edgeIds: [], sources: sourcesOf(seg as Props) },
      });
    }
  }

  for (const flow of input.flows) findings.push(...flowFindings(flow, name, nameEn));
  findings.push(...leaderFindings(input.leaders, input.thresholds));
  const support = supportFindings(input.support);
  findings.push(...support.findings);

  return {
    findings: sortFindings(findings),
    summary: { ...summarize(input, support.present), support: support.counted },
  };
}

function flowFindings(flow: FlowCheck, name: (id: string) => string, nameEn: (id: string) => string): Finding[] {
  const base = { kind: "broken-link" as const, segment: flow.from };
  const flowEdge = edgeId(flow.edge);
  const flowSources = sourcesOf(flow.edge.props as Props);
  if (flow.upstreamFirms === 0 && flow.downstreamFirms > 0) {
    return [
      {
        ...base,
        id: `broken-link:no-upstream:${flow.from}:${flow.to}`,
        severity: "high",
        message: {
          zh: `断链：本地有${name(flow.to)}企业，但其上游${name(flow.from)}没有本地企业，需从外地采购。`,
          en: `Broken link: local ${nameEn(flow.to)} firms have no local ${nameEn(flow.from)} supplier upstream.`,
        },
        evidence: { nodeIds: [flow.from, flow.to, ...flow.downstreamIds], edgeIds: [flowEdge], sources: flowSources },
      },
    ];
  }
  if (flow.outsideSellers.length > 0 && flow.localTies.length === 0) {
    const sellers = flow.outsideSellers.map((f) => String(f.name ?? f.id)).join("、");
    const buyersZh = flow.downstreamFirms > 0 ? `，而本地${name(flow.to)}企业未从本地采购` : `，本地没有${name(flow.to)}企业承接`;
    const buyersEn =
      flow.downstreamFirms > 0
        ? `, while local ${nameEn(flow.to)} firms do not buy from them`
        : `, and no local ${nameEn(flow.to)} firm takes it up`;
    return [
      {
        ...base,
        id: `broken-link:sells-outside:${flow.from}:${flow.to}`,
        severity: flow.downstreamFirms > 0 ? "high" : "medium",
        message: {
          zh: `断链：${name(flow.from)}的本地企业${sellers}主要销往外地${buyersZh}（本地供需未打通）。`,
          en: `Broken link: local ${nameEn(flow.from)} firm(s) ${sellers} sell mainly outside the region${buyersEn}.`,
        },
        evidence: {
          nodeIds: [flow.from, flow.to, ...flow.outsideSellers.map((f) => f.id), ...flow.downstreamIds],
          edgeIds: [flowEdge],
          sources: sourcesOf(...(flow.outsideSellers as Props[]), flow.edge.props as Props),
        },
      },
    ];
  }
  if (flow.upstreamFirms > 0 && flow.downstreamFirms > 0 && flow.localTies.length === 0) {
    return [
      {
        ...base,
        id: `broken-link:not-closed:${flow.from}:${flow.to}`,
        severity: "medium",
        message: {
          zh: `链条未在本地闭合：${name(flow.from)}与${name(flow.to)}都有本地企业，但没有记录到本地供应关系。`,
          en: `Not closed locally: ${nameEn(flow.from)} and ${nameEn(flow.to)} both have local firms but no recorded local supply tie.`,
        },
        evidence: {
          nodeIds: [flow.from, flow.to, ...flow.upstreamIds, ...flow.downstreamIds],
          edgeIds: [flowEdge],
          sources: flowSources,
        },
      },
    ];
  }
  return [];
}

function leaderFindings(leaders: LeaderCheck[], thresholds: Thresholds): Finding[] {
  if (leaders.length === 0) {
    return [
      {
        id: "no-leader",
        kind: "no-leader",
        severity: "high",
        message: { zh: "本地尚无链主企业。", en: "The chain has no local chain-leader firm." },
        evidence: { nodeIds: [], edgeIds: [], sources: [] },
      },
    ];
  }
  const findings: Finding[] = [];
  if (leaders.length === 1) {
    const only = leaders[0]!;
    findings.push({
      id: "single-leader",
      kind: "single-leader",
      severity: "medium",
      message: {
        zh: `仅${only.leader.name}一家链主企业，带动面窄。`,
        en: `Only one chain leader (${String(only.leader.nameEn ?? only.leader.name)}): a narrow base.`,
      },
      evidence: {
        nodeIds: [only.leader.id],
        edgeIds: [edgeId(only.role)],
        sources: sourcesOf(only.role.props as Props, only.leader as Props),
      },
    });
  }
  for (const l of leaders) {
    const ratios = leaderRatios(l);
    if (!isWeakLeader(l, thresholds)) continue;
    const shown = String(l.leader.nameEn ?? l.leader.name);
    const pct = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);
    const numbersZh = `本地供应商${l.localSuppliers}/${l.suppliers}家（${pct(ratios.supplierShare)}），本地客户${l.localCustomers}/${l.customers}家（${pct(ratios.customerShare)}）`;
    const numbersEn = `local suppliers ${l.localSuppliers}/${l.suppliers} (${pct(ratios.supplierShare)}), local customers ${l.localCustomers}/${l.customers} (${pct(ratios.customerShare)})`;
    findings.push({
      id: `weak-leader-ties:${l.leader.id}`,
      kind: "weak-leader-ties",
      severity: l.localSuppliers === 0 ? "high" : "medium",
      message:
        l.suppliers === 0
          ? {
              zh: `链主${l.leader.name}没有记录到任何供应商，本地配套率无从判断（${numbersZh}）。`,
              en: `Chain leader ${shown} has no recorded supplier, so its local supply ratio cannot be shown (${numbersEn}).`,
            }
          : {
              zh: `链主${l.leader.name}的本地配套率偏低（低于${Math.round(thresholds.minLocalSupplierShare * 100)}%）：${numbersZh}。`,
              en: `Chain leader ${shown} has a low local supply ratio (below ${Math.round(thresholds.minLocalSupplierShare * 100)}%): ${numbersEn}.`,
            },
      evidence: {
        nodeIds: [l.leader.id, ...l.localSupplierIds, ...l.localCustomerIds],
        edgeIds: [edgeId(l.role)],
        sources: sourcesOf(l.role.props as Props, l.leader as Props),
      },
      ratios,
    });
  }
  return findings;
}

/** Suppliers and customers counted apart; a share is null when there is nothing to divide by. */
export function leaderRatios(l: LeaderCheck): LeaderRatios {
  return {
    suppliers: l.suppliers,
    localSuppliers: l.localSuppliers,
    supplierShare: l.suppliers === 0 ? null : l.localSuppliers / l.suppliers,
    customers: l.customers,
    localCustomers: l.localCustomers,
    customerShare: l.customers === 0 ? null : l.localCustomers / l.customers,
  };
}

/** Weak local ties: no recorded supplier, or local suppliers below the threshold share (本地配套率). */
export function isWeakLeader(l: LeaderCheck, thresholds: Thresholds): boolean {
  return l.suppliers === 0 || l.localSuppliers / l.suppliers < thresholds.minLocalSupplierShare;
}

function supportFindings(actors: SupportActor[]) {
  const present = new Set<SupportCategory>();
  const planned = new Map<SupportCategory, SupportActor["actor"][]>();
  const counted: CountedSupport[] = [];
  for (const { actor, via } of actors) {
    const category = supportCategory(actor);
    if (!category) continue;
    if (isOperating(actor)) {
      present.add(category);
      counted.push(countedSupport(actor, category, via));
    } else planned.set(category, [...(planned.get(category) ?? []), actor]);
  }
  const findings: Finding[] = [];
  for (const category of SUPPORT_CATEGORIES) {
    if (present.has(category)) continue;
    const coming = planned.get(category) ?? [];
    const comingZh = coming.length
      ? `（${coming.map((a) => `${a.name}${a.openingDate ? `预计${a.openingDate}` : ""}建设中`).join("；")}）`
      : "";
    const comingEn = coming.length
      ? ` (${coming.map((a) => `${String(a.nameEn ?? a.name)} ${a.openingDate ? `due ${a.openingDate}` : "not yet open"}`).join("; ")})`
      : "";
    findings.push({
      id: `support-gap:${category}`,
      kind: "support-gap",
      severity: category === "fund" ? "low" : "medium",
      message: {
        zh: `缺少服务本产业链的本地${SUPPORT_NAMES[category].zh}${comingZh}。`,
        en: `No operating local ${SUPPORT_NAMES[category].en} serving the chain${comingEn}.`,
      },
      evidence: { nodeIds: coming.map((a) => a.id), edgeIds: [], sources: sourcesOf(...(coming as Props[])) },
    });
  }
  return { findings, present, counted };
}

function summarize(input: GapInput, supportPresent: Set<SupportCategory>) {
  const coverageByStage = Object.fromEntries(
    STAGES.map((stage) => {
      const inStage = input.segments.filter((s) => s.segment.stage === stage);
      return [stage, { segments: inStage.length, covered: inStage.filter(isCovered).length }];
    }),
  ) as Record<Stage, { segments: number; covered: number }>;
  const covered = input.segments.filter(isCovered).length;
  const segmentShare = input.segments.length ? covered / input.segments.length : 0;
  const flowShare = input.flows.length ? input.flows.filter((f) => f.localTies.length > 0).length / input.flows.length : segmentShare;
  const strongLeader = input.leaders.some((l) => !isWeakLeader(l, input.thresholds));
  const leaderScore = input.leaders.length === 0 ? 0 : strongLeader ? 1 : 0.5;
  const supportShare = supportPresent.size / SUPPORT_CATEGORIES.length;
  const completeness = Math.round(100 * (0.5 * segmentShare + 0.2 * flowShare + 0.15 * leaderScore + 0.15 * supportShare));
  return {
    coverageByStage,
    completeness,
    formula: COMPLETENESS_FORMULA,
    parts: { segmentShare, flowShare, leaderScore, supportShare },
  };
}

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;
function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.id.localeCompare(b.id));
}

function stageZh(stage: Stage): string {
  return { upstream: "上游", midstream: "中游", downstream: "下游" }[stage];
}
