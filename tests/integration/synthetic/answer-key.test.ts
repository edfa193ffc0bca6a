import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnswerKeyScore, scoreAnswerKey } from "../../../seeds/synthetic/answer-key.ts";
import { generateSynthetic } from "../../../seeds/synthetic/generate.ts";
import { leaderTies, plantedGaps } from "../../../seeds/synthetic/manifest.ts";
import { removeSynthetic } from "../../../seeds/synthetic/remove.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";

/**
 * The gap detector and the recruitment ranking, through the HTTP API, against the generator's
 * answer key at 20k firms: gap recall ≥ 0.95 and precision ≥ 0.90, the planted best target first
 * for ≥ 95 % of planted gaps, no decoy above it, unrelated decoys never offered, and every
 * leader's supplier and customer counts equal to the key's (with the app's "local").
 */
const graph = testGraph();
let app: Awaited<ReturnType<typeof testApp>>;
let score: AnswerKeyScore;

beforeAll(async () => {
  await removeSynthetic(graph);
  const { plan } = await generateSynthetic(graph, { seed: 7, firms: 20_000 });
  app = await testApp();
  const get = async (url: string) => {
    const res = await app.inject({ url });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  score = await scoreAnswerKey(plantedGaps(plan), leaderTies(plan), get);
}, 900_000);

afterAll(async () => {
  await removeSynthetic(graph);
  await app?.close();
  await graph.driver.close();
});

describe("the app against the synthetic answer key (20k firms)", () => {
  it("finds the planted gaps: recall ≥ 0.95, precision ≥ 0.90", () => {
    expect(score.presences).toBeGreaterThan(20);
    expect(score.gaps.planted).toBeGreaterThan(50);
    expect(score.gaps.recall, JSON.stringify(score.misses.missed)).toBeGreaterThanOrEqual(0.95);
    expect(score.gaps.precision, JSON.stringify(score.misses.extra)).toBeGreaterThanOrEqual(0.9);
  });

  it("ranks the planted best target first for ≥ 95 % of planted gaps, never below a decoy, never offering an unrelated one", () => {
    expect(score.targets.plants).toBeGreaterThan(10);
    expect(score.targets.bestFirstShare, JSON.stringify(score.misses.bestNotFirst)).toBeGreaterThanOrEqual(0.95);
    expect(score.targets.decoyAboveBest).toBe(0);
    expect(score.targets.unrelatedOffered).toBe(0);
  });

  it("counts every planted leader's suppliers and customers apart, as the key does", () => {
    expect(score.leaders.checked).toBeGreaterThan(10);
    expect(score.leaders.ratiosMatch, JSON.stringify(score.misses.leaderMismatch)).toBe(score.leaders.checked);
  });
});
