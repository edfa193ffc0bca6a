import { describe, expect, it } from "vitest";
import { explainTargets, type RankedRow } from "../../../server/analysis/rank-targets.ts";
import { PER_KIND_CAP, SIGNAL_WEIGHTS, type SignalCounts, scoreOf, TAG_WEIGHTS, TIE_SIGNALS } from "../../../server/analysis/signals.ts";

const zero = Object.fromEntries(TIE_SIGNALS.map((k) => [k, 0])) as SignalCounts;
const row = (id: string, counts: Partial<SignalCounts>, tags: string[] = [], density = 0): RankedRow => {
  const all = { ...zero, ...counts };
  return {
    firm: { id, _labels: ["Firm"], name: id, tags },
    gaps: ["segment:gap"],
    counts: all,
    density,
    score: scoreOf(all, tags, density),
  };
};
const explain = (rows: RankedRow[], evidence: Parameters<typeof explainTargets>[1] = []) =>
  explainTargets(rows, evidence, { offset: 0, densityNote: () => null });

describe("signals", () => {
  it("caps each tie signal at PER_KIND_CAP and adds tags and relatedness", () => {
    const counts = { ...zero, suppliesLocal: 7, suppliesLeader: 1 };
    expect(scoreOf(counts, ["专精特新"], 0.5)).toBe(
      SIGNAL_WEIGHTS.inGapSegment +
        PER_KIND_CAP * SIGNAL_WEIGHTS.suppliesLocal +
        SIGNAL_WEIGHTS.suppliesLeader +
        TAG_WEIGHTS.专精特新! +
        0.5 * SIGNAL_WEIGHTS.relatedness,
    );
  });

  it("weighs supplying the leader above supplying any local firm, and a planned project above a listing", () => {
    expect(SIGNAL_WEIGHTS.suppliesLeader).toBeGreaterThan(SIGNAL_WEIGHTS.suppliesLocal);
    expect(SIGNAL_WEIGHTS.plannedProject).toBeGreaterThan(TAG_WEIGHTS.上市!);
  });
});

describe("explainTargets", () => {
  it("gives one reason per signal whose weights sum to the database's score", () => {
    const [t] = explain([row("a", { suppliesLeader: 1, cooperatesLocal: 2, partnerRegion: 1 }, ["上市", "规上"], 0.4)]);
    const sum = t!.reasons.reduce((s, r) => s + r.weight, 0);
    expect(Math.abs(sum - t!.score)).toBeLessThan(0.02);
    expect(t!.reasons.find((r) => r.kind === "cooperatesLocal")).toMatchObject({ count: 2, weight: 2 * SIGNAL_WEIGHTS.cooperatesLocal });
    expect(t!.reasons[0]!.kind).toBe("suppliesLeader");
  });

  it("attaches only the evidence paths the database returned, and never invents an edge", () => {
    const edge = { type: "SUPPLIES", from: "a", to: "firm:lead", props: {} };
    const [t] = explain(
      [row("a", { suppliesLeader: 1, sameGroup: 1 })],
      [{ firm: "a", locatedIn: ["杭州市"], paths: [{ kind: "suppliesLeader", nodes: ["a", "firm:lead"], edges: [edge] }] }],
    );
    expect(t!.reasons.find((r) => r.kind === "suppliesLeader")?.paths).toEqual([{ nodes: ["a", "firm:lead"], edges: [edge] }]);
    expect(t!.reasons.find((r) => r.kind === "sameGroup")?.paths).toEqual([]);
    expect(t!.edges).toEqual([edge]);
    expect(t!.locatedIn).toEqual(["杭州市"]);
  });

  it("keeps the database's order and numbers ranks from the offset", () => {
    const ranked = explainTargets([row("b", {}), row("a", {})], [], { offset: 20, densityNote: () => null });
    expect(ranked.map((t) => [t.rank, t.firm.id])).toEqual([
      [21, "b"],
      [22, "a"],
    ]);
  });
});
