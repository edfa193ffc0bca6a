import { describe, expect, it } from "vitest";
import type { FirmFacts } from "../../../server/analysis/scenarios/changes.ts";
import { applyScenario, type GapRows } from "../../../server/analysis/scenarios/overlay.ts";
import type { FlowCheck, LeaderCheck } from "../../../server/analysis/types.ts";
import { segmentRow } from "./coverage-rows.ts";

/** A small chain: raw → (parts ⊃ parts-sub) → assembly, with one leader in assembly supplied by p1. */
function rows(): GapRows {
  const segments = [
    segmentRow("segment:raw", "upstream", 0),
    segmentRow("segment:parts", "midstream", 1),
    segmentRow("segment:parts-sub", "midstream", 1, "segment:parts"),
    segmentRow("segment:assembly", "downstream", 1),
  ];
  segments[1]!.firmIds = ["firm:p1"];
  segments[2]!.firmIds = ["firm:p1"];
  segments[3]!.firmIds = ["firm:lead"];
  const flow = (from: string, to: string, up: number, down: number, ties: [string, string][]): FlowCheck => ({
    from,
    to,
    edge: { type: "FEEDS", from, to, props: {} },
    upstreamFirms: up,
    downstreamFirms: down,
    upstreamIds: [],
    downstreamIds: [],
    localTies: ties.map(([a, b]) => ({ type: "SUPPLIES", from: a, to: b, props: {} })),
    outsideSellers: [],
  });
  const leader: LeaderCheck = {
    leader: { id: "firm:lead", _labels: ["Firm"], name: "Lead" },
    segments: ["segment:assembly"],
    role: { type: "LEADS", from: "firm:lead", to: "chain:c", props: {} },
    suppliers: 2,
    localSuppliers: 1,
    localSupplierIds: ["firm:p1"],
    customers: 0,
    localCustomers: 0,
    localCustomerIds: [],
  };
  return {
    segments,
    flows: [flow("segment:raw", "segment:parts", 0, 1, []), flow("segment:parts", "segment:assembly", 1, 1, [["firm:p1", "firm:lead"]])],
    leaders: [leader],
  };
}

const firm = (id: string, segments: string[], local: boolean, extra: Partial<FirmFacts> = {}): [string, FirmFacts] => [
  id,
  {
    node: { id, _labels: ["Entity", "Firm"], name: id, tags: ["规上"] },
    segments,
    local,
    leader: false,
    suppliers: [],
    customers: [],
    ...extra,
  },
];

const facts = new Map<string, FirmFacts>([
  firm("firm:p1", ["segment:parts-sub"], true, {
    customers: [{ id: "firm:lead", local: true, inProvince: true, segments: ["segment:assembly"] }],
  }),
  firm("firm:lead", ["segment:assembly"], true, { leader: true }),
  firm("firm:outside-raw", ["segment:raw"], false, {
    customers: [{ id: "firm:p1", local: true, inProvince: true, segments: ["segment:parts-sub"] }],
  }),
]);

describe("a scenario as an overlay on the gap rows", () => {
  it("recruiting an outside firm fills its segment and makes its real ties to local firms local", () => {
    const out = applyScenario(rows(), [{ kind: "add-firm", firm: "firm:outside-raw", segment: "segment:raw" }], facts);
    expect(out.segments.find((s) => s.segment.id === "segment:raw")).toMatchObject({ localFirms: 1, aboveScaleFirms: 1 });
    const raw = out.flows.find((f) => f.from === "segment:raw")!;
    expect(raw.upstreamFirms).toBe(1);
    expect(raw.localTies.map((t) => `${t.from}>${t.to}`)).toEqual(["firm:outside-raw>firm:p1"]);
    expect(out.added.nodes.map((n) => n.id)).toEqual(["firm:outside-raw"]);
  });

  it("removing a firm takes it out of its segment and the parent once, drops its ties and the leader's local supplier", () => {
    const out = applyScenario(rows(), [{ kind: "remove-firm", firm: "firm:p1" }], facts);
    expect(out.segments.find((s) => s.segment.id === "segment:parts")!.localFirms).toBe(0);
    expect(out.segments.find((s) => s.segment.id === "segment:parts-sub")!.localFirms).toBe(0);
    expect(out.flows.find((f) => f.from === "segment:parts")!.localTies).toEqual([]);
    expect(out.leaders[0]).toMatchObject({ suppliers: 1, localSuppliers: 0, localSupplierIds: [] });
    expect(rows().leaders[0]!.localSuppliers, "the input rows are not changed").toBe(1);
  });

  it("withdrawing a leader role keeps the firm and drops the leader row", () => {
    const out = applyScenario(rows(), [{ kind: "remove-leader", firm: "firm:lead" }], facts);
    expect(out.leaders).toEqual([]);
    expect(out.segments.find((s) => s.segment.id === "segment:assembly")!.localFirms).toBe(1);
    expect(out.unled).toEqual(["firm:lead"]);
  });

  it("an added tie between a new firm and a local one closes the flow and counts for the leader", () => {
    const out = applyScenario(
      rows(),
      [
        { kind: "add-firm", name: "新零件厂", segment: "segment:parts" },
        { kind: "add-tie", from: "new:0", to: "firm:lead" },
      ],
      facts,
    );
    expect(out.leaders[0]).toMatchObject({ suppliers: 3, localSuppliers: 2 });
    expect(out.added.ties).toEqual([{ type: "SUPPLIES", from: "new:0", to: "firm:lead", props: { scenario: true } }]);
  });

  it("refuses contradictions with the field they concern", () => {
    const apply = (changes: Parameters<typeof applyScenario>[1]) => () => applyScenario(rows(), changes, facts);
    expect(apply([{ kind: "remove-firm", firm: "firm:outside-raw" }])).toThrow(/changes\.0\.firm: .*not in the region/);
    expect(apply([{ kind: "add-firm", firm: "firm:p1", segment: "segment:raw" }])).toThrow(/already in the region/);
    expect(apply([{ kind: "add-tie", from: "firm:p1", to: "firm:lead" }])).toThrow(/already supplies/);
    expect(
      apply([
        { kind: "remove-firm", firm: "firm:p1" },
        { kind: "add-tie", from: "firm:lead", to: "firm:p1" },
      ]),
    ).toThrow(/changes\.1\.to: .*removed by an earlier change/);
    expect(apply([{ kind: "remove-leader", firm: "firm:p1" }])).toThrow(/not a chain leader/);
  });
});
