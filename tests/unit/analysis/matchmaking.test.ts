import { describe, expect, it } from "vitest";
import { PAIRS_PER_FLOW, rankPairs } from "../../../server/analysis/matchmaking.ts";

describe("rankPairs", () => {
  it("ranks a pair whose buyer is the leader first, then by supplier tags, and keeps PAIRS_PER_FLOW per flow after ranking", () => {
    const pairs = Array.from({ length: 15 }, (_, i) => ({
      supplier: `s${String(i).padStart(2, "0")}`,
      buyer: "b",
      flow: "f",
      sellsOutside: false,
    }));
    pairs.push({ supplier: "s99", buyer: "leader", flow: "f", sellsOutside: false });
    const tags = (id: string) => (id === "s14" ? ["小巨人"] : []);
    const ranked = rankPairs(pairs, tags, new Set(["leader"]));
    expect(ranked).toHaveLength(PAIRS_PER_FLOW);
    expect(ranked[0]).toMatchObject({ supplier: "s99", buyer: "leader" });
    expect(ranked[1]?.supplier).toBe("s14");
    expect(ranked[1]?.reasons.map((r) => r.kind)).toEqual(["local-buyer", "tag"]);
  });
});
