import { describe, expect, it } from "vitest";
import {
  firmScoreParts,
  SCORE_PARTS_VERSION,
  SIGNAL_WEIGHTS,
  type SignalCounts,
  scoreOf,
  storedScoreParts,
  TAG_WEIGHTS,
  TIE_SIGNALS,
} from "../../../server/analysis/signals.ts";

const none = Object.fromEntries(TIE_SIGNALS.map((k) => [k, 0])) as SignalCounts;

describe("per-firm score parts (stored on every firm for the ranking query)", () => {
  it("weigh each tag by the one table, and the sum of several", () => {
    for (const [tag, weight] of Object.entries(TAG_WEIGHTS)) expect(firmScoreParts({ name: "甲", tags: [tag] }).weightScore).toBe(weight);
    const all = Object.keys(TAG_WEIGHTS);
    expect(firmScoreParts({ name: "甲", tags: all }).weightScore).toBe(Object.values(TAG_WEIGHTS).reduce((a, b) => a + b, 0));
  });

  it("give an unknown tag, no tags and missing tags no weight", () => {
    expect(firmScoreParts({ name: "甲", tags: ["未知标签"] }).weightScore).toBe(0);
    expect(firmScoreParts({ name: "甲", tags: [] }).weightScore).toBe(0);
    expect(firmScoreParts({ name: "甲", tags: null }).weightScore).toBe(0);
    expect(firmScoreParts({ name: "甲" }).weightScore).toBe(0);
  });

  it("flag ST / *ST in the name or any alias, with the query's former rule (ASCII whitespace only)", () => {
    expect(firmScoreParts({ name: "ST康美" }).riskWarning).toBe(true);
    expect(firmScoreParts({ name: "康美药业", aliases: ["*ST 康美"] }).riskWarning).toBe(true);
    expect(firmScoreParts({ name: "康美药业", aliases: null }).riskWarning).toBe(false);
    expect(firmScoreParts({ name: "STMicroelectronics" }).riskWarning).toBe(false);
    expect(firmScoreParts({ name: "康美药业ST" }).riskWarning).toBe(false);
    // The Java regex the ranking query used (\s without UNICODE_CHARACTER_CLASS) did not take an ideographic space.
    expect(firmScoreParts({ name: "ST\u3000康美" }).riskWarning).toBe(false);
  });

  it("add up to the score the explanation computes from the tags and names", () => {
    const firm = { name: "某某", aliases: ["*ST某某"], tags: ["上市", "小巨人", "未知"] };
    const { weightScore, riskWarning } = firmScoreParts(firm);
    const base = scoreOf(none, [], 0.4);
    expect(base + weightScore + (riskWarning ? SIGNAL_WEIGHTS.riskWarning : 0)).toBe(scoreOf(none, firm.tags, 0.4, true));
  });

  it("are stored with the version of the rules, and riskWarning only when it is true", () => {
    expect(storedScoreParts({ name: "甲", tags: ["规上"] })).toEqual({
      weightScore: TAG_WEIGHTS.规上,
      scorePartsVersion: SCORE_PARTS_VERSION,
    });
    expect(storedScoreParts({ name: "*ST甲" })).toEqual({ weightScore: 0, scorePartsVersion: SCORE_PARTS_VERSION, riskWarning: true });
    expect(SCORE_PARTS_VERSION).toMatch(/^[0-9a-f]{12}$/);
  });
});
