import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../../server/app.ts";
import type { SecurityConfig } from "../../../server/auth/security-config.ts";
import { bearer, testSecurity } from "../../helpers/auth.ts";
import { testConfig, testGraph } from "../../helpers/graph.ts";

/**
 * Issue 12 items 10 and 11: page reads, writes and exports each have their own rate budget, and
 * heavy work (exports, imports) runs a few at a time, the rest answered 429 + Retry-After at once
 * while reads go on; exports without a token are capped in size.
 */
const graph = testGraph();
let ids: string[];
const apps: App[] = [];

async function appWith(security: Partial<SecurityConfig>) {
  const app = await buildApp({ ...testConfig(), security: testSecurity(security) });
  await app.ready();
  apps.push(app);
  return app;
}

beforeAll(async () => {
  const rows = await graph.runRaw("MATCH (n:Entity) RETURN n.id AS id ORDER BY id LIMIT 300");
  ids = rows.map((r) => String(r.id));
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await graph.driver.close();
});

const exportOf = (app: App, nodeIds: string[], headers: Record<string, string> = {}, format = "json") =>
  app.inject({ method: "POST", url: `/api/export?format=${format}`, payload: { nodeIds }, headers });

const dryRun = (app: App) => {
  const boundary = "----budget-test";
  const csv = "编号 (id),名称 (name),标签 (tags),备注 (note)\r\nfirm:budget-test-dry-run,预算测试企业,,限流测试";
  return app.inject({
    method: "POST",
    url: "/api/import?dryRun=true",
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="firms.csv"\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, ...bearer("admin") },
  });
};

describe("separate rate budgets (item 10)", () => {
  it("lets an export and an admin's dry run through after the read budget is spent", async () => {
    const app = await appWith({ rateLimit: { readsPerMinute: 5, writesPerMinute: 2, exportsPerMinute: 2 } });
    const reads: number[] = [];
    for (let i = 0; i < 7; i++) reads.push((await app.inject({ url: "/api/regions" })).statusCode);
    expect(reads).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect((await exportOf(app, ids.slice(0, 3))).statusCode, "export after the reads are spent").toBe(200);

    const adminReads: number[] = [];
    for (let i = 0; i < 6; i++) adminReads.push((await app.inject({ url: "/api/regions", headers: bearer("admin") })).statusCode);
    expect(adminReads.at(-1)).toBe(429);
    const dry = await dryRun(app);
    expect(dry.statusCode, `an admin's dry run after 6 reads: ${dry.body.slice(0, 200)}`).toBe(200);
  });

  it("counts exports on their own budget, and reads still answer when it is spent", async () => {
    const app = await appWith({ rateLimit: { readsPerMinute: 100, writesPerMinute: 100, exportsPerMinute: 2 } });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await exportOf(app, ids.slice(0, 2))).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const refused = await exportOf(app, ids.slice(0, 2));
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect((await app.inject({ url: "/api/regions" })).statusCode).toBe(200);
    // The template-form export of the whole graph is an export too.
    expect((await app.inject({ url: "/api/export/templates.xlsx" })).statusCode).toBe(429);
  });
});

describe("heavy work under a crowd (item 11)", () => {
  it("refuses an anonymous export over the cap with 413 naming it, and takes it with a token", async () => {
    const app = await appWith({ heavyWork: { concurrent: 2, anonymousExportMaxNodes: 10 } });
    const res = await exportOf(app, ids.slice(0, 11));
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/10 nodes/);
    expect(res.json().fields).toEqual([{ field: "body.nodeIds", message: expect.stringMatching(/10/) }]);
    expect((await exportOf(app, ids.slice(0, 10))).statusCode).toBe(200);
    expect((await exportOf(app, ids.slice(0, 11), bearer("viewer"))).statusCode).toBe(200);
  });

  it("runs two exports at a time, answers the rest 429 + Retry-After at once, and keeps search answering", async () => {
    const app = await appWith({ heavyWork: { concurrent: 2, anonymousExportMaxNodes: 20_000 } });
    const exports = Array.from({ length: 8 }, () => exportOf(app, ids, {}, "xlsx"));
    const search = app.inject({ url: "/api/search?q=%E4%B8%BD%E6%B0%B4" });
    const answers = await Promise.all(exports);
    const codes = answers.map((a) => a.statusCode);
    expect(
      codes.every((c) => c === 200 || c === 429),
      `statuses ${codes}`,
    ).toBe(true);
    expect(codes.filter((c) => c === 429).length, `statuses ${codes}`).toBeGreaterThanOrEqual(1);
    expect(codes.filter((c) => c === 200).length, `statuses ${codes}`).toBeGreaterThanOrEqual(1);
    for (const refused of answers.filter((a) => a.statusCode === 429)) {
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      expect(refused.json().message).toMatch(/busy/);
    }
    expect((await search).statusCode).toBe(200);
    // Every slot is given back: the next two exports run.
    const after = await Promise.all([exportOf(app, ids.slice(0, 5)), exportOf(app, ids.slice(0, 5))]);
    expect(after.map((a) => a.statusCode)).toEqual([200, 200]);
  });

  it("gives a slot back when the export fails", async () => {
    const app = await appWith({ heavyWork: { concurrent: 1, anonymousExportMaxNodes: 20_000 } });
    for (let i = 0; i < 3; i++) expect((await exportOf(app, ["firm:does-not-exist-anywhere"])).statusCode).toBe(404);
    expect((await exportOf(app, ids.slice(0, 2))).statusCode).toBe(200);
  });
});
