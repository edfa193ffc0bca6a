import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../../server/app.ts";
import { bearer, testSecurity } from "../../helpers/auth.ts";
import { testConfig, testGraph } from "../../helpers/graph.ts";
import { buildRequest, requestCases, sampleIds } from "./openapi-cases.ts";
import { type Operation, operationsOf } from "./openapi-operations.ts";

/**
 * Schemathesis-style check of /openapi.json against the app itself: requests generated from each
 * operation's documented parameters and body, plus the cases the document promises (no token,
 * a viewer on a write, a body too large or of the wrong type, a spent rate budget), replayed
 * through app.inject. Every answer must have a documented status, a documented media type, and a
 * JSON body that validates against the documented schema; the security each operation declares
 * must match what the guard does. Writes are tried without a token and with a viewer's only, so
 * the shared database is never changed.
 */
const RUNS_PER_OPERATION = 25;
const graph = testGraph();
let app: App;
let spec: Spec;
let operations: Operation[];
let cases: ReturnType<typeof requestCases>;
const tally = { requests: 0, byStatus: {} as Record<number, number> };
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });

interface DocumentedResponse {
  content?: Record<string, { schema?: object }>;
}
interface DocumentedOperation {
  responses: Record<string, DocumentedResponse>;
  security?: Record<string, string[]>[];
}
interface Spec {
  openapi: string;
  paths: Record<string, Record<string, DocumentedOperation>>;
  components?: { schemas?: Record<string, object> };
}

beforeAll(async () => {
  app = await buildApp({
    ...testConfig(),
    security: testSecurity({ rateLimit: { readsPerMinute: 1_000_000, writesPerMinute: 1_000_000, exportsPerMinute: 1_000_000 } }),
  });
  await app.ready();
  spec = (await app.inject({ url: "/openapi.json" })).json();
  // The shared schemas (model/api/) as one schema document; their references to one another too.
  if (spec.components?.schemas) ajv.addSchema(componentRefs({ $id: "components", $defs: spec.components.schemas }));
  operations = operationsOf(app).filter((op) => op.path.startsWith("/api/"));
  cases = requestCases(await sampleIds(graph));
});

afterAll(async () => {
  console.log(
    `openapi conformance: ${tally.requests} requests over ${operations.length} operations; statuses ${JSON.stringify(tally.byStatus)}`,
  );
  await app.close();
  await graph.driver.close();
});

const documented = (op: Operation) => spec.paths[op.path]?.[op.method.toLowerCase()] as DocumentedOperation;
const validators = new Map<object, ReturnType<typeof ajv.compile>>();

/** `#/components/schemas/X` as a reference into the schema document added in beforeAll. */
const componentRefs = (schema: object) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"components#/$defs/'));

function validatorFor(schema: object) {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(componentRefs(schema));
    validators.set(schema, validate);
  }
  return validate;
}

/** Fails unless the answer is one the document describes for this operation, body included. */
function expectConformant(op: Operation, options: InjectOptions, res: LightMyRequestResponse) {
  tally.requests++;
  tally.byStatus[res.statusCode] = (tally.byStatus[res.statusCode] ?? 0) + 1;
  const what = `${op.method} ${String(options.url).slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
  const response = documented(op).responses[String(res.statusCode)];
  expect(response, `undocumented status: ${what}`).toBeDefined();
  const mediaType = String(res.headers["content-type"] ?? "").split(";")[0] ?? "";
  const content = response?.content ?? {};
  if (Object.keys(content).length === 0) {
    expect(res.body, `documented without a body: ${what}`).toBe("");
    return;
  }
  expect(Object.keys(content), `undocumented media type ${mediaType}: ${what}`).toContain(mediaType);
  const schema = content[mediaType]?.schema as { format?: string } | undefined;
  if (!schema || schema.format === "binary" || mediaType !== "application/json") return;
  const validate = validatorFor(schema);
  expect(validate(res.json()), `body does not match the documented schema (${ajv.errorsText(validate.errors)}): ${what}`).toBe(true);
}

async function replay(op: Operation, options: InjectOptions) {
  const res = await app.inject(options);
  expectConformant(op, options, res);
  return res;
}

/** Writes change the shared database: tried only as clients that may not make them. */
const mayWrite = (op: Operation) => op.access === "editor" || op.access === "admin";
const headersFor = (op: Operation) =>
  mayWrite(op) && op.method !== "GET"
    ? fc.constantFrom<Record<string, string>>({}, bearer("viewer"), { authorization: "Bearer not-a-token" })
    : fc.constantFrom<Record<string, string>>({}, bearer("viewer"), bearer("admin"), { authorization: "Bearer not-a-token" });

describe("the OpenAPI document is true to the app", () => {
  it("is OpenAPI 3.1 and documents every API route", () => {
    expect(spec.openapi).toMatch(/^3\.1/);
    expect(operations.length).toBeGreaterThan(15);
  });

  it("refers to the shared payloads of model/api by $ref, each one a component", () => {
    let checked = 0;
    for (const op of operations) {
      const ok = documented(op).responses["200"]?.content?.["application/json"]?.schema as { $ref?: string; format?: string } | undefined;
      if (!ok || ok.format === "binary") continue; // a file answer
      expect(ok.$ref, `${op.method} ${op.path}`).toMatch(/^#\/components\/schemas\/\w+$/);
      expect(spec.components?.schemas?.[ok.$ref!.split("/").pop()!], ok.$ref).toBeDefined();
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("declares each operation's security as the guard enforces it (reads open, writes need a token)", async () => {
    for (const op of operations) {
      const security = documented(op).security;
      const anonymous = await replay(
        op,
        buildRequest(op, Object.fromEntries(op.parameters.map((p) => [p.name, cases.plausible(p)])), cases.plausibleBody(op), {}),
      );
      if (op.access === "public") expect(security, op.path).toEqual([]);
      else if (op.access === "viewer") expect(security, `${op.method} ${op.path}`).toEqual([{}, { bearer: [] }]);
      else {
        expect(security, `${op.method} ${op.path}`).toEqual([{ bearer: [] }]);
        expect(anonymous.statusCode, `${op.method} ${op.path} without a token`).toBe(401);
      }
      if (op.access === "viewer") expect(anonymous.statusCode, `${op.method} ${op.path} open read`).not.toBe(401);
    }
  });

  it("answers generated requests only with documented statuses and bodies", async () => {
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            values: cases.requestArbitrary(op).map((r) => r.values),
            body: cases.requestArbitrary(op).map((r) => r.body),
            headers: headersFor(op),
          }),
          async ({ values, body, headers }) => {
            await replay(op, buildRequest(op, values, body, headers));
          },
        ),
        { numRuns: RUNS_PER_OPERATION },
      );
    }
  });

  it("documents the refusals: a viewer's write, a body too large or of the wrong type", async () => {
    for (const op of operations.filter((o) => o.method === "POST")) {
      const url = op.path.replaceAll(/\{\w+\}/g, "import-20000101-000000-abcdef");
      if (mayWrite(op)) expect((await replay(op, { method: "POST", url, headers: bearer("viewer") })).statusCode).toBe(403);
      const wrongType = await replay(op, {
        method: "POST",
        url,
        payload: "<x/>",
        headers: { ...bearer("admin"), "content-type": "application/xml" },
      });
      expect(wrongType.statusCode, `${op.path} with an XML body`).toBe(415);
      const huge = await replay(op, {
        method: "POST",
        url,
        payload: `{"x":"${"a".repeat(11 * 1024 * 1024)}"}`,
        headers: { ...bearer("admin"), "content-type": "application/json" },
      });
      expect(huge.statusCode, `${op.path} with an 11 MB body`).toBe(413);
    }
  });

  it("documents 429 on every operation", async () => {
    const limited = await buildApp({
      ...testConfig(),
      security: testSecurity({ rateLimit: { readsPerMinute: 1, writesPerMinute: 1, exportsPerMinute: 1 } }),
    });
    await limited.ready();
    try {
      for (const op of operations) {
        const request = buildRequest(op, {}, undefined, {});
        await limited.inject(request);
        const res = await limited.inject(request);
        expect(res.statusCode, `${op.method} ${op.path}`).toBe(429);
        expectConformant(op, request, res);
      }
    } finally {
      await limited.close();
    }
  });

  it("documents the import lock's 409 on the import apply and the revert", () => {
    expect(spec.paths["/api/import"]?.post?.responses["409"], "POST /api/import").toBeDefined();
    expect(spec.paths["/api/import/batches/{id}/revert"]?.post?.responses["409"], "POST …/revert").toBeDefined();
  });

  it("answers 405 with Allow for a method a known path does not take, 404 for an unknown path", async () => {
    for (const op of operations) {
      const url = op.path.replaceAll(/\{\w+\}/g, "x");
      const documentedMethods = Object.keys(spec.paths[op.path] ?? {}).map((m) => m.toUpperCase());
      for (const method of ["PUT", "PATCH", "DELETE"] as const) {
        if (documentedMethods.includes(method)) continue;
        const res = await app.inject({ method, url });
        expect(res.statusCode, `${method} ${url}`).toBe(405);
        const allow = String(res.headers.allow).split(", ");
        for (const m of documentedMethods) expect(allow, `${method} ${url}`).toContain(m);
        expect(res.json().message).toMatch(/not allowed/);
      }
    }
    expect((await app.inject({ method: "DELETE", url: "/api/no-such-thing" })).statusCode).toBe(404);
  });
});
