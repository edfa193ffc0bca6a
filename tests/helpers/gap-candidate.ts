import { expect } from "vitest";
import type { App } from "../../server/app.ts";
import { firstAnswer } from "./answered.ts";
import { bearer } from "./auth.ts";

/**
 * A missing segment of the region and its best-ranked outside candidate, from the API: the gap a
 * planner would recruit into (the demo's synthetic outside firms must be loaded).
 */
export async function gapWithCandidate(app: App, chain: string, region: string): Promise<{ segment: string; firm: string }> {
  const gaps = await firstAnswer(app, { url: `/api/chains/${chain}/gaps?region=${region}`, headers: bearer("viewer") });
  expect(gaps.statusCode, gaps.body).toBe(200);
  for (const f of gaps.json().findings as { kind: string; segment: string }[]) {
    if (f.kind !== "missing-segment") continue;
    const targets = await app.inject({
      url: `/api/chains/${chain}/targets?region=${region}&segment=${f.segment}&limit=1`,
      headers: bearer("viewer"),
    });
    const firm = targets.json().targets?.[0]?.firm?.id as string | undefined;
    if (firm) return { segment: f.segment, firm };
  }
  throw new Error("the region has no missing segment with candidates");
}
