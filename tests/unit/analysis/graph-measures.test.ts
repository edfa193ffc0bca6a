import { describe, expect, it } from "vitest";
import { betweenness, cutPoints } from "../../../server/analysis/resilience/graph-measures.ts";

describe("supply graph measures", () => {
  it("finds the articulation point and the bridges of two triangles joined through one firm", () => {
    // a-b-c triangle, c—d bridge, d-e-f triangle: c and d are cut points, c—d the only bridge.
    const edges = [
      { from: "a", to: "b" },
      { from: "b", to: "c" },
      { from: "c", to: "a" },
      { from: "c", to: "d" },
      { from: "d", to: "e" },
      { from: "e", to: "f" },
      { from: "f", to: "d" },
    ];
    const { articulationPoints, bridges } = cutPoints(["a", "b", "c", "d", "e", "f"], edges);
    expect(articulationPoints.sort()).toEqual(["c", "d"]);
    expect(bridges).toEqual([{ from: "c", to: "d" }]);
  });

  it("has no cut point in a cycle, and every edge of a path is a bridge", () => {
    expect(
      cutPoints(
        ["a", "b", "c"],
        [
          { from: "a", to: "b" },
          { from: "b", to: "c" },
          { from: "c", to: "a" },
        ],
      ).articulationPoints,
    ).toEqual([]);
    const path = cutPoints(
      ["a", "b", "c"],
      [
        { from: "a", to: "b" },
        { from: "b", to: "c" },
      ],
    );
    expect(path.articulationPoints).toEqual(["b"]);
    expect(path.bridges).toHaveLength(2);
  });

  it("gives the middle of a directed path all the betweenness", () => {
    const scores = betweenness(
      ["a", "b", "c"],
      [
        { from: "a", to: "b" },
        { from: "b", to: "c" },
      ],
    );
    expect(scores.get("b")).toBeCloseTo(0.5);
    expect(scores.get("a")).toBe(0);
    expect(scores.get("c")).toBe(0);
  });
});
