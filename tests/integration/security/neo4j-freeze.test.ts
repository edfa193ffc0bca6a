import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../../server/app.ts";
import { createDriver } from "../../../server/db/driver.ts";
import { Graph } from "../../../server/db/graph.ts";
import { applySchema } from "../../../server/db/schema.ts";
import { appendAuditEntry } from "../../../server/repositories/audit.ts";
import { bearer, testSecurity } from "../../helpers/auth.ts";
import { testConfig } from "../../helpers/graph.ts";
import { probeAuditEntry, ScratchNeo4j } from "./scratch-neo4j.ts";

/**
 * A Neo4j that stops answering without closing its sockets (SIGSTOP: a frozen JVM, a stalled VM,
 * a network that drops packets) and one that dies outright (kill -9) and comes back. The app's
 * own bounds must end every request with a 503 while the server is frozen, and the first request
 * after the server is back must succeed. No wall-clock figure is asserted: "before the freeze
 * ends" is the bound, and the freeze is many times longer than the app's timeouts.
 */
const QUERY_TIMEOUT_MS = 3_000;
const FREEZE_MS = 45_000;

let scratch: ScratchNeo4j;
let app: App;

beforeAll(async () => {
  scratch = await ScratchNeo4j.create();
  const driver = createDriver(scratch.connection);
  try {
    await applySchema(new Graph(driver, "neo4j", 60_000));
  } finally {
    await driver.close();
  }
  app = await buildApp({ ...testConfig(), neo4j: scratch.connection, queryTimeoutMs: QUERY_TIMEOUT_MS, security: testSecurity() });
  app.post("/api/test-faults/write", { schema: { hide: true } }, async () => ({
    id: await appendAuditEntry(app.graph, probeAuditEntry("freeze-test")),
  }));
  await app.ready();
}, 300_000);

afterAll(async () => {
  // Thawed first: a test that failed mid-freeze leaves the server stopped, and the app's close waits on it.
  scratch?.thaw();
  try {
    await app?.close();
  } finally {
    await scratch?.destroy();
  }
});

const PROBES = [
  { method: "GET" as const, url: "/api/ready" },
  { method: "GET" as const, url: "/api/regions" },
  { method: "GET" as const, url: "/api/search?q=%E4%B8%BD%E6%B0%B4" },
  { method: "GET" as const, url: "/api/audit" },
  { method: "POST" as const, url: "/api/test-faults/write" },
];

function probe({ method, url }: (typeof PROBES)[number]) {
  return app.inject({ method, url, headers: bearer("admin") });
}

/** A few tries: a scratch server on a loaded machine may need more than the short timeout for its first plans. */
async function servesAll() {
  for (const p of PROBES) {
    let res = await probe(p);
    for (let attempt = 0; attempt < 10 && res.statusCode >= 300; attempt++) res = await probe(p);
    expect(res.statusCode, `${p.url}: ${res.body.slice(0, 200)}`).toBeLessThan(300);
  }
}

describe("a frozen Neo4j (SIGSTOP)", () => {
  it("serves normally first, so the pool holds live connections to the server about to freeze", async () => {
    await servesAll();
  }, 120_000);

  it("every request ends with 503 and Retry-After while the server is still frozen", async () => {
    const pid = scratch.pid!;
    process.kill(pid, "SIGSTOP");
    let frozen = true;
    const thaw = setTimeout(() => {
      frozen = false;
      process.kill(pid, "SIGCONT");
    }, FREEZE_MS);
    try {
      const answers = await Promise.all(
        PROBES.map(async (p) => {
          const res = await probe(p);
          return { url: p.url, status: res.statusCode, retryAfter: res.headers["retry-after"], duringFreeze: frozen, body: res.body };
        }),
      );
      for (const a of answers) {
        expect(a.duringFreeze, `${a.url} answered only after the freeze ended`).toBe(true);
        expect(a.status, `${a.url}: ${a.body.slice(0, 200)}`).toBe(503);
        expect(a.retryAfter, a.url).toMatch(/^\d+$/);
      }
      // A second round while still frozen: connections stuck on the first round must not make it hang.
      const again = await probe(PROBES[1]!);
      expect(frozen, "the second round answered only after the freeze ended").toBe(true);
      expect(again.statusCode).toBe(503);
    } finally {
      clearTimeout(thaw);
      process.kill(pid, "SIGCONT");
    }
  }, 120_000);

  it("serves again once the server runs again", async () => {
    await servesAll();
  }, 120_000);
});

describe("a Neo4j killed with kill -9 and started again", () => {
  it("answers 503 while it is gone and succeeds at the first request once it has started", async () => {
    // The usual query timeout here: a cold server's first plans may take more than the 1 s above.
    const steady = await buildApp({ ...testConfig(), neo4j: scratch.connection, queryTimeoutMs: 15_000, security: testSecurity() });
    const ask = (url: string) => steady.inject({ url, headers: bearer("admin") });
    // Readiness last: its own 3 s bound is for probes, and a just-started server may still be warming up.
    const reads = PROBES.filter((p) => p.method === "GET")
      .map((p) => p.url)
      .reverse();
    try {
      for (const url of reads) expect((await ask(url)).statusCode, url).toBeLessThan(300);
      process.kill(scratch.pid!, "SIGKILL");
      expect((await ask("/api/regions")).statusCode).toBe(503);

      await scratch.start();
      // No retry loop: the pool must not hand out connections to the dead process.
      for (const url of reads) {
        const res = await ask(url);
        expect(res.statusCode, `${url} right after the restart: ${res.body.slice(0, 300)}`).toBeLessThan(300);
      }
    } finally {
      await steady.close();
    }
  }, 300_000);
});
