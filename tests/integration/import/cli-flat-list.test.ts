import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testGraph } from "../../helpers/graph.ts";
import { graphChecksum } from "../../helpers/graph-checksum.ts";
import { runImportCli as importCli } from "../../helpers/import-cli.ts";

/**
 * The "done when", through the command a planner types: `npm run import -- 企业名录.xlsx
 * --dry-run`, then without --dry-run, on the office's workbook with no ids; again (a no-op); then
 * --revert, back to the exact previous database.
 */
const graph = testGraph();
afterAll(() => graph.driver.close());
const WORKBOOK = path.resolve("tests/fixtures/planner-workbook/企业名录.xlsx");

describe("npm run import on a flat firm list with no ids", () => {
  it("dry run, apply, re-import as a no-op, revert exactly", async () => {
    const before = await graphChecksum(graph);
    const dry = await importCli([WORKBOOK, "--dry-run"]);
    expect(dry.code, dry.out).toBe(0);
    expect(dry.out).toContain("matches existing 缙云县 (region:jinyun)");
    expect(await graphChecksum(graph), "the dry run writes nothing").toEqual(before);

    const applied = await importCli([WORKBOOK, "--user", "cli-test"]);
    expect(applied.code, applied.out).toBe(0);
    const batch = /--revert (import-[0-9a-z-]+)/.exec(applied.out)?.[1];
    expect(batch, applied.out).toBeDefined();

    const again = await importCli([WORKBOOK, "--user", "cli-test"]);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain("nothing changed");
    const firms = await graph.runRaw("MATCH (f:Firm)-[:LOCATED_IN]->(:Region {id: 'region:jinyun'}) RETURN f.name AS name");
    const names = firms.map((f) => String(f.name));
    expect(new Set(names).size, "no firm twice").toBe(names.length);

    const reverted = await importCli(["--revert", batch!, "--user", "cli-test"]);
    expect(reverted.code, reverted.out).toBe(0);
    await graph.runRaw("MATCH (b:ImportBatch {id: $id}) DELETE b", { id: batch });
    expect(await graphChecksum(graph)).toEqual(before);
  });
});
