import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SINGLE_TRANSACTION_MAX_WRITES } from "../../../server/repositories/imports.ts";
import { testConnection, testGraph } from "../../helpers/graph.ts";
import { graphChecksum } from "../../helpers/graph-checksum.ts";

/**
 * A planner's import or a seed load killed midway (power cut, Ctrl-\, OOM killer) must leave
 * nothing behind: both write in one transaction, which Neo4j rolls back when the client dies.
 * Imports too big for one transaction (over SINGLE_TRANSACTION_MAX_WRITES rows) are written in
 * chunks under an "applying" batch; killed midway they leave that batch and its chunks, which no
 * reader may see and which the next run must take back, at once, to exactly the state before. The processes are the real
 * CLIs, against the run's Neo4j, killed with SIGKILL while writing.
 */
const ROWS = 15_000;
const CHUNKED_ROWS = SINGLE_TRANSACTION_MAX_WRITES + 15_000;
const PREFIX = "sec-kill";
const graph = testGraph();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "chain-atlas-interrupted-"));
});
afterAll(async () => {
  // Only reached for cleanup if a test failed and something did get written.
  // Graph runs managed transactions, where CALL { } IN TRANSACTIONS is refused: delete in pages.
  for (let left = 1; left > 0; ) {
    const [row] = await graph.runRaw(
      "MATCH (n) WHERE (n:Entity OR n:ImportStaged) AND n.id STARTS WITH $prefix WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n",
      { prefix: `firm:${PREFIX}` },
    );
    left = Number(row?.n);
  }
  await graph.runRaw("MATCH (d:Document) WHERE d.id STARTS WITH $prefix DETACH DELETE d", { prefix: `doc:${PREFIX}` });
  await graph.driver.close();
  await rm(dir, { recursive: true, force: true });
});

function cli(script: string, args: string[]): ChildProcess {
  const { uri, user, password, database } = testConnection();
  return spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: database, LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Kills the process with SIGKILL as soon as its output matches `when`; fails if it ends first. */
function killWhen(child: ChildProcess, when: RegExp): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve) => {
    let output = "";
    let killed = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!killed && when.test(output)) {
        killed = child.kill("SIGKILL");
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", () => resolve({ killed, output }));
  });
}

async function ourRows() {
  const rows = await graph.runRaw("MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN count(n) AS n", { prefix: `firm:${PREFIX}` });
  return Number(rows[0]?.n);
}

/** Neo4j notices the dead connection and rolls back; wait until no transaction of it is left. */
async function waitForRollback() {
  for (let attempt = 0; attempt < 60; attempt++) {
    const rows = await graph.runRaw(
      "SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n",
    );
    if (Number(rows[0]?.n) === 0) return;
    await sleep(500);
  }
}

async function firmsCsv(rows: number): Promise<string> {
  const header = "编号 (id),名称 (name),标签 (tags),备注 (note)";
  const lines = Array.from({ length: rows }, (_, i) => `firm:${PREFIX}-${i},中断测试企业${i},规上,interrupted-import test row`);
  const file = path.join(dir, `firms-${rows}.csv`);
  await writeFile(file, `${header}\n${lines.join("\n")}\n`);
  return file;
}

/** Rows of ours committed in any form: entities, or new records a chunked import has staged. */
async function writtenRows() {
  const rows = await graph.runRaw("MATCH (n) WHERE (n:Entity OR n:ImportStaged) AND n.id STARTS WITH $prefix RETURN count(n) AS n", {
    prefix: `firm:${PREFIX}`,
  });
  return Number(rows[0]?.n);
}

/** Kills the process with SIGKILL once some of its rows are committed. */
async function killOnceWritten(child: ChildProcess): Promise<{ killed: boolean; output: string }> {
  let output = "";
  let exited = false;
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exit = new Promise<void>((resolve) =>
    child.on("exit", () => {
      exited = true;
      resolve();
    }),
  );
  let killed = false;
  while (!exited && !killed) {
    if ((await writtenRows()) > 0) killed = child.kill("SIGKILL");
    else await sleep(100);
  }
  await exit;
  return { killed, output };
}

function exitCode(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

describe("writes interrupted midway leave no partial data", () => {
  it("an import killed while writing its one transaction", async () => {
    const file = await firmsCsv(ROWS);

    const before = await graphChecksum(graph);
    const run = await killWhen(cli("server/import-cli.ts", [file, "--user", "kill-test"]), /writing /);
    expect(run.killed, `the import ended before it was killed; output:\n${run.output.slice(-2000)}`).toBe(true);
    await waitForRollback();

    expect(await ourRows()).toBe(0);
    const batches = await graph.runRaw("MATCH (b:ImportBatch) WHERE b.user = 'kill-test' RETURN count(b) AS n");
    expect(Number(batches[0]?.n)).toBe(0);
    expect(await graphChecksum(graph)).toEqual(before);
  });

  it("a chunked import killed between chunks shows readers nothing, and the next run rolls it back at once, restoring the graph exactly", async () => {
    const file = await firmsCsv(CHUNKED_ROWS);
    const before = await graphChecksum(graph);
    const run = await killOnceWritten(cli("server/import-cli.ts", [file, "--user", "kill-test-chunked"]));
    expect(run.killed, `the import ended before it was killed; output:\n${run.output.slice(-2000)}`).toBe(true);
    await waitForRollback();

    const left = await graph.runRaw("MATCH (b:ImportBatch) WHERE b.user = 'kill-test-chunked' RETURN b.id AS id, b.status AS status");
    expect(left.map((b) => b.status)).toEqual(["applying"]);
    const partial = await writtenRows();
    expect(partial, "rows of the committed chunks").toBeGreaterThan(0);
    expect(partial).toBeLessThan(CHUNKED_ROWS);
    // What readers see of them: nothing, by label, by id or through the search index.
    expect(await ourRows(), "committed rows visible as entities").toBe(0);
    const [found] = await graph.runRaw(
      "CALL db.index.fulltext.queryNodes('entity_names', '中断测试企业*', {limit: 100}) YIELD node WHERE node.id STARTS WITH $prefix RETURN count(node) AS n",
      { prefix: `firm:${PREFIX}` },
    );
    expect(Number(found?.n), "committed rows found by search").toBe(0);
    const [untagged] = await graph.runRaw(
      "MATCH (n:ImportStaged) WHERE n.id STARTS WITH $prefix AND n.importBatch IS NULL RETURN count(n) AS n",
      { prefix: `firm:${PREFIX}` },
    );
    expect(Number(untagged?.n), "every partial row carries its batch id").toBe(0);

    // The next run of anything (here the CLI listing imports; the app's start does the same) sees
    // that the batch's owner process is dead and rolls it back at once, without waiting.
    const revert = await exitCode(cli("server/import-cli.ts", ["--list"]));
    const [status] = await graph.runRaw("MATCH (b:ImportBatch {id: $id}) RETURN b.status AS status", { id: left[0]?.id });
    expect(revert.code, revert.output.slice(-2000)).toBe(0);
    expect(revert.output).toContain(`Rolled back 1 interrupted import(s): ${left[0]?.id}`);
    expect(status?.status).toBe("reverted");
    expect(await ourRows()).toBe(0);
    expect(await writtenRows()).toBe(0);
    // The batch record itself stays as history ("reverted"); apart from it, the graph is as before.
    const batchId = String(left[0]?.id);
    await graph.runRaw("MATCH (u:ImportUndo {batch: $batchId}) DETACH DELETE u", { batchId });
    await graph.runRaw("MATCH (b:ImportBatch {id: $batchId}) DETACH DELETE b", { batchId });
    expect(await graphChecksum(graph)).toEqual(before);
  });

  it("a seed load killed while writing", async () => {
    const seedDir = path.join(dir, "seed");
    await rm(seedDir, { recursive: true, force: true });
    await import("node:fs/promises").then((fs) => fs.mkdir(seedDir, { recursive: true }));
    await writeFile(
      path.join(seedDir, "documents.json"),
      JSON.stringify([{ id: `doc:${PREFIX}`, title: "中断测试", outlet: "test", date: "2024", file: "none" }]),
    );
    await writeFile(
      path.join(seedDir, "firms.json"),
      JSON.stringify(
        Array.from({ length: ROWS }, (_, i) => ({
          id: `firm:${PREFIX}-${i}`,
          name: `中断测试企业${i}`,
          assumption: "interrupted-seed test",
        })),
      ),
    );

    const before = await graphChecksum(graph);
    // The loader prints progress every tenth; the second tenth means firms are being merged.
    const run = await killWhen(cli("seeds/cli.ts", [seedDir]), /\] 1\d% /);
    expect(run.killed, `the seed load ended before it was killed; output:\n${run.output.slice(-2000)}`).toBe(true);
    await waitForRollback();

    expect(await ourRows()).toBe(0);
    expect(await graphChecksum(graph)).toEqual(before);
  });
});
