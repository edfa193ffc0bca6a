import fc from "fast-check";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../../server/app.ts";
import { bearer, TEST_TOKENS, testSecurity } from "../../helpers/auth.ts";
import { testConfig, testGraph } from "../../helpers/graph.ts";
import { graphChecksum } from "../../helpers/graph-checksum.ts";
import { CYPHER_INJECTIONS, encode, HUGE_STRING, ODD_STRINGS, RAW_BODIES } from "./hostile-inputs.ts";
import { isPrivileged, type JsonSchema, type Operation, operationsOf, type Parameter } from "./openapi-operations.ts";

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
let samples: Record<string, string[]>;
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
  samples = await sampleIds();
  before = await graphChecksum(graph);
});

afterAll(async () => {
  console.log(`fuzz: ${tally.requests} requests over ${operations.length} operations; statuses ${JSON.stringify(tally.byStatus)}`);
  await app.close();
  await graph.driver.close();
});

/** Real ids of each kind from the demo data, so generated requests also reach deep code paths. */
async function sampleIds(): Promise<Record<string, string[]>> {
  const rows = await graph.runRaw("MATCH (n:Entity) WITH split(n.id, ':')[0] AS prefix, collect(n.id)[0..3] AS ids RETURN prefix, ids");
  const byPrefix: Record<string, string[]> = Object.fromEntries(rows.map((r) => [String(r.prefix), r.ids as string[]]));
  const batches = await graph.runRaw("MATCH (b:ImportBatch) RETURN b.id AS id LIMIT 2");
  return { ...byPrefix, import: batches.map((b) => String(b.id)) };
}

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

// ---- plausible values, so an injected parameter is not the only thing wrong with a request ----

function plausible(param: { name: string; schema: JsonSchema }): unknown {
  const { name, schema } = param;
  if (schema.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === "integer" || type === "number") return schema.minimum ?? 1;
  if (type === "boolean") return false;
  if (type === "array") return [plausible({ name, schema: schema.items ?? {} })];
  const id = (prefix: string) => samples[prefix]?.[0] ?? `${prefix}:x`;
  if (schema.pattern?.startsWith("^import-")) return samples.import?.[0] ?? "import-20240101-000000-abcdef";
  if (schema.pattern?.startsWith("^(regions|")) return "firms.csv";
  if (schema.format === "date-time") return "2024-01-01T00:00:00Z";
  const byName: Record<string, () => string> = {
    region: () => id("region"),
    regions: () => (samples.region ?? []).join(","),
    segment: () => id("segment"),
    from: () => id("firm"),
    to: () => id("region"),
    q: () => "纳爱斯",
    types: () => "firm,fund",
    relTypes: () => "SUPPLIES,LEADS",
    actor: () => "test-editor",
  };
  if (byName[name]) return byName[name]();
  if (name === "id") return id("chain");
  return "x";
}

function buildRequest(op: Operation, values: Record<string, unknown>, body: unknown, headers: Record<string, string>): InjectOptions {
  let url = op.path;
  const query: string[] = [];
  for (const param of op.parameters) {
    const value = values[param.name];
    if (value === undefined) continue;
    if (param.in === "path") url = url.replace(`{${param.name}}`, encode(Array.isArray(value) ? value.join(",") : value) || "%20");
    else for (const item of Array.isArray(value) ? value : [value]) query.push(`${param.name}=${encode(item)}`);
  }
  url = url.replaceAll(/\{\w+\}/g, "x") + (query.length ? `?${query.join("&")}` : "");
  const options: InjectOptions = { method: op.method as InjectOptions["method"], url, headers: { ...headers } };
  if (op.jsonBody || op.multipart || body !== undefined) {
    options.payload = typeof body === "string" ? body : JSON.stringify(body ?? {});
    options.headers = { "content-type": "application/json", ...headers };
  }
  return options;
}

function plausibleBody(op: Operation): unknown {
  if (!op.jsonBody) return undefined;
  const body: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(op.jsonBody.properties ?? {})) {
    if (!op.jsonBody.required?.includes(name)) continue;
    body[name] = name === "nodeIds" ? Object.values(samples).flat().slice(0, 5) : plausible({ name, schema });
  }
  return body;
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
      const base = Object.fromEntries(op.parameters.map((p) => [p.name, plausible(p)]));
      const baseBody = plausibleBody(op);
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
        fc.asyncProperty(requestArbitrary(op), async ({ values, body, headers }) => {
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

// ---- generated requests ----

function valueArbitrary(param: { name: string; schema: JsonSchema }): fc.Arbitrary<unknown> {
  const { schema } = param;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const fitting: fc.Arbitrary<unknown>[] = [fc.constant(plausible(param))];
  if (schema.enum?.length) fitting.push(fc.constantFrom(...schema.enum));
  if (type === "integer" || type === "number") {
    fitting.push(
      fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 }),
      fc.constantFrom(-1, 0, (schema.maximum ?? 0) + 1, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1.5, Number.MAX_VALUE),
    );
  }
  if (type === "array") fitting.push(fc.array(valueArbitrary({ name: param.name, schema: schema.items ?? {} }), { maxLength: 30 }));
  if (type === "string" || type === undefined) {
    const ids = Object.values(samples).flat();
    if (ids.length) fitting.push(fc.constantFrom(...ids));
    fitting.push(fc.stringMatching(/^[a-z]{1,8}:[a-z0-9][a-z0-9-]{0,20}$/));
  }
  return fc.oneof(
    { weight: 3, arbitrary: fc.oneof(...fitting) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(...CYPHER_INJECTIONS, ...ODD_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 50 }) },
    { weight: 1, arbitrary: fc.constant(HUGE_STRING) },
    { weight: 1, arbitrary: wrongType() },
  );
}

function wrongType(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom("__proto__", "constructor", "a", "$gt"), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  );
}

function bodyArbitrary(op: Operation): fc.Arbitrary<unknown> {
  if (!op.jsonBody && !op.multipart) return fc.constant(undefined);
  const properties = Object.entries(op.jsonBody?.properties ?? {});
  const object = fc.record(
    Object.fromEntries(properties.map(([name, schema]) => [name, valueArbitrary({ name, schema })])) as Record<
      string,
      fc.Arbitrary<unknown>
    >,
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 4, arbitrary: object },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(...RAW_BODIES) },
    { weight: 1, arbitrary: wrongType() },
  );
}

function requestArbitrary(op: Operation) {
  const values = fc.record(
    Object.fromEntries(
      op.parameters.map((p: Parameter) => [p.name, p.required ? valueArbitrary(p) : fc.option(valueArbitrary(p), { nil: undefined })]),
    ) as Record<string, fc.Arbitrary<unknown>>,
  );
  const headers = fc.constantFrom<Record<string, string>>({}, bearer("viewer"), { authorization: "Bearer not-a-token" });
  return fc.record({ values, body: bodyArbitrary(op), headers });
}
