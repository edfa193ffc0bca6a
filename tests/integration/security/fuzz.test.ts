import fc from "fast-check";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../../server/app.ts";
import { bearer, TEST_TOKENS, testSecurity } from "../../helpers/auth.ts";
import { testConfig, testGraph } from "../../helpers/graph.ts";
import { graphChecksum } from "../../helpers/graph-checksum.ts";
import { CYPHER_INJECTIONS, HUGE_STRING, ODD_STRINGS, RAW_BODIES } from "./hostile-inputs.ts";
import { buildRequest, requestCases, sampleIds } from "./openapi-cases.ts";
import { isPrivileged, type Operation, operationsOf } from "./openapi-operations.ts";

/**
 * Every endpoint of the app's OpenAPI document, fed injection strings in every parameter and
 * then random, hostile and wrongly typed requests generated from its schema. Whatever comes in:
 * no 5xx, errors are JSON with a message, no stack trace or file path leaks, and the graph is
 * exactly as it was (nothing was injected). Write routes are tried without a token and with a
 * viewer's here, on the shared database; fuzz-writes.test.ts fuzzes them with an editor's token
 * on a throwaway one.
 */
const RUNS_PER_OPERATION = 40;
const graph = testGraph();
let app: App;
let operations: Operation[];
let cases: ReturnType<typeof requestCases>;
let before: Awaited<ReturnType<typeof graphChecksum>>;
const tally = { requests: 0, byStatus: {} as Record<number, number> };

beforeAll(async () => {
  // High limits: this suite is about inputs, not about rate limiting (access.test.ts covers that).
  app = await buildApp({
    ...testConfig(),
    security: testSecurity({ rateLimit: { readsPerMinute: 1_000_000, writesPerMinute: 1_000_000, exportsPerMinute: 1_000_000 } }),
  });
  await app.ready();
  operations = operationsOf(app).filter((op) => op.path.startsWith("/api/"));
  cases = requestCases(await sampleIds(graph));
  before = await graphChecksum(graph);
});

afterAll(async () => {
  console.log(`fuzz: ${tally.requests} requests over ${operations.length} operations; statuses ${JSON.stringify(tally.byStatus)}`);
  await app.close();
  await graph.driver.close();
});

const STACK = /\bat [\w.<>]+ \(|\bat (file:|\/)|node_modules|\/work\/|\.ts:\d+|Neo4jError|\bCypher\b.*line \d+/;

function describeRequest(options: InjectOptions): string {
  const body = typeof options.payload === "string" ? options.payload : options.payload ? JSON.stringify(options.payload) : "";
  return `${options.method} ${String(options.url).slice(0, 300)} ${body.slice(0, 200)}`;
}

async function send(options: InjectOptions): Promise<LightMyRequestResponse> {
  const res = await app.inject(options);
  tally.requests++;
  tally.byStatus[res.statusCode] = (tally.byStatus[res.statusCode] ?? 0) + 1;
  const what = `${describeRequest(options)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, what).toBeLessThan(500);
  const type = String(res.headers["content-type"] ?? "");
  if (res.statusCode >= 400) {
    expect(type, what).toMatch(/application\/json/);
    const body = res.json();
    expect(typeof body.message, what).toBe("string");
    expect(body.message.length, what).toBeGreaterThan(0);
  }
  if (/json|text|xml|csv/.test(type)) expect(res.body, what).not.toMatch(STACK);
  return res;
}

/** Every route is tried with no token and a viewer's: on the shared database nothing more is handed out. */
const CREDENTIALS: Record<string, string>[] = [{}, bearer("viewer")];

function expectRefusedWrite(op: Operation, res: LightMyRequestResponse, headers: Record<string, string>) {
  if (!isPrivileged(op)) return;
  // The guard answers 401/403; a URL the router cannot take (bad escape 400, too long 414, no
  // match 404) is refused before any route runs. What must never happen is a write going through.
  const refusals = [400, 404, 414, headers.authorization ? 403 : 401];
  expect(refusals, `${op.method} ${op.path} with ${headers.authorization ? "a viewer token" : "no token"}`).toContain(res.statusCode);
}

describe("hostile input on every endpoint", () => {
  it("finds the endpoints to attack in the app's own OpenAPI document", () => {
    expect(operations.length).toBeGreaterThan(3);
    expect(operations.some((op) => op.parameters.length > 0)).toBe(true);
  });

  it("tries every injection and odd string in every parameter and body field of every endpoint", async () => {
    const strings = [...CYPHER_INJECTIONS, ...ODD_STRINGS, HUGE_STRING];
    for (const op of operations) {
      const base = Object.fromEntries(op.parameters.map((p) => [p.name, cases.plausible(p)]));
      const baseBody = cases.plausibleBody(op);
      for (const headers of CREDENTIALS) {
        expectRefusedWrite(op, await send(buildRequest(op, base, baseBody, headers)), headers);
        for (const param of op.parameters) {
          for (const value of strings) {
            const res = await send(buildRequest(op, { ...base, [param.name]: value }, baseBody, headers));
            expectRefusedWrite(op, res, headers);
          }
        }
        for (const field of Object.keys(op.jsonBody?.properties ?? {})) {
          for (const value of strings) {
            const schema = op.jsonBody?.properties?.[field] ?? {};
            const bodyValue = schema.type === "array" ? [value] : value;
            const res = await send(buildRequest(op, base, { ...(baseBody as object), [field]: bodyValue }, headers));
            expectRefusedWrite(op, res, headers);
          }
        }
        if (op.jsonBody || op.multipart || op.method !== "GET") {
          for (const raw of RAW_BODIES) expectRefusedWrite(op, await send(buildRequest(op, base, raw, headers)), headers);
        }
      }
    }
    expect(await graphChecksum(graph)).toEqual(before);
  });

  it("answers random requests generated from each endpoint's schema", async () => {
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(cases.requestArbitrary(op), async ({ values, body, headers }) => {
          const res = await send(buildRequest(op, values, body, headers));
          if (headers.authorization === undefined || headers.authorization === bearer("viewer").authorization) {
            expectRefusedWrite(op, res, headers);
          }
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    }
    expect(await graphChecksum(graph)).toEqual(before);
  });

  it("refuses odd Authorization headers cleanly", async () => {
    const headers = [
      "Bearer",
      "Bearer  ",
      `Bearer ${"x".repeat(10_000)}`,
      `bearer ${TEST_TOKENS.viewer}\u0000`,
      `Bearer ${TEST_TOKENS.viewer.slice(0, -1)}`,
      "Basic Og==",
      "Digest username=admin",
      "Bearer ' OR 1=1 //",
    ];
    for (const op of operations.filter((o) => o.access !== "public")) {
      for (const authorization of headers) {
        const res = await app.inject({ method: op.method as "GET", url: op.path.replaceAll(/\{\w+\}/g, "x"), headers: { authorization } });
        expect(res.statusCode, `${op.method} ${op.path} with "${authorization.slice(0, 40)}"`).toBe(401);
        expect(typeof res.json().message).toBe("string");
      }
    }
  });
});
