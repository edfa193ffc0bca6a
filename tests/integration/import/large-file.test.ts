import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SCORE_PARTS_VERSION, TAG_WEIGHTS } from "../../../server/analysis/signals.ts";
import { testGraph } from "../../helpers/graph.ts";
import { graphChecksum } from "../../helpers/graph-checksum.ts";
import { runImportCli } from "../../helpers/import-cli.ts";

const graph = testGraph();
let dir = "";
afterAll(async () => {
  await graph.driver.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const ROWS = 100_000;
const HEAP_MB = 256;
const PREFIX = `firm:bulk-${Date.now().toString(36)}`;

function firmCsv(): string {
  const lines = [
    "编号 (id),名称 (name),别名 (aliases),标签 (tags),产品 (products),简介 (description),来源文件 (source_doc),来源日期 (source_date),引文 (source_quote)",
  ];
  const tags = ["规上", "专精特新", "高新技术"];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `${PREFIX}-${i},丽水批量测试企业${i}有限公司,批量${i},${tags[i % 3]},日化用品；包装材料,莲都区规上企业名录第${i}条,2024年莲都区企业名录,2024-06,名录第${i}行：丽水批量测试企业${i}有限公司`,
    );
  }
  return `\uFEFF${lines.join("\r\n")}`;
}

// The bound: the whole import runs in a Node heap far smaller than the data it writes.
const cli = (args: string[]) => runImportCli(args, { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` });

const countBulk = async () =>
  (await graph.runRaw("MATCH (f:Firm) WHERE f.id STARTS WITH $p RETURN count(f) AS n", { p: PREFIX }))[0]?.n as number;

describe("a 100,000-row firm file", () => {
  it(`imports with progress in a ${HEAP_MB} MB heap, re-imports as a no-op, and reverts to the exact previous database`, async () => {
    const before = await graphChecksum(graph);
    dir = await mkdtemp(path.join(os.tmpdir(), "chain-atlas-import-"));
    const file = path.join(dir, "firms.csv");
    await writeFile(file, firmCsv());

    const first = await cli([file, "--user", "bulk-test"]);
    expect(first.code, first.out.slice(-3000)).toBe(0);
    expect(first.out).toMatch(/\[#+-*\] \d+% reading/);
    expect(first.out).toMatch(/\[#+-*\] \d+% writing Firm/);
    expect(first.out).toMatch(/records: 100000 created, 0 updated, 0 unchanged/);
    expect(await countBulk()).toBe(ROWS);
    const batchId = /imported as batch (import-[0-9a-z-]+)/.exec(first.out)?.[1];
    expect(batchId).toBeDefined();
    const sample = await graph.runRaw("MATCH (f:Firm {id: $id}) RETURN f.name AS name, f.tags AS tags, f.importBatch AS batch", {
      id: `${PREFIX}-77778`,
    });
    expect(sample).toEqual([{ name: "丽水批量测试企业77778有限公司", tags: ["规上"], batch: batchId }]);
    // Firms staged chunk by chunk carry their score parts from their own rows (the ranking reads them).
    const parts = await graph.runRaw(
      "MATCH (f:Firm) WHERE f.id STARTS WITH $prefix RETURN f.scorePartsVersion AS version, f.weightScore AS weight, count(*) AS n ORDER BY weight",
      { prefix: `${PREFIX}-` },
    );
    expect(parts).toEqual(
      ["规上", "专精特新", "高新技术"]
        .map((tag, i) => ({
          version: SCORE_PARTS_VERSION,
          weight: TAG_WEIGHTS[tag] ?? 0,
          n: Math.floor(ROWS / 3) + (i < ROWS % 3 ? 1 : 0),
        }))
        .sort((a, b) => a.weight - b.weight),
    );

    const again = await cli([file, "--user", "bulk-test"]);
    expect(again.code, again.out.slice(-3000)).toBe(0);
    expect(again.out).toMatch(/nothing changed.*0 created, 0 updated, 100000 unchanged/);

    const reverted = await cli(["--revert", batchId!, "--user", "bulk-test"]);
    expect(reverted.code, reverted.out.slice(-3000)).toBe(0);
    expect(await countBulk()).toBe(0);
    await graph.runRaw("MATCH (b:ImportBatch {id: $id}) DELETE b", { id: batchId });
    expect(await graphChecksum(graph)).toEqual(before);
  }, 1_200_000);
});
