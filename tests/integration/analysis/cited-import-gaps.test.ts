import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../server/app.ts";
import { importDocumentId } from "../../../server/import/read-records.ts";
import { revertImportBatch } from "../../../server/repositories/imports.ts";
import { runImport } from "../../../server/services/import-run.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";

/**
 * Regression: a row citing a source document by name (来源文件 + 原文, as docs/import.md asks)
 * creates a Document with no outlet and no file; the gap report cites it and used to answer 500
 * (the projection handed `file: null` to a schema that allows only a missing file).
 */
const graph = testGraph();
let app: App;
let batch: string;
const T = Date.now().toString(36);
const DOC = `莲都区测试规划-${T}`;
const SRC = `${DOC},2024-05,规划原文：发展测试环节`;
const files = [
  { name: "产业链.csv", bytes: Buffer.from(["名称,来源文件,来源日期,原文", `引用测试链${T},${SRC}`].join("\r\n")) },
  {
    name: "环节.csv",
    bytes: Buffer.from(["名称,阶段,所属产业链,来源文件,来源日期,原文", `引用测试环节${T},上游,引用测试链${T},${SRC}`].join("\r\n")),
  },
];

beforeAll(async () => {
  app = await testApp();
  const report = await runImport(graph, files, { dryRun: false, user: "test-planner" });
  expect(report.ok, JSON.stringify(report.problems)).toBe(true);
  batch = report.batch!.id;
});
afterAll(async () => {
  await revertImportBatch(graph, batch, "test-planner");
  await graph.runRaw("MATCH (b:ImportBatch {id: $id}) DELETE b", { id: batch });
  await app.close();
  await graph.driver.close();
});

describe("an imported chain whose rows cite a document", () => {
  const chain = encodeURIComponent(`chain:引用测试链${T}`);
  it("gap report answers 200 and lists the imported document without a file", async () => {
    const res = await app.inject({ method: "GET", url: `/api/chains/${chain}/gaps?region=region:lianzhou` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json() as { findings: { kind: string }[]; documents: Record<string, unknown>[] };
    expect(body.findings.map((f) => f.kind)).toContain("missing-segment");
    const doc = body.documents.find((d) => d.id === importDocumentId(DOC));
    expect(doc).toEqual({ id: importDocumentId(DOC), title: DOC, date: "2024-05", outlet: "导入 import" });
  });

  it("the map, targets and compare views that read the gap report answer 200 too", async () => {
    for (const view of ["map?region=region:lianzhou", "targets?region=region:lianzhou", "compare?regions=region:lianzhou"]) {
      const res = await app.inject({ method: "GET", url: `/api/chains/${chain}/${view}` });
      expect(res.statusCode, `${view}: ${res.body.slice(0, 300)}`).toBe(200);
    }
  });
});
