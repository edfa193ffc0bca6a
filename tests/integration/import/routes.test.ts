import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { bearer } from "../../helpers/auth.ts";
import { testGraph } from "../../helpers/graph.ts";
import { graphChecksum } from "../../helpers/graph-checksum.ts";
import { multipart } from "../../helpers/multipart.ts";
import { useSecuredApp } from "../../helpers/secured-app.ts";

const graph = testGraph();
const live = useSecuredApp(async () => {
  await graph.runRaw("MATCH (a:AuditEntry) WHERE a.route STARTS WITH '/api/import' DETACH DELETE a");
  await graph.driver.close();
});

const P = `it-import-http-${Date.now().toString(36)}`;

const FIRMS = [
  "编号 (id),名称 (name),标签 (tags),备注 (note)",
  `firm:${P}-a,网页导入甲公司,规上,规划科网页导入测试`,
  `firm:${P}-b,网页导入乙公司,,规划科网页导入测试`,
].join("\r\n");

describe("import over HTTP", () => {
  it("serves each template as CSV (UTF-8 with BOM, bilingual headers) and XLSX", async () => {
    const csv = await live.app.inject({ url: "/api/import/templates/firms.csv" });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-disposition"]).toMatch(/firms\.csv/);
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.rawPayload.toString("utf8")).toMatch(/^\uFEFF编号 \(id\),名称 \(name\),英文名 \(name_en\)/);

    const all = await live.app.inject({ url: "/api/import/templates.xlsx" });
    expect(all.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(all.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["说明 readme", "企业 firms", "区域 regions", "关系 ties", "投资 investments", "项目 projects"]),
    );
    expect(workbook.getWorksheet("基金 funds")?.getRow(1).values).toContain("规模(元) (size_yuan)");

    expect((await live.app.inject({ url: "/api/import/templates/people.csv" })).statusCode).toBe(400);
  });

  it("needs the editor role to import or revert", async () => {
    const body = multipart([{ name: "firms.csv", bytes: Buffer.from(FIRMS) }]);
    expect((await live.app.inject({ method: "POST", url: "/api/import?dryRun=true", ...body })).statusCode).toBe(401);
    expect(
      (
        await live.app.inject({
          method: "POST",
          url: "/api/import?dryRun=true",
          ...body,
          headers: { ...body.headers, ...bearer("viewer") },
        })
      ).statusCode,
    ).toBe(403);
    expect(live.app.routeAccess.get("POST /api/import")).toBe("editor");
    expect(live.app.routeAccess.get("POST /api/import/batches/:id/revert")).toBe("editor");
  });

  it("dry-runs by default, applies with dryRun=false, lists and reverts the batch", async () => {
    const before = await graphChecksum(graph);
    const body = multipart([{ name: "企业.csv", bytes: iconv.encode(FIRMS, "gbk") }]);
    const headers = { ...body.headers, ...bearer("editor") };

    const dry = await live.app.inject({ method: "POST", url: "/api/import", payload: body.payload, headers });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      ok: true,
      counts: { entities: { created: 2 } },
      sheets: [{ kind: "firms", encoding: "gb18030" }],
    });
    // A dry run writes nothing, not even an audit entry: the graph is untouched.
    const audited = await graph.runRaw("MATCH (a:AuditEntry {route: '/api/import'}) RETURN a.summary AS summary");
    expect(audited.map((a) => a.summary)).not.toContain("dry run of 企业.csv");
    await graph.runRaw("MATCH (a:AuditEntry) WHERE a.route STARTS WITH '/api/import' DETACH DELETE a");
    expect(await graphChecksum(graph)).toEqual(before);

    const applied = await live.app.inject({ method: "POST", url: "/api/import?dryRun=false", payload: body.payload, headers });
    expect(applied.statusCode).toBe(200);
    const report = applied.json();
    expect(report).toMatchObject({
      dryRun: false,
      ok: true,
      batch: { user: "test-editor", fileName: "企业.csv", entitiesCreated: 2, status: "applied" },
    });
    const names = await graph.runRaw("MATCH (f:Firm) WHERE f.id STARTS WITH $p RETURN f.name AS name ORDER BY name", { p: `firm:${P}` });
    expect(names.map((r) => r.name)).toEqual(["网页导入乙公司", "网页导入甲公司"]);

    const listed = await live.app.inject({ url: "/api/import/batches", headers: bearer("viewer") });
    expect(listed.json().batches[0]).toMatchObject({ id: report.batch.id, fileHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const reverted = await live.app.inject({
      method: "POST",
      url: `/api/import/batches/${report.batch.id}/revert`,
      headers: bearer("editor"),
    });
    expect(reverted.statusCode).toBe(200);
    expect(reverted.json()).toMatchObject({ id: report.batch.id, status: "reverted", revertedBy: "test-editor" });
    const again = await live.app.inject({
      method: "POST",
      url: `/api/import/batches/${report.batch.id}/revert`,
      headers: bearer("editor"),
    });
    expect(again.statusCode).toBe(409);
    const unknown = await live.app.inject({
      method: "POST",
      url: "/api/import/batches/import-20000101-000000-abcdef/revert",
      headers: bearer("editor"),
    });
    expect(unknown.statusCode).toBe(404);

    await graph.runRaw("MATCH (b:ImportBatch {id: $id}) DELETE b", { id: report.batch.id });
    await graph.runRaw("MATCH (a:AuditEntry) WHERE a.route STARTS WITH '/api/import' DETACH DELETE a");
    expect(await graphChecksum(graph)).toEqual(before);
  });

  it("refuses a bad file with 422 and the problems, and other file types with 400", async () => {
    const bad = multipart([
      { name: "funds.csv", bytes: Buffer.from(`编号,名称,规模(元),备注\nfund:${P}-x,测试基金,亿元以上,规模写法不精确`) },
    ]);
    const res = await live.app.inject({
      method: "POST",
      url: "/api/import?dryRun=false",
      payload: bad.payload,
      headers: { ...bad.headers, ...bearer("editor") },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().problems).toEqual([
      {
        file: "funds.csv",
        sheet: null,
        row: 2,
        column: "size_yuan",
        severity: "error",
        message: expect.stringMatching(/"亿元以上" is an approximate amount/),
      },
    ]);
    const pdf = multipart([{ name: "firms.pdf", bytes: Buffer.from("%PDF") }]);
    const refused = await live.app.inject({
      method: "POST",
      url: "/api/import",
      payload: pdf.payload,
      headers: { ...pdf.headers, ...bearer("editor") },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/only .csv and .xlsx/);
  });

  it("exports the current data as a template workbook", async () => {
    const res = await live.app.inject({ url: "/api/export/templates.xlsx" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const firms = workbook.getWorksheet("企业 firms");
    const ids = firms?.getColumn(1).values.slice(2) as string[];
    expect(ids).toContain("firm:nice-group");
  });
});
