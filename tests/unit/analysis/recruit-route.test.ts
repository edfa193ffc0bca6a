import { describe, expect, it } from "vitest";
import { recruitRoute } from "../../../server/analysis/recruit-route.ts";

describe("recruitRoute (greedy weighted set cover)", () => {
  it("closes every coverable gap in few steps, each step saying what it closes", () => {
    const steps = recruitRoute(
      [
        { id: "a", score: 9, gaps: ["g1"] },
        { id: "b", score: 5, gaps: ["g1", "g2", "g3"] },
        { id: "c", score: 4, gaps: ["g3", "g4"] },
        { id: "d", score: 8, gaps: ["g4"] },
      ],
      () => 1,
    );
    expect(steps.map((s) => [s.firm, s.closes])).toEqual([
      ["b", ["g1", "g2", "g3"]],
      ["d", ["g4"]],
    ]);
  });

  it("weighs gaps by priority and breaks ties by score, then id", () => {
    const weight = (g: string) => (g === "urgent" ? 5 : 1);
    const steps = recruitRoute(
      [
        { id: "x", score: 1, gaps: ["a", "b"] },
        { id: "y", score: 1, gaps: ["urgent"] },
        { id: "z", score: 2, gaps: ["a", "b"] },
      ],
      weight,
    );
    expect(steps.map((s) => s.firm)).toEqual(["y", "z"]);
  });

  it("stops at maxSteps", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `f${i}`, score: 1, gaps: [`g${i}`] }));
    expect(recruitRoute(many, () => 1, 5)).toHaveLength(5);
  });
});
