import { describe, expect, it } from "vitest";
import { detectGaps, isWeakLeader, leaderRatios } from "../../../server/analysis/detect-gaps.ts";
import { DEFAULT_THRESHOLDS, type FlowCheck, type LeaderCheck } from "../../../server/analysis/types.ts";
import { segmentRow } from "./coverage-rows.ts";

/** One test per rule of detect-gaps not covered in detect-gaps.test.ts: broken-link variants, leaders, support. */
const seg = (id: string, localFirms: number) => segmentRow(id, "midstream", localFirms);

const flow = (overrides: Partial<FlowCheck>): FlowCheck => ({
  from: "a",
  to: "b",
  edge: { type: "FEEDS", from: "a", to: "b", props: {} },
  upstreamFirms: 3,
  downstreamFirms: 3,
  upstreamIds: ["u1"],
  downstreamIds: ["d1"],
  localTies: [],
  outsideSellers: [],
  ...overrides,
});

const leader = (suppliers: number, localSuppliers: number, customers: number, localCustomers: number): LeaderCheck => ({
  leader: { id: "firm:lead", _labels: ["Firm"], name: "链主" },
  segments: ["a"],
  role: { type: "LEADS", from: "firm:lead", to: "chain:c", props: {} },
  suppliers,
  localSuppliers,
  localSupplierIds: [],
  customers,
  localCustomers,
  localCustomerIds: [],
});

const run = (input: Partial<Parameters<typeof detectGaps>[0]>) =>
  detectGaps({
    segments: [seg("a", 3), seg("b", 3)],
    flows: [],
    leaders: [leader(4, 4, 0, 0)],
    support: [],
    thresholds: DEFAULT_THRESHOLDS,
    ...input,
  }).findings;

describe("broken-link variants", () => {
  it("no local upstream while local buyers exist: high, named no-upstream", () => {
    const [f] = run({ flows: [flow({ upstreamFirms: 0, upstreamIds: [] })] }).filter((x) => x.kind === "broken-link");
    expect(f).toMatchObject({ id: "broken-link:no-upstream:a:b", severity: "high" });
  });

  it("upstream sells only outside: high with local buyers, medium without", () => {
    const seller = { id: "u1", _labels: ["Firm"], name: "卖外地" };
    const withBuyers = run({ flows: [flow({ outsideSellers: [seller] })] }).find((x) => x.kind === "broken-link");
    expect(withBuyers).toMatchObject({ id: "broken-link:sells-outside:a:b", severity: "high" });
    expect(withBuyers?.message.zh).toContain("卖外地");
    const noBuyers = run({ flows: [flow({ outsideSellers: [seller], downstreamFirms: 0, downstreamIds: [] })] }).find(
      (x) => x.kind === "broken-link",
    );
    expect(noBuyers?.severity).toBe("medium");
  });

  it("firms at both ends but no local tie: medium not-closed; a local tie closes it", () => {
    expect(run({ flows: [flow({})] }).find((x) => x.kind === "broken-link")?.id).toBe("broken-link:not-closed:a:b");
    const closed = flow({ localTies: [{ type: "SUPPLIES", from: "u1", to: "d1", props: {} }] });
    expect(run({ flows: [closed] }).filter((x) => x.kind === "broken-link")).toEqual([]);
  });
});

describe("leader rules", () => {
  it("no leader is one high finding", () => {
    const findings = run({ leaders: [] });
    expect(findings.filter((f) => f.kind.includes("leader")).map((f) => [f.kind, f.severity])).toEqual([["no-leader", "high"]]);
  });

  it("counts suppliers apart from customers: 1 local of 4 suppliers is 25 %, weak, even with 2 local customers of 2", () => {
    const planted = leader(4, 1, 2, 2);
    expect(leaderRatios(planted)).toMatchObject({ supplierShare: 0.25, customerShare: 1 });
    expect(isWeakLeader(planted, DEFAULT_THRESHOLDS)).toBe(true);
    const weak = run({ leaders: [planted] }).find((f) => f.kind === "weak-leader-ties");
    expect(weak?.severity).toBe("medium");
    expect(weak?.message.zh).toContain("本地供应商1/4家（25%）");
    expect(weak?.message.zh).toContain("本地客户2/2家（100%）");
    expect(weak?.ratios).toMatchObject({ suppliers: 4, localSuppliers: 1, customers: 2, localCustomers: 2 });
  });

  it("a leader at or above the threshold is not weak; one with no local supplier is high; none recorded is weak", () => {
    expect(run({ leaders: [leader(10, 3, 0, 0)] }).find((f) => f.kind === "weak-leader-ties")).toBeUndefined();
    expect(run({ leaders: [leader(10, 0, 5, 5)] }).find((f) => f.kind === "weak-leader-ties")?.severity).toBe("high");
    expect(run({ leaders: [leader(0, 0, 5, 5)] }).find((f) => f.kind === "weak-leader-ties")?.message.en).toContain("no recorded supplier");
  });

  it("the threshold is a parameter", () => {
    const thresholds = { ...DEFAULT_THRESHOLDS, minLocalSupplierShare: 0.5 };
    expect(run({ leaders: [leader(10, 4, 0, 0)], thresholds }).some((f) => f.kind === "weak-leader-ties")).toBe(true);
  });

  it("one leader is a single-leader finding; two are not", () => {
    expect(run({}).some((f) => f.kind === "single-leader")).toBe(true);
    const second = { ...leader(4, 4, 0, 0), leader: { id: "firm:two", _labels: ["Firm"], name: "二" } };
    expect(run({ leaders: [leader(4, 4, 0, 0), second] }).some((f) => f.kind === "single-leader")).toBe(false);
  });
});

describe("support rule", () => {
  it("a planned incubator is named but does not fill the gap; an operating one does", () => {
    const planned = {
      actor: {
        id: "park:p",
        _labels: ["Entity", "Park"],
        name: "在建孵化器",
        kind: "incubator",
        status: "under-construction",
        openingDate: "2027",
      },
      serves: ["chain:c"],
      via: ["serves" as const],
    };
    const gap = run({ support: [planned] }).find((f) => f.id === "support-gap:incubator");
    expect(gap?.message.zh).toContain("在建孵化器预计2027建设中");
    expect(gap?.evidence.nodeIds).toEqual(["park:p"]);
    const operating = { ...planned, actor: { ...planned.actor, status: "operating" } };
    expect(run({ support: [operating] }).some((f) => f.id === "support-gap:incubator")).toBe(false);
  });

  it("a fund counts by the rules that held, and the summary says which in both languages", () => {
    const fund = {
      actor: { id: "fund:f", _labels: ["Entity", "Fund"], name: "县产业基金", nameEn: "County Fund" },
      serves: ["chain:c"],
      via: ["invests" as const, "sponsored-focus" as const],
    };
    const detected = detectGaps({
      segments: [seg("a", 3)],
      flows: [],
      leaders: [],
      support: [fund],
      thresholds: DEFAULT_THRESHOLDS,
    });
    expect(detected.findings.some((f) => f.id === "support-gap:fund")).toBe(false);
    expect(detected.summary.support).toEqual([
      {
        category: "fund",
        id: "fund:f",
        name: "县产业基金",
        via: ["invests", "sponsored-focus"],
        message: {
          zh: "县产业基金计为本地产业基金：投资了本产业链环节的企业；由本地政府出资设立，投向领域含本产业链。",
          en: "County Fund counts as a local industry fund: it invests in firms of the chain's segments; it is sponsored by a local region with a focus that names the chain.",
        },
      },
    ]);
  });
});
