import { describe, expect, it } from "vitest";
import type { Stage } from "../../../model/domain.ts";
import { detectGaps } from "../../../server/analysis/detect-gaps.ts";
import { groupCounts, PRIORITY_WEIGHTS, prioritiseFindings } from "../../../server/analysis/prioritise.ts";
import { DEFAULT_THRESHOLDS, type FlowCheck, type LeaderCheck } from "../../../server/analysis/types.ts";
import { segmentRow } from "./coverage-rows.ts";

const seg = (id: string, stage: Stage, localFirms: number) => segmentRow(id, stage, localFirms);
const feeds = (from: string, to: string, ties: number): FlowCheck => ({
  from,
  to,
  edge: { type: "FEEDS", from, to, props: {} },
  upstreamFirms: 0,
  downstreamFirms: 3,
  upstreamIds: [],
  downstreamIds: ["d"],
  localTies: Array.from({ length: ties }, () => ({ type: "SUPPLIES", from: "u", to: "d", props: {} })),
  outsideSellers: [],
});
const leader: LeaderCheck = {
  leader: { id: "firm:lead", _labels: ["Firm"], name: "链主" },
  segments: ["mid"],
  role: { type: "LEADS", from: "firm:lead", to: "chain:c", props: {} },
  suppliers: 10,
  localSuppliers: 5,
  localSupplierIds: [],
  customers: 0,
  localCustomers: 0,
  localCustomerIds: [],
};

describe("prioritiseFindings", () => {
  const segments = [seg("up-feeds-leader", "upstream", 0), seg("down-alone", "downstream", 0), seg("mid", "midstream", 5)];
  const flows = [feeds("up-feeds-leader", "mid", 0)];
  const { findings } = detectGaps({ segments, flows, leaders: [leader], support: [], thresholds: DEFAULT_THRESHOLDS });
  const ranked = prioritiseFindings(findings, {
    segments,
    flows,
    leaders: [leader],
    candidatesBySegment: new Map([["up-feeds-leader", 4]]),
  });

  it("puts the gap the leader depends on, which blocks a flow and has targets, above an equally severe lone gap", () => {
    const top = ranked.find((f) => f.id === "missing-segment:up-feeds-leader")!;
    const lone = ranked.find((f) => f.id === "missing-segment:down-alone")!;
    expect(top.priorityParts).toEqual({
      severity: PRIORITY_WEIGHTS.severity.high,
      stage: PRIORITY_WEIGHTS.stage.upstream,
      leaderDepends: PRIORITY_WEIGHTS.leaderDepends,
      blockedFlows: PRIORITY_WEIGHTS.perBlockedFlow,
      targetsExist: PRIORITY_WEIGHTS.targetsExist,
    });
    expect(top.priority).toBe(6 + 1 + 3 + 1 + 1);
    expect(lone.priority).toBe(6 + 0.5);
    expect(ranked.indexOf(top)).toBeLessThan(ranked.indexOf(lone));
  });

  it("orders by priority, then id, and gives every finding a group and a next action", () => {
    const priorities = ranked.map((f) => f.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(ranked.find((f) => f.kind === "support-gap")).toMatchObject({ group: "support", nextAction: "support" });
    expect(ranked.find((f) => f.kind === "single-leader")).toMatchObject({ group: "leader", nextAction: "targets" });
    expect(ranked.find((f) => f.id.startsWith("broken-link:no-upstream"))).toMatchObject({
      group: "up-feeds-leader",
      nextAction: "targets",
    });
  });

  it("counts findings per group", () => {
    const groups = groupCounts(ranked);
    expect(groups.find((g) => g.group === "support")?.count).toBe(4);
    expect(groups.find((g) => g.group === "up-feeds-leader")?.count).toBe(2);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(ranked.length);
  });
});
