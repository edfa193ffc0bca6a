import { describe, expect, it } from "vitest";
import { densities, proximities, proximity, regionStrengths, rollUp, strongSegments } from "../../../server/analysis/relatedness.ts";

// Four regions; A and B go together (r1, r2 strong in both), C stands alone (r3), D in r4 only.
const rows = [
  { region: "r1", segment: "A", firms: 10 },
  { region: "r1", segment: "B", firms: 10 },
  { region: "r2", segment: "A", firms: 8 },
  { region: "r2", segment: "B", firms: 12 },
  { region: "r3", segment: "C", firms: 20 },
  { region: "r3", segment: "A", firms: 1 },
  { region: "r4", segment: "D", firms: 20 },
];

describe("relatedness (Atlas of Economic Complexity)", () => {
  it("marks a region strong where its RCA is at least 1", () => {
    const strong = strongSegments(rows);
    expect([...strong.get("r1")!].sort()).toEqual(["A", "B"]);
    expect([...strong.get("r3")!]).toEqual(["C"]);
  });

  it("proximity is the smaller conditional probability of co-strength", () => {
    const p = proximities(rows);
    expect(proximity(p, "A", "B")).toBe(1);
    expect(proximity(p, "A", "C")).toBe(0);
    expect(proximity(p, "A", "A")).toBe(1);
  });

  it("a gap close to what the region is strong in has a higher density", () => {
    const p = proximities(rows);
    const strongInA = regionStrengths([{ segment: "A", firms: 5 }], p.segmentFirms, p.totalFirms);
    const [b, c] = densities(p, strongInA, ["B", "C"]);
    expect(b?.density).toBe(1);
    expect(b?.nearest).toEqual([{ segment: "A", phi: 1 }]);
    expect(c?.density).toBe(0);
  });

  it("rolls a sub-segment's counts up to its parent", () => {
    const up = rollUp(
      [{ region: "r", segment: "child", firms: 3 }],
      new Map([
        ["child", "parent"],
        ["parent", null],
      ]),
    );
    expect(up).toEqual(
      expect.arrayContaining([
        { region: "r", segment: "child", firms: 3 },
        { region: "r", segment: "parent", firms: 3 },
      ]),
    );
  });
});
