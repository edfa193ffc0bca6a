import { describe, expect, it } from "vitest";
import { type CandidateRow, rankTargets, WEIGHTS } from "../../../server/analysis/rank-targets.ts";

function candidate(id: string, overrides: Partial<CandidateRow> = {}): CandidateRow {
  return {
    firm: { id, _labels: ["Entity", "Firm"], name: id, tags: [] },
    gap: { id: "segment:gap", name: "缺口" },
    via: ["segment:gap"],
    locatedIn: [],
    suppliesLocal: [],
    buysFromLocal: [],
    localFunds: [],
    localInstitutes: [],
    adamicAdar: null,
    sharedNeighbours: [],
    ...overrides,
  };
}

describe("rankTargets", () => {
  it("explains a firm found through an equivalent segment of another chain", () => {
    const [t] = rankTargets([candidate("a", { via: ["segment:other-chain-same-industry"] })], []);
    expect(t?.reasons[0]).toMatchObject({ kind: "in-gap-segment", path: ["a", "segment:other-chain-same-industry", "segment:gap"] });
    expect(t?.reasons[0]?.message.zh).toContain("相同");
    expect(t?.edges.map((e) => e.type)).toEqual(["IN_SEGMENT", "EQUIVALENT_TO"]);
  });

  it("weighs supplying the chain leader above supplying any local firm", () => {
    const ranked = rankTargets([candidate("a", { suppliesLocal: ["local"] }), candidate("b", { suppliesLocal: ["leader"] })], ["leader"]);
    expect(ranked.map((t) => t.firm.id)).toEqual(["b", "a"]);
    expect(ranked[0]?.score).toBe(WEIGHTS.inGapSegment + WEIGHTS.suppliesLeader);
  });

  it("counts at most three ties of one kind, so one busy firm cannot drown the list", () => {
    const [t] = rankTargets([candidate("a", { buysFromLocal: ["1", "2", "3", "4", "5"] })], []);
    expect(t?.reasons.filter((r) => r.kind === "buys-from-local")).toHaveLength(3);
    expect(t?.score).toBe(WEIGHTS.inGapSegment + 3 * WEIGHTS.buysFromLocal);
  });

  it("caps shared-neighbour evidence and explains it", () => {
    const [t] = rankTargets([candidate("a", { adamicAdar: 40, sharedNeighbours: ["z1", "z2"] })], []);
    expect(t?.score).toBe(WEIGHTS.inGapSegment + WEIGHTS.adamicAdarCap);
    const shared = t?.reasons.find((r) => r.kind === "shared-neighbours");
    expect(shared?.path).toEqual(["a", "z1", "z2"]);
    expect(shared?.message.zh).toContain("2个共同关联方");
  });

  it("adds tag weights and returns the edges behind each tie", () => {
    const [t] = rankTargets(
      [candidate("a", { firm: { id: "a", _labels: ["Firm"], name: "a", tags: ["专精特新", "规上"] }, localFunds: ["fund:f"] })],
      [],
    );
    expect(t?.score).toBe(WEIGHTS.inGapSegment + WEIGHTS.localFund + 1.5 + 1);
    expect(t?.edges).toEqual([
      { type: "IN_SEGMENT", from: "a", to: "segment:gap", props: {} },
      { type: "INVESTS_IN", from: "fund:f", to: "a", props: {} },
    ]);
  });
});
