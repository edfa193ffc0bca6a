import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { importDocumentId } from "../../../server/import/read-records.ts";
import type { ImportFile } from "../../../server/import/read-sheets.ts";
import { ImportBusyError } from "../../../server/repositories/import-lock.ts";
import { recoverInterruptedImports, revertImportBatch } from "../../../server/repositories/imports.ts";
import { runImport } from "../../../server/services/import-run.ts";
import { testGraph } from "../../helpers/graph.ts";

/**
 * The write side of imports: reverts leave no orphan documents, concurrent imports take turns,
 * a chunked import or revert owned by a live process is left alone while one whose process died
 * is rolled back at once, and a read after a write is causally chained to it.
 */
const graph = testGraph();
const P = `it-writes-${Date.now().toString(36)}`;
const HEADER = "编号 (id),名称 (name),来源文件 (source_doc),来源日期 (source_date),引文 (source_quote)";
const firms = (lines: string[], header = HEADER): ImportFile => ({
  name: "firms.csv",
  bytes: Buffer.from([header, ...lines].join("\r\n"), "utf8"),
});
const NAMES_ONLY = "编号 (id),名称 (name),备注 (note)";

async function importAs(files: ImportFile[], user = "writes-test") {
  const report = await runImport(graph, files, { dryRun: false, user });
  expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
  return report;
}

let stand: ChildProcess | undefined;
afterEach(async () => {
  stand?.kill("SIGKILL");
  stand = undefined;
  await graph.runRaw("MATCH (l:ImportLock) SET l.holder = null, l.ownerToken = null, l.ownerPid = null, l.ownerHost = null");
  await graph.runRaw("MATCH (b:ImportBatch) WHERE b.id STARTS WITH $p DETACH DELETE b", { p: `import-${P}` });
});
afterAll(async () => {
  await graph.runRaw("MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n", { p: `firm:${P}` });
  await graph.runRaw("MATCH (b:ImportBatch) WHERE b.user IN ['writes-test', 'writer-1', 'writer-2'] DETACH DELETE b");
  await graph.driver.close();
});

/** A process that is alive for the length of a test: the "other app" holding the lease. */
function liveProcess(): number {
  stand = spawn(process.execPath, ["-e", "setTimeout(() => {}, 120000)"], { stdio: "ignore" });
  return stand.pid!;
}

/** Puts an unfinished batch in the database and a lease on the import lock, as another process would. */
async function leaseHeldBy(holder: string, owner: { pid: number; heartbeatAt: string }, status = "reverting") {
  await graph.runRaw(
    "CREATE (b:ImportBatch {id: $holder, status: $status, user: 'other-process', at: $longAgo, fileName: 'x.csv', fileHash: ''})",
    { holder, status, longAgo: new Date(Date.now() - 3_600_000).toISOString() },
  );
  await graph.runRaw(
    "MERGE (l:ImportLock {id: 'imports'}) SET l.holder = $holder, l.op = 'revert', l.ownerHost = $host, l.ownerPid = $pid, l.ownerToken = 'another-process', l.heartbeatAt = $beat",
    { holder, host: os.hostname(), pid: owner.pid, beat: owner.heartbeatAt },
  );
}

const statusOf = async (id: string) =>
  (await graph.runRaw("MATCH (b:ImportBatch {id: $id}) RETURN b.status AS status", { id }))[0]?.status as string | undefined;

describe("reverts and documents", () => {
  it("reverting A then B, both citing the same new document, leaves no orphan document", async () => {
    const doc = `${P} 共同来源文件`;
    const a = await importAs([firms([`firm:${P}-doc-a,甲企业,${doc},2024-05,甲企业见名录`])]);
    const b = await importAs([firms([`firm:${P}-doc-b,乙企业,${doc},2024-05,乙企业见名录`])]);
    expect(a.counts.documentsCreated).toBe(1);
    expect(b.counts.documentsCreated).toBe(0);
    const docId = importDocumentId(doc);
    const docs = () => graph.runRaw("MATCH (d:Document {id: $docId}) RETURN d.id AS id", { docId });

    await revertImportBatch(graph, a.batch!.id, "writes-test");
    expect(await docs(), "B still cites the document").toHaveLength(1);
    await revertImportBatch(graph, b.batch!.id, "writes-test");
    expect(await docs(), "nothing cites the document any more").toEqual([]);
    const firmsLeft = await graph.runRaw("MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN n.id AS id", { p: `firm:${P}-doc` });
    expect(firmsLeft).toEqual([]);
  });
});

describe("concurrent imports", () => {
  it("two imports of the same new records at once take turns: one creates, the other finds them unchanged", async () => {
    const file = firms([`firm:${P}-same-1,同时导入一,并发测试`, `firm:${P}-same-2,同时导入二,并发测试`], NAMES_ONLY);
    const [one, two] = await Promise.all([importAs([file], "writer-1"), importAs([file], "writer-2")]);
    const created = [one, two].map((r) => r.counts.entities.created).sort();
    expect(created).toEqual([0, 2]);
    expect([one, two].filter((r) => r.batch).length, "exactly one batch recorded").toBe(1);
    await revertImportBatch(graph, (one.batch ?? two.batch)!.id, "writes-test");
  });

  it("an import while another process holds the import lock is refused with 409, nothing written", async () => {
    await leaseHeldBy(`import-${P}-held`, { pid: liveProcess(), heartbeatAt: new Date().toISOString() });
    const error = await importAs([firms([`firm:${P}-busy,忙时导入,并发测试`], NAMES_ONLY)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportBusyError);
    expect((error as ImportBusyError).statusCode).toBe(409);
    expect(await graph.runRaw("MATCH (n:Entity {id: $id}) RETURN n", { id: `firm:${P}-busy` })).toEqual([]);
  });
});

describe("recovery of chunked work left by another process", () => {
  it("leaves a long revert alone while its process is alive and heartbeats, and rolls it back once that process is dead", async () => {
    const id = `import-${P}-long-revert`;
    const pid = liveProcess();
    await leaseHeldBy(id, { pid, heartbeatAt: new Date().toISOString() });
    const log: string[] = [];

    expect(await recoverInterruptedImports(graph, undefined, (l) => log.push(l)), "an app start during a live revert").toEqual([]);
    expect(await statusOf(id)).toBe("reverting");

    stand!.kill("SIGKILL");
    await new Promise((resolve) => stand!.once("exit", resolve));
    expect(await recoverInterruptedImports(graph, undefined, (l) => log.push(l)), "an app start after that process died").toEqual([id]);
    expect(await statusOf(id)).toBe("reverted");
  });

  it("does not fail start-up on a batch it cannot roll back yet: it reports it and carries on", async () => {
    const held = `import-${P}-held-live`;
    const orphan = `import-${P}-orphan`;
    await leaseHeldBy(held, { pid: liveProcess(), heartbeatAt: new Date().toISOString() });
    await graph.runRaw("CREATE (b:ImportBatch {id: $orphan, status: 'applying', user: 'x', at: $at, fileName: 'y.csv', fileHash: ''})", {
      orphan,
      at: new Date().toISOString(),
    });
    const log: string[] = [];
    expect(await recoverInterruptedImports(graph, undefined, (l) => log.push(l))).toEqual([]);
    expect(log.join("\n")).toMatch(new RegExp(`${orphan} is not rolled back yet`));
    expect(await statusOf(orphan)).toBe("applying");
  });
});

describe("read after write", () => {
  it("every write session feeds the driver's bookmark manager, so the next read waits for it on any cluster member", async () => {
    const manager = graph.driver.executeQueryBookmarkManager;
    const before = [...(await manager.getBookmarks())];
    const props = { id: `import-${P}-bookmark`, status: "reverted", user: "writes-test", at: new Date().toISOString() };
    await graph.writeTransaction((tx) => tx.run("record-import-batch", { props }));
    const after = [...(await manager.getBookmarks())];
    expect(after.length).toBeGreaterThan(0);
    expect(after).not.toEqual(before);
  });
});
