import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../../server/app.ts";
import { bearer, testSecurity } from "../../helpers/auth.ts";
import { testConfig, testGraph } from "../../helpers/graph.ts";
import { runImportCli } from "../../helpers/import-cli.ts";
import { multipart } from "../../helpers/multipart.ts";

/**
 * Findings 5 and 6 of issue 12 as a planner meets them: firms stored with U+FFFF and with
 * formula-like names, exported by the app (XLSX over HTTP) and by the CLI (CSV), then imported
 * again. The XLSX opens and imports (the name loses only U+FFFF); the CSV holds no formula and
 * imports back unchanged.
 */
const graph = testGraph();
let app: App;
let batchId = "";
let dir = "";
const P = `it-export-reimport-${Date.now().toString(36)}`;
const NAMES = {
  [`firm:${P}-ffff`]: `丽水\uFFFF美妆\uFFFE集团${P}`,
  [`firm:${P}-link`]: `=HYPERLINK("http://evil.example","点击")${P}`,
  [`firm:${P}-cmd`]: `+cmd|' /C calc'!A0${P}`,
  [`firm:${P}-sum`]: `@SUM(1+1)${P}`,
  [`firm:${P}-minus`]: `-2+3${P}`,
};

beforeAll(async () => {
  app = await buildApp({ ...testConfig(), security: testSecurity() });
  await app.ready();
  const csv = [
    "编号 (id),名称 (name),备注 (note)",
    ...Object.entries(NAMES).map(([id, name]) => `${id},"${name.replace(/"/g, '""')}",导出再导入测试`),
  ].join("\r\n");
  const body = multipart([{ name: "firms.csv", bytes: Buffer.from(csv, "utf8") }]);
  const applied = await app.inject({
    method: "POST",
    url: "/api/import?dryRun=false",
    payload: body.payload,
    headers: { ...body.headers, ...bearer("editor") },
  });
  expect(applied.statusCode, applied.body).toBe(200);
  batchId = applied.json().batch.id;
  const stored = await graph.runRaw("MATCH (f:Firm) WHERE f.id STARTS WITH $p RETURN f.id AS id, f.name AS name", { p: `firm:${P}` });
  expect(Object.fromEntries(stored.map((r) => [r.id, r.name]))).toEqual(NAMES);
});

afterAll(async () => {
  if (batchId) await app.inject({ method: "POST", url: `/api/import/batches/${batchId}/revert`, headers: bearer("editor") });
  await graph.runRaw("MATCH (b:ImportBatch {id: $id}) DETACH DELETE b", { id: batchId });
  await graph.runRaw("MATCH (a:AuditEntry) WHERE a.route STARTS WITH '/api/import' DETACH DELETE a");
  await app.close();
  await graph.driver.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function dryRun(files: { name: string; bytes: Buffer }[]) {
  const body = multipart(files);
  return app.inject({
    method: "POST",
    url: "/api/import?dryRun=true",
    payload: body.payload,
    headers: { ...body.headers, ...bearer("editor") },
  });
}

describe("the app's own exports import again", () => {
  it("GET /api/export/templates.xlsx with U+FFFF in a name: the workbook imports; only U+FFFE/U+FFFF are gone (finding 5)", async () => {
    const exported = await app.inject({ url: "/api/export/templates.xlsx" });
    expect(exported.statusCode).toBe(200);
    const dry = await dryRun([{ name: "chain-atlas-data.xlsx", bytes: exported.rawPayload }]);
    expect(dry.statusCode, dry.body.slice(0, 500)).toBe(200);
    const changes = (dry.json().changes as { what: string }[]).map((c) => c.what);
    expect(changes).toEqual([expect.stringContaining(`firm:${P}-ffff`)]);
    expect(changes[0]).toContain(`丽水美妆集团${P}`);
  });

  it("npm run import -- --export … --format csv writes no formula, and the CSV imports back unchanged (finding 6)", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "chain-atlas-cli-export-"));
    const run = await runImportCli(["--export", dir, "--format", "csv"]);
    expect(run.code, run.out.slice(-2000)).toBe(0);
    const bytes = await readFile(path.join(dir, "firms.csv"));
    const rows = parseCsv(bytes, { bom: true, relax_column_count: true }) as string[][];
    for (const row of rows) for (const cell of row) expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
    const ours = rows.filter((row) => row[0]?.startsWith(`firm:${P}`) && !row[0].endsWith("-ffff"));
    expect(ours.map((row) => row[1])).toEqual(
      expect.arrayContaining(Object.entries(NAMES).flatMap(([id, name]) => (id.endsWith("-ffff") ? [] : [`'${name}`]))),
    );
    const dry = await dryRun([{ name: "firms.csv", bytes }]);
    expect(dry.statusCode, dry.body.slice(0, 500)).toBe(200);
    expect(dry.json().changes).toEqual([]);
  });
});
