import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../server/app.ts";
import { revertImportBatch } from "../../../server/repositories/imports.ts";
import { runImport } from "../../../server/services/import-run.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";

/**
 * The app caches the chain list; an import or revert made elsewhere (here: through another driver,
 * as another app instance or the import CLI would) shows in it on the very next request.
 */
const otherInstance = testGraph();
let app: App;
const T = Date.now().toString(36);
const CHAIN = `新导入测试链${T}`;
const CSV = ["名称,备注", `${CHAIN},测试用的产业链，由导入新建`].join("\r\n");

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
  await otherInstance.driver.close();
});

const chainNames = async () => {
  const res = await app.inject({ method: "GET", url: "/api/chains" });
  expect(res.statusCode).toBe(200);
  return (res.json() as { chains: { id: string; name: string }[] }).chains.map((c) => c.name);
};

describe("caches are fresh after an import and a revert", () => {
  it("a chain imported elsewhere is listed at once, and gone at once after the revert", async () => {
    expect(await chainNames()).not.toContain(CHAIN);
    const report = await runImport(otherInstance, [{ name: "chains.csv", bytes: Buffer.from(CSV, "utf8") }], {
      dryRun: false,
      user: "test-planner",
    });
    expect(report.ok, JSON.stringify(report.problems)).toBe(true);
    expect(await chainNames()).toContain(CHAIN);
    await revertImportBatch(otherInstance, report.batch!.id, "test-planner");
    expect(await chainNames()).not.toContain(CHAIN);
    await otherInstance.runRaw("MATCH (b:ImportBatch {id: $id}) DELETE b", { id: report.batch!.id });
  });
});
