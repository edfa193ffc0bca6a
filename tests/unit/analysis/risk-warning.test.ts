import { describe, expect, it } from "vitest";
import { explainTargets, type RankedRow } from "../../../server/analysis/rank-targets.ts";
import { hasRiskWarning, SIGNAL_WEIGHTS, type SignalCounts, scoreOf, TIE_SIGNALS } from "../../../server/analysis/signals.ts";

const none = Object.fromEntries(TIE_SIGNALS.map((k) => [k, 0])) as SignalCounts;
const all = Object.fromEntries(TIE_SIGNALS.map((k) => [k, 3])) as SignalCounts;

describe("ST / *ST risk warning: a negative signal", () => {
  it("recognises the stock short names under risk warning, and only those", () => {
    expect(hasRiskWarning(["ST康美"])).toBe(true);
    expect(hasRiskWarning(["康美药业", "*ST 康美"])).toBe(true);
    expect(hasRiskWarning(["*ST海投"])).toBe(true);
    expect(hasRiskWarning(["STMicroelectronics", "意法半导体"])).toBe(false);
    expect(hasRiskWarning(["康美药业ST"])).toBe(false);
  });

  it("ranks a warned firm with every tie below an unwarned firm with none", () => {
    const warned = scoreOf(all, ["小巨人", "独角兽", "专精特新", "龙头", "上市", "规上", "高新技术"], 1, true);
    expect(warned).toBeLessThan(scoreOf(none, [], 0));
  });

  it("explains the penalty as its own reason with its negative weight", () => {
    const row: RankedRow = {
      firm: { id: "firm:st", _labels: ["Entity", "Firm"], name: "*ST 示例" },
      gaps: ["segment:x"],
      counts: none,
      density: 0,
      riskWarning: true,
      score: scoreOf(none, [], 0, true),
    };
    const [target] = explainTargets([row], [], { offset: 0, densityNote: () => null });
    const reason = target?.reasons.find((r) => r.kind === "riskWarning");
    expect(reason?.weight).toBe(SIGNAL_WEIGHTS.riskWarning);
    expect(reason?.message.zh).toContain("ST");
  });
});
