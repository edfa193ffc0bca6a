import type { Finding, FlowCheck, LeaderCheck, NextAction, PrioritisedFinding, SegmentCoverage } from "./types.ts";

/**
 * Orders findings so a planner can act on the first ten: every finding gets a priority score
 * from its severity, its stage, whether a chain leader depends on it, how many expected flows it
 * blocks and whether recruitment targets exist for it; a group (its segment, or "leader" /
 * "support"); and the next action (targets / matchmaking / support). docs/gap-detection.md lists
 * the weights with a worked example.
 */
export const PRIORITY_WEIGHTS = {
  severity: { high: 6, medium: 3, low: 1 },
  stage: { upstream: 1, midstream: 1.5, downstream: 0.5 },
  leaderDepends: 3,
  perBlockedFlow: 1,
  blockedFlowCap: 4,
  targetsExist: 1,
} as const;

export const DEFAULT_TOP = 10;

export interface PriorityContext {
  segments: SegmentCoverage[];
  flows: FlowCheck[];
  leaders: LeaderCheck[];
  /** Outside firms eligible as recruitment targets per gap segment (count-segment-candidates). */
  candidatesBySegment: Map<string, number>;
}

export function nextActionOf(f: Finding): NextAction {
  if (f.kind === "support-gap") return "support";
  if (f.kind === "weak-leader-ties") return "matchmaking";
  if (f.kind === "broken-link") return f.id.startsWith("broken-link:no-upstream") ? "targets" : "matchmaking";
  return "targets";
}

export function groupOf(f: Finding): string {
  if (f.segment) return f.segment;
  return f.kind === "support-gap" ? "support" : "leader";
}

export function prioritiseFindings(findings: Finding[], ctx: PriorityContext): PrioritisedFinding[] {
  const stageOf = new Map(ctx.segments.map((s) => [s.segment.id, s.segment.stage]));
  const parentOf = new Map(ctx.segments.map((s) => [s.segment.id, s.parent]));
  const leaderSegments = new Set<string>();
  for (const l of ctx.leaders) {
    for (const start of l.segments) for (let s: string | null | undefined = start; s; s = parentOf.get(s)) leaderSegments.add(s);
  }
  const within = (segment: string) => {
    const ids = [segment];
    for (const s of ctx.segments) {
      for (let p = s.parent; p; p = parentOf.get(p) ?? null) if (p === segment) ids.push(s.segment.id);
    }
    return new Set(ids);
  };
  const scored = findings.map((f) => {
    const parts: Record<string, number> = { severity: PRIORITY_WEIGHTS.severity[f.severity] };
    if (f.segment) {
      const own = within(f.segment);
      const stage = stageOf.get(f.segment);
      if (stage) parts.stage = PRIORITY_WEIGHTS.stage[stage];
      const touching = ctx.flows.filter((flow) => own.has(flow.from) || own.has(flow.to));
      const feedsLeader = touching.some((flow) => own.has(flow.from) && leaderSegments.has(flow.to));
      if (feedsLeader || [...own].some((s) => leaderSegments.has(s))) parts.leaderDepends = PRIORITY_WEIGHTS.leaderDepends;
      const blocked = touching.filter((flow) => flow.localTies.length === 0).length;
      if (blocked > 0) parts.blockedFlows = PRIORITY_WEIGHTS.perBlockedFlow * Math.min(blocked, PRIORITY_WEIGHTS.blockedFlowCap);
    }
    if (f.kind === "weak-leader-ties" || f.kind === "no-leader") parts.leaderDepends = PRIORITY_WEIGHTS.leaderDepends;
    const action = nextActionOf(f);
    if (action === "targets" && f.segment && (ctx.candidatesBySegment.get(f.segment) ?? 0) > 0) {
      parts.targetsExist = PRIORITY_WEIGHTS.targetsExist;
    }
    const priority = Math.round(Object.values(parts).reduce((a, b) => a + b, 0) * 100) / 100;
    return { ...f, priority, priorityParts: parts, group: groupOf(f), nextAction: action };
  });
  return scored.sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
}

/** Counts per group, in the order of each group's best finding. */
export function groupCounts(findings: PrioritisedFinding[]) {
  const groups = new Map<string, { group: string; count: number; topPriority: number }>();
  for (const f of findings) {
    const g = groups.get(f.group) ?? { group: f.group, count: 0, topPriority: f.priority };
    g.count += 1;
    g.topPriority = Math.max(g.topPriority, f.priority);
    groups.set(f.group, g);
  }
  return [...groups.values()].sort((a, b) => b.topPriority - a.topPriority || a.group.localeCompare(b.group));
}
