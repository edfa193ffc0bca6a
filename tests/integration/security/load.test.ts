import { spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../../server/app.ts";
import { bearer, testSecurity } from "../../helpers/auth.ts";
import { testConfig, testGraph } from "../../helpers/graph.ts";

/**
 * Readers hammer the main endpoints from a separate process for a fixed, short time while
 * writers import spreadsheets through the API: no 5xx, no errors or timeouts, and every
 * imported record is there afterwards. p99 is reported, not asserted (no wall-clock claims).
 */
const SECONDS = 10;
const CONNECTIONS = 8;
const MAX_REQUESTS = 40_000;
const WRITERS = 3;
const IMPORTS_PER_WRITER = 4;
const FIRMS_PER_IMPORT = 25;
const PREFIX = "sec-load";

const graph = testGraph();
let app: App;
let base: string;
const batchIds: string[] = [];
const startedAt = new Date().toISOString();

beforeAll(async () => {
  app = await buildApp({
    ...testConfig(),
    security: testSecurity({ rateLimit: { readsPerMinute: 10_000_000, writesPerMinute: 100_000, exportsPerMinute: 100_000 } }),
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app.close();
  await graph.runRaw("MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n", { prefix: `firm:${PREFIX}` });
  await graph.runRaw("MATCH (b:ImportBatch) WHERE b.id IN $ids DETACH DELETE b", { ids: batchIds });
  // The audit entries of these imports too: other files checksum the whole graph.
  await graph.runRaw(
    "MATCH (a:AuditEntry) WHERE a.actor = 'test-editor' AND a.url STARTS WITH '/api/import' AND a.at >= datetime($since) DETACH DELETE a",
    { since: startedAt },
  );
  await graph.driver.close();
});

/** The main read endpoints, with ids from the demo data, each checked to answer 200 before the run. */
async function readPaths(): Promise<string[]> {
  const [row] = await graph.runRaw(
    "MATCH (r:Region)-[:DEVELOPS]->(c:Chain) MATCH (f:Firm)-[:IN_SEGMENT]->(:Segment)-[:SEGMENT_OF]->(c) RETURN r.id AS region, c.id AS chain, f.id AS firm LIMIT 1",
  );
  const { region, chain, firm } = row as { region: string; chain: string; firm: string };
  const candidates = [
    `/api/search?q=${encodeURIComponent("纳爱斯")}`,
    "/api/regions",
    "/api/chains",
    `/api/chains/${chain}`,
    `/api/nodes/${firm}`,
    `/api/nodes/${firm}/neighbors?depth=2`,
    `/api/chains/${chain}/map?region=${region}`,
    `/api/chains/${chain}/gaps?region=${region}`,
    `/api/chains/${chain}/targets?region=${region}`,
    "/api/health",
  ];
  const ok: string[] = [];
  for (const path of candidates) {
    const res = await app.inject({ url: path });
    if (res.statusCode === 200) ok.push(path);
    else console.log(`load: leaving out ${path} (answers ${res.statusCode} before the run)`);
  }
  return ok;
}

function runReaders(paths: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "tests/integration/security/load-client.ts",
        base,
        JSON.stringify(paths),
        String(SECONDS),
        String(CONNECTIONS),
        String(MAX_REQUESTS),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) reject(new Error(`load client failed (${code}): ${err.slice(-2000)}`));
      else resolve(JSON.parse(line));
    });
  });
}

function firmsCsv(writer: number, round: number): Buffer {
  const lines = Array.from(
    { length: FIRMS_PER_IMPORT },
    (_, i) => `firm:${PREFIX}-${writer}-${round}-${i},负载测试企业${writer}-${round}-${i},规上,load test`,
  );
  return Buffer.from(`编号 (id),名称 (name),标签 (tags),备注 (note)\r\n${lines.join("\r\n")}\r\n`);
}

async function importOverHttp(writer: number, round: number): Promise<{ status: number; created: number }> {
  const boundary = `----sec-load-${writer}-${round}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="firms-${writer}-${round}.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    firmsCsv(writer, round),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await fetch(`${base}/api/import?dryRun=false`, {
    method: "POST",
    headers: { ...bearer("editor"), "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
  });
  const report = (await res.json()) as { batch?: { id: string; entitiesCreated: number } };
  if (report.batch) batchIds.push(report.batch.id);
  return { status: res.status, created: report.batch?.entitiesCreated ?? 0 };
}

async function runWriters() {
  const results: { status: number; created: number }[] = [];
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let round = 0; round < IMPORTS_PER_WRITER; round++) results.push(await importOverHttp(writer, round));
    }),
  );
  return results;
}

describe("under load", () => {
  it("serves concurrent readers without a 5xx while writers import, and loses no write", async () => {
    const paths = await readPaths();
    expect(paths.length, "no main read endpoint answered 200 before the run").toBeGreaterThanOrEqual(4);

    const [readers, writes] = await Promise.all([runReaders(paths), runWriters()]);
    console.log(`load: readers ${JSON.stringify(readers)}`);
    console.log(`load: ${writes.length} imports, statuses ${JSON.stringify(writes.map((w) => w.status))}`);

    expect(readers.requests as number).toBeGreaterThan(0);
    expect(readers["5xx"], "5xx answers under load").toBe(0);
    expect(readers.errors, "connection errors under load").toBe(0);
    expect(readers.timeouts, "timeouts under load").toBe(0);
    expect(readers.non2xx, "non-2xx answers to valid reads under load").toBe(0);

    expect(writes.map((w) => w.status)).toEqual(Array(WRITERS * IMPORTS_PER_WRITER).fill(200));
    expect(writes.reduce((n, w) => n + w.created, 0)).toBe(WRITERS * IMPORTS_PER_WRITER * FIRMS_PER_IMPORT);
    const [count] = await graph.runRaw("MATCH (n:Firm) WHERE n.id STARTS WITH $prefix RETURN count(n) AS n", { prefix: `firm:${PREFIX}` });
    expect(Number(count?.n), "firms present after the concurrent imports").toBe(WRITERS * IMPORTS_PER_WRITER * FIRMS_PER_IMPORT);
  });
});
