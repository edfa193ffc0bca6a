import { describe, expect, it } from "vitest";
import { distinctRegions } from "../../../bench/pack.ts";
import type { PlantedGaps } from "../../../seeds/synthetic/manifest.ts";

const presence = (region: string, chain: string) => ({ region, chain }) as PlantedGaps;

describe("the bench's pack sample", () => {
  it("takes different regions even when the presences come grouped by region", () => {
    const presences = ["r1", "r2", "r3", "r4", "r5", "r6"].flatMap((r) => ["c1", "c2", "c3"].map((c) => presence(r, c)));
    const sample = distinctRegions(presences, 3);
    expect(sample).toHaveLength(3);
    expect(new Set(sample.map((p) => p.region)).size).toBe(3);
    expect(sample.map((p) => p.region)).toEqual(["r1", "r3", "r5"]);
  });

  it("takes every region once when there are fewer regions than runs", () => {
    const sample = distinctRegions([presence("r1", "c1"), presence("r1", "c2"), presence("r2", "c1")], 3);
    expect(sample.map((p) => p.region)).toEqual(["r1", "r2"]);
  });
});
