import { describe, expect, it } from "vitest";
import { detectGaps, supportCategory } from "../../../server/analysis/detect-gaps.ts";
import { DEFAULT_THRESHOLDS } from "../../../server/analysis/types.ts";
import { segmentRow } from "./coverage-rows.ts";

const seg = segmentRow;

const empty = { flows: [], leaders: [], support: [], thresholds: DEFAULT_THRESHOLDS };

describe("detectGaps", () => {
  it("reports a missing parent once, not again for each of its sub-segments", () => {
    const { findings } = detectGaps({
      ...empty,
      segments: [seg("p", "midstream", 0), seg("c1", "midstream", 0, "p"), seg("c2", "midstream", 0, "p")],
    });
    expect(findings.filter((f) => f.kind === "missing-segment").map((f) => f.segment)).toEqual(["p"]);
  });

  it("reports a missing sub-segment of a covered parent at medium severity, with the segment's source", () => {
    const { findings } = detectGaps({ ...empty, segments: [seg("p", "midstream", 5), seg("c1", "midstream", 0, "p")] });
    const missing = findings.find((f) => f.id === "missing-segment:c1");
    expect(missing?.severity).toBe("medium");
    expect(missing?.evidence.sources).toEqual([{ doc: "doc:a", quote: "c1 quote" }]);
  });

  it("counts a reported firm figure as coverage where firms are not named", () => {
    const reported = { ...seg("s", "downstream", 0), reportedFirms: 20 };
    const { findings } = detectGaps({ ...empty, segments: [reported] });
    expect(findings.map((f) => f.kind)).not.toContain("missing-segment");
    expect(findings.find((f) => f.kind === "thin-segment")?.message.en).toContain("0 above-scale firms");
  });

  it("computes completeness from the documented parts", () => {
    const { summary } = detectGaps({ ...empty, segments: [seg("a", "upstream", 3), seg("b", "midstream", 0)] });
    // 0.5 × 1/2 + 0.2 × (no flows: segment share 1/2) + 0.15 × 0 (no leader) + 0.15 × 0 (no support)
    expect(summary.completeness).toBe(35);
    expect(summary.coverageByStage.upstream).toEqual({ segments: 1, covered: 1 });
  });

  it("sorts findings high severity first", () => {
    const { findings } = detectGaps({
      ...empty,
      segments: [seg("p", "midstream", 5), seg("c1", "midstream", 0, "p"), seg("x", "upstream", 0)],
    });
    const ranks = findings.map((f) => ({ high: 0, medium: 1, low: 2 })[f.severity]);
    expect(ranks).toEqual([...ranks].sort());
  });
});

describe("supportCategory", () => {
  it("maps institutes, platforms, incubators and funds; parks that only host fill none", () => {
    const actor = (labels: string[], kind?: string) => ({ id: "x", name: "x", _labels: ["Entity", ...labels], kind });
    expect(supportCategory(actor(["Institute"], "university"))).toBe("research");
    expect(supportCategory(actor(["Institute"], "tech-transfer"))).toBe("innovation-platform");
    expect(supportCategory(actor(["Park"], "incubator"))).toBe("incubator");
    expect(supportCategory(actor(["Fund"]))).toBe("fund");
    expect(supportCategory(actor(["Park"], "pilot-zone"))).toBeNull();
  });
});
