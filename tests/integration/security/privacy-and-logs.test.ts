import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_FORMATS } from "../../../model/api/export.ts";
import { type App, buildApp } from "../../../server/app.ts";
import { bearer, TEST_TOKENS, testSecurity } from "../../helpers/auth.ts";
import { testConfig, testGraph } from "../../helpers/graph.ts";
import { captureLog } from "../../helpers/log-capture.ts";

/**
 * Issue 12 item 13 and the privacy part of 15: an import's bookkeeping (its batch id and the
 * editor's token name) never leaves the API in a read or an export, and a token sent in a URL
 * never reaches the log or the audit log as it came.
 */
const graph = testGraph();
const P = `it-privacy-${Date.now().toString(36)}`;
const FIRM = `firm:${P}-a`;
const OTHER = `firm:${P}-b`;
const IMPORTER = `secret-editor-name-${P}`;
const BATCH = `import-${P}`;
let app: App;

beforeAll(async () => {
  // As an import leaves them: both entities and their tie stamped with the batch and the importer.
  await graph.runRaw(
    `CREATE (a:Entity:Firm {id: $a, name: '隐私测试甲', importBatch: $batch, importedBy: $user})
     CREATE (b:Entity:Firm {id: $b, name: '隐私测试乙', importBatch: $batch, importedBy: $user})
     CREATE (a)-[:SUPPLIES {importBatch: $batch, importedBy: $user}]->(b)`,
    { a: FIRM, b: OTHER, batch: BATCH, user: IMPORTER },
  );
  app = await buildApp({ ...testConfig(), security: testSecurity() });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await graph.runRaw("MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n", { p: `firm:${P}` });
  await graph.runRaw("MATCH (a:AuditEntry) WHERE a.url CONTAINS $p DETACH DELETE a", { p: P });
  await graph.driver.close();
});

function expectNoBookkeeping(text: string, what: string) {
  expect(text, what).not.toContain(IMPORTER);
  expect(text, what).not.toContain(BATCH);
  expect(text, what).not.toMatch(/importBatch|importedBy/);
}

async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => cells.push(JSON.stringify(row.values)));
  return cells.join("\n");
}

describe("an import's bookkeeping stays inside", () => {
  it("is absent from node details, neighbourhoods, paths and search, for anyone", async () => {
    for (const headers of [{}, bearer("viewer"), bearer("admin")]) {
      for (const url of [
        `/api/nodes/${FIRM}`,
        `/api/nodes/${FIRM}/neighbors?depth=1`,
        `/api/paths?from=${FIRM}&to=${OTHER}`,
        `/api/search?q=${encodeURIComponent("隐私测试")}`,
      ]) {
        const res = await app.inject({ url, headers });
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).toContain(FIRM);
        expectNoBookkeeping(res.body, url);
      }
    }
  });

  it("is absent from every export format", async () => {
    for (const format of EXPORT_FORMATS) {
      for (const table of format === "csv" ? ["nodes", "edges"] : ["nodes"]) {
        const res = await app.inject({
          method: "POST",
          url: `/api/export?format=${format}&table=${table}`,
          payload: { nodeIds: [FIRM, OTHER] },
        });
        expect(res.statusCode, format).toBe(200);
        const text = format === "xlsx" ? await xlsxText(res.rawPayload) : res.body;
        expect(text, `${format} holds the firm`).toContain(table === "edges" ? "SUPPLIES" : "隐私测试甲");
        expectNoBookkeeping(text, `${format} ${table}`);
      }
    }
  });

  it("shows who imported in the import history to editors and admins only", async () => {
    await graph.runRaw(
      `CREATE (:ImportBatch {id: $batch, user: $user, at: toString(datetime()), fileName: 'privacy.csv', fileHash: 'x', status: 'applied',
        entitiesCreated: 2, entitiesUpdated: 0, entitiesUnchanged: 0, relationsCreated: 1, relationsUpdated: 0,
        relationsUnchanged: 0, documentsCreated: 0})`,
      { batch: BATCH, user: IMPORTER },
    );
    try {
      for (const [who, headers, sees] of [
        ["anonymous", {}, false],
        ["viewer", bearer("viewer"), false],
        ["editor", bearer("editor"), true],
        ["admin", bearer("admin"), true],
      ] as const) {
        const res = await app.inject({ url: "/api/import/batches?limit=500", headers });
        expect(res.statusCode, who).toBe(200);
        const batch = (res.json().batches as { id: string; user: string }[]).find((b) => b.id === BATCH);
        expect(batch, who).toBeDefined();
        expect(batch?.user, who).toBe(sees ? IMPORTER : "");
      }
    } finally {
      await graph.runRaw("MATCH (b:ImportBatch {id: $batch}) DETACH DELETE b", { batch: BATCH });
    }
  });
});

describe("tokens in URLs (item 13)", () => {
  it("masks token= and access_token= in every logged URL and in the audit log", async () => {
    const { stream, text } = captureLog();
    const logged = await buildApp({ ...testConfig(), security: testSecurity() }, { logger: { level: "info", stream } });
    await logged.ready();
    try {
      const secret = TEST_TOKENS.editor;
      const reads = [
        `/api/regions?token=${secret}`,
        `/api/nodes/${FIRM}?x=1&access_token=${secret}&y=2`,
        `/api/no-such-route?Token=${encodeURIComponent(secret)}`,
      ];
      for (const url of reads) await logged.inject({ url, headers: { authorization: `Bearer ${TEST_TOKENS.viewer}` } });
      const write = await logged.inject({
        method: "POST",
        url: `/api/import/batches/import-${P}-none/revert?access_token=${secret}`,
        headers: bearer("editor"),
      });
      expect(write.statusCode).toBe(404);
      const log = text();
      expect(log).toMatch(/"url":"\/api\/regions\?token=\[REDACTED\]"/);
      expect(log).toMatch(/access_token=\[REDACTED\]&y=2/);
      for (const token of Object.values(TEST_TOKENS)) expect(log).not.toContain(token);
      expect(log).not.toContain(encodeURIComponent(secret));
      expect(log.toLowerCase()).not.toContain("authorization");
    } finally {
      await logged.close();
    }
  });

  it("stores a written URL with its token masked in the audit log", async () => {
    const probe = await buildApp({ ...testConfig(), security: testSecurity() });
    probe.post("/api/test-privacy/write", async () => ({ changed: 1 }));
    await probe.ready();
    try {
      const secret = TEST_TOKENS.admin;
      const res = await probe.inject({
        method: "POST",
        url: `/api/test-privacy/write?tag=${P}&token=${secret}`,
        headers: bearer("editor"),
      });
      expect(res.statusCode).toBe(200);
      const audited = await graph.runRaw("MATCH (a:AuditEntry) WHERE a.url CONTAINS $p RETURN a.url AS url", { p: P });
      expect(audited.map((a) => a.url)).toEqual([`/api/test-privacy/write?tag=${P}&token=[REDACTED]`]);
    } finally {
      await probe.close();
    }
  });
});
