import { afterAll, describe, expect, it } from "vitest";
import type { ImportFile } from "../../../server/import/read-sheets.ts";
import { searchEntities } from "../../../server/repositories/search.ts";
import { revertImportBatch } from "../../../server/services/import-revert.ts";
import { runImport } from "../../../server/services/import-run.ts";
import { testGraph } from "../../helpers/graph.ts";

/**
 * A firm's search keys (pinyin initials, `nameInitials`) count its name and every alias. An import
 * whose file has a name column and no aliases column changes the name and keeps the stored
 * aliases, so the keys it writes still hold the aliases' initials, as when the firm was first
 * written (the name column is required, so there is no aliases-only update).
 */
const graph = testGraph();
const P = `it-initials-${Date.now().toString(36)}`;
const ID = `firm:${P}`;
const cite = "测试文件,2026-01-01,测试引文";
const SOURCES = "来源文件 (source_doc),来源日期 (source_date),引文 (source_quote)";

const csv = (header: string, line: string): ImportFile => ({
  name: "firms.csv",
  bytes: Buffer.from([header, line].join("\r\n"), "utf8"),
});

async function importFile(file: ImportFile) {
  const report = await runImport(graph, [file], { dryRun: false, user: "initials-test" });
  expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
  return report.batch!.id;
}

const found = async (typed: string) => (await searchEntities(graph, typed, ["Firm"], 5)).map((hit) => hit.id);
const initialsOf = async () => (await graph.runRaw("MATCH (f:Firm {id: $id}) RETURN f.nameInitials AS initials", { id: ID }))[0]?.initials;

afterAll(async () => {
  await graph.runRaw("MATCH (n:Entity {id: $id}) DETACH DELETE n", { id: ID });
  await graph.runRaw("MATCH (b:ImportBatch) WHERE b.user = 'initials-test' DETACH DELETE b");
  await graph.driver.close();
});

describe("pinyin initials after an import that changes only some of the names", () => {
  it("keep the stored aliases' initials when an import changes only the name", async () => {
    const first = await importFile(csv(`编号 (id),名称 (name),别名 (aliases),${SOURCES}`, `${ID},缙云县青岚化工有限公司,青岚化工,${cite}`));
    expect(await found("qlhg")).toContain(ID);

    const renamed = await importFile(csv(`编号 (id),名称 (name),${SOURCES}`, `${ID},丽水市碧湖新材料有限公司,${cite}`));
    expect(await found("lssbhxcl")).toContain(ID);
    // The alias was not in the file: it is still the firm's, and still found by its initials.
    expect(await found("qlhg")).toContain(ID);
    expect(await initialsOf()).toBe("lssbhxclyxgs qlhg");

    // A file with an aliases column replaces them, and the keys follow.
    const realiased = await importFile(
      csv(`编号 (id),名称 (name),别名 (aliases),${SOURCES}`, `${ID},丽水市碧湖新材料有限公司,碧湖材料,${cite}`),
    );
    expect(await initialsOf()).toBe("lssbhxclyxgs bhcl");
    expect(await found("qlhg")).not.toContain(ID);

    // Reverts give back the keys each import replaced.
    await revertImportBatch(graph, realiased, "initials-test");
    expect(await initialsOf()).toBe("lssbhxclyxgs qlhg");
    await revertImportBatch(graph, renamed, "initials-test");
    expect(await initialsOf()).toBe("jyxqlhgyxgs qlhg");
    await revertImportBatch(graph, first, "initials-test");
    expect(await initialsOf()).toBeUndefined();
  });
});
