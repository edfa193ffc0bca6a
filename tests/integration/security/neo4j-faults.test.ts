import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import neo4j, { Neo4jError } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../../server/app.ts";
import { createDriver } from "../../../server/db/driver.ts";
import { isNeo4jOverloaded } from "../../../server/db/errors.ts";
import { Graph } from "../../../server/db/graph.ts";
import { applySchema } from "../../../server/db/schema.ts";
import { appendAuditEntry } from "../../../server/repositories/audit.ts";
import { bearer, testSecurity } from "../../helpers/auth.ts";
import { feature, square } from "../../helpers/boundary-fixtures.ts";
import { testConfig } from "../../helpers/graph.ts";
import { operationsOf } from "./openapi-operations.ts";
import { listeningAddresses, probeAuditEntry, ScratchNeo4j } from "./scratch-neo4j.ts";

// A heavy read with no index to help it, small memory. Ten billion rows: no machine finishes it
// before a timeout, however idle (a 400-million-row version once finished in 9.5 s on a quiet
// machine, just inside the server's 10 s limit).
const RUNAWAY = "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*) AS n";

let scratch: ScratchNeo4j;
let app: App;
let reads: string[];
/** Reads with every required parameter well formed (ids, search text, path ends), so only the database can fail them. */
let idReads: string[];

beforeAll(async () => {
  // The server cuts anything over 10 s by itself, even a transaction that set no timeout.
  scratch = await ScratchNeo4j.create({ transactionTimeout: "10s" });
  const driver = createDriver(scratch.connection);
  try {
    await applySchema(new Graph(driver, "neo4j", 60_000));
  } finally {
    await driver.close();
  }
  app = await buildApp({ ...testConfig(), neo4j: scratch.connection, queryTimeoutMs: 15_000, security: testSecurity() });
  app.post("/api/test-faults/write", { schema: { hide: true } }, async () => ({
    id: await appendAuditEntry(app.graph, probeAuditEntry("fault-test")),
  }));
  await app.ready();
  // Every read the app offers, plus the audit log, which reads the database too.
  const gets = operationsOf(app).filter((op) => op.method === "GET" && op.path.startsWith("/api/"));
  reads = gets.map((op) => op.path).filter((url) => !url.includes("{") && !/\/api\/(health|ready|audit)$/.test(url));
  idReads = gets
    .filter((op) => op.path.includes("{id}") || op.parameters.some((p) => p.in === "query" && p.required))
    .map((op) => wellFormedUrl(op.path, op.parameters));
}, 300_000);

const SAMPLE_ID: [RegExp, string][] = [
  [/^\/api\/chains\//, "chain:fault"],
  [/^\/api\/regions\//, "region:fault"],
  [/^\/api\/scenarios\//, "scenario-fault"],
  [/^\/api\/nodes\//, "firm:fault"],
];

/** A GET with its path id and required query parameters filled with well-formed values. */
function wellFormedUrl(path: string, parameters: { in: string; name: string; required: boolean }[]): string {
  const id = SAMPLE_ID.find(([prefix]) => prefix.test(path))?.[1] ?? "firm:fault";
  const from = path.endsWith("/changes") ? "2026-01-01" : "firm:fault";
  const value: Record<string, string> = { region: "region:fault", regions: "region:fault", from, to: "firm:other", q: "断库" };
  const query = new URLSearchParams();
  for (const p of parameters) if (p.in === "query" && p.required) query.set(p.name, value[p.name] ?? "x");
  return `${path.replace("{id}", encodeURIComponent(id))}${query.size ? `?${query}` : ""}`;
}

/** Writes of the routes that keep planner data beside the facts: scenarios and boundary files. */
const SCENARIO = {
  name: "断库测试",
  chain: "chain:fault",
  region: "region:fault",
  changes: [{ kind: "remove-firm", firm: "firm:fault" }],
};
const writes: { method: "POST" | "PUT" | "DELETE"; url: string; role: "editor" | "admin"; payload?: object }[] = [
  { method: "POST", url: "/api/scenarios", role: "editor", payload: SCENARIO },
  { method: "PUT", url: "/api/scenarios/scenario-fault", role: "editor", payload: SCENARIO },
  { method: "DELETE", url: "/api/scenarios/scenario-fault", role: "editor" },
  {
    method: "POST",
    url: "/api/regions/region%3Afault/boundary",
    role: "admin",
    payload: { crs: "WGS-84", approvalNumber: "浙S(2024)12号", data: feature("断库区", square(119.9, 28.45, 0.1)) },
  },
  { method: "DELETE", url: "/api/regions/region%3Afault/boundary", role: "admin" },
];

afterAll(async () => {
  try {
    await app?.close();
  } finally {
    await scratch?.destroy();
  }
});

async function get(url: string) {
  return app.inject({ url, headers: bearer("admin") });
}

describe("Neo4j stops while the app serves", () => {
  it("serves normally first", async () => {
    expect((await get("/api/ready")).json()).toEqual({ status: "ready" });
    expect((await get("/api/audit")).statusCode).toBe(200);
  });

  it("answers 503 with Retry-After and a JSON message while Neo4j is down, and /api/ready says why", async () => {
    await scratch.stop();
    const audit = await get("/api/audit");
    expect(audit.statusCode).toBe(503);
    // A well-formed read of one chain, region, node or scenario, a search or a path needs the database: 503, nothing else.
    const notUnavailable: string[] = [];
    for (const url of idReads) {
      const res = await get(url);
      if (res.statusCode !== 503 || !/^\d+$/.test(String(res.headers["retry-after"])) || !/not reachable/.test(res.json().message))
        notUnavailable.push(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(notUnavailable, "id reads that did not answer 503 with Retry-After while Neo4j was down").toEqual([]);
    expect(idReads.length).toBeGreaterThan(10);
    for (const { method, url, role, payload } of writes) {
      const res = await app.inject({ method, url, headers: bearer(role), ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 200)}`).toBe(503);
      expect(res.headers["retry-after"], `${method} ${url}`).toBeDefined();
    }
    let unavailable = 0;
    const broken: string[] = [];
    for (const url of reads) {
      const started = performance.now();
      const res = await get(url).catch((error: Error) => error);
      const took = Math.round(performance.now() - started);
      if (res instanceof Error) {
        // A streamed answer that began with 200 and then died: the client gets a cut download.
        broken.push(`${url}: ${res.message}`);
        continue;
      }
      // Reported, not asserted: the driver retries for up to 5 s before giving up.
      console.log(`${url} while Neo4j is down: ${res.statusCode} after ${took} ms`);
      // Routes that never reach the database (a file template, a 400 for a missing parameter) may
      // answer as usual; any that needs Neo4j must say 503 with Retry-After, never 500 or a hang.
      if (res.statusCode < 500) continue;
      unavailable++;
      if (res.statusCode !== 503 || !/^\d+$/.test(String(res.headers["retry-after"])) || !/not reachable/.test(res.json().message)) {
        broken.push(`${url}: ${res.statusCode} retry-after=${res.headers["retry-after"]} ${res.body.slice(0, 200)}`);
      }
    }
    expect(broken, "reads that did not answer 503 with Retry-After while Neo4j was down").toEqual([]);
    expect(unavailable, "no read reached the database").toBeGreaterThan(0);
    const write = await app.inject({ method: "POST", url: "/api/test-faults/write", headers: bearer("editor") });
    expect(write.statusCode).toBe(503);
    expect(write.headers["retry-after"]).toBeDefined();
    const ready = await get("/api/ready");
    expect(ready.statusCode).toBe(503);
    expect(ready.headers["retry-after"]).toBeDefined();
    expect(ready.json()).toMatchObject({ status: "not ready", reason: expect.stringMatching(/Neo4j is not reachable/) });
  });

  it("resumes by itself when Neo4j is back, without rebuilding the app", async () => {
    await scratch.start();
    let ready = await get("/api/ready");
    // The pool may hold connections to the old process; the driver drops them and reconnects.
    for (let attempt = 0; attempt < 20 && ready.statusCode !== 200; attempt++) {
      await sleep(500);
      ready = await get("/api/ready");
    }
    expect(ready.json()).toEqual({ status: "ready" });
    for (const url of ["/api/audit", ...reads, ...idReads]) expect((await get(url)).statusCode, url).toBeLessThan(500);
    const write = await app.inject({ method: "POST", url: "/api/test-faults/write", headers: bearer("editor") });
    expect(write.statusCode).toBe(200);
  });
});

describe("runaway queries", () => {
  it("are cut by the transaction timeout the app sets, reported as overload, and not left running", async () => {
    const driver = createDriver(scratch.connection);
    try {
      const graph = new Graph(driver, "neo4j", 500);
      const error = await graph.runRaw(RUNAWAY).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Neo4jError);
      expect(isNeo4jOverloaded(error), String((error as Error).message)).toBe(true);
      expect(await stillRunning(new Graph(driver, "neo4j", 10_000))).toBe(0);
    } finally {
      await driver.close();
    }
  });

  it("are cut by the server's own timeout when a client sets none", async () => {
    const driver = createDriver(scratch.connection);
    const session = driver.session({ database: "neo4j", defaultAccessMode: neo4j.session.READ });
    try {
      const error = await session.run(RUNAWAY).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isNeo4jOverloaded(error), String((error as Error)?.message)).toBe(true);
      expect(await stillRunning(new Graph(driver, "neo4j", 10_000))).toBe(0);
    } finally {
      await session.close();
      await driver.close();
    }
  });

  it("turn into a 503 with Retry-After and a message telling to narrow the query", async () => {
    const short = await buildApp({ ...testConfig(), neo4j: scratch.connection, queryTimeoutMs: 500, security: testSecurity() });
    short.get("/api/test-faults/runaway", async () => short.graph.runRaw(RUNAWAY));
    try {
      const res = await short.inject({ url: "/api/test-faults/runaway" });
      expect(res.statusCode).toBe(503);
      expect(res.headers["retry-after"]).toBeDefined();
      expect(res.json().message).toMatch(/took too long/);
      expect(res.body).not.toMatch(/UNWIND|range\(/);
    } finally {
      await short.close();
    }
  });
});

describe("the local Neo4j itself", () => {
  it("listens on loopback only", async () => {
    const port = scratch.port;
    const addresses = await listeningAddresses(port);
    expect(addresses.length, `nothing listens on ${port}`).toBeGreaterThan(0);
    for (const address of addresses) expect(["127.0.0.1", "::1", "::ffff:127.0.0.1"], address).toContain(address);
    const conf = await scratch.neo4jConf();
    expect(conf).toMatch(/^server\.default_listen_address=127\.0\.0\.1$/m);
    expect(conf).toMatch(/^server\.http\.enabled=false$/m);
    // And from another interface of this machine, the port is simply closed.
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === "IPv4" && !i.internal);
    if (external) {
      const outside = neo4j.driver(`bolt://${external.address}:${port}`, neo4j.auth.basic("neo4j", scratch.connection.password), {
        connectionTimeout: 3_000,
      });
      try {
        await expect(outside.verifyConnectivity()).rejects.toThrow();
      } finally {
        await outside.close();
      }
    }
  });

  it("requires authentication", async () => {
    expect(await scratch.neo4jConf()).toMatch(/^dbms\.security\.auth_enabled=true$/m);
    for (const auth of [neo4j.auth.basic("neo4j", "neo4j"), neo4j.auth.basic("neo4j", `${scratch.connection.password}x`)]) {
      const driver = neo4j.driver(scratch.connection.uri, auth);
      try {
        await expect(driver.executeQuery("RETURN 1")).rejects.toMatchObject({
          code: expect.stringMatching(/Unauthorized|AuthenticationRateLimit/),
        });
      } finally {
        await driver.close();
      }
    }
  });
});

async function stillRunning(graph: Graph): Promise<number> {
  // The marker travels as a parameter, so this statement does not count itself.
  const count = async () =>
    Number(
      (
        await graph.runRaw("SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n", {
          marker: "400000000",
        })
      )[0]?.n,
    );
  // Termination is asynchronous on the server; give it a moment before counting.
  for (let attempt = 0; attempt < 20; attempt++) {
    if ((await count()) === 0) return 0;
    await sleep(250);
  }
  return count();
}
