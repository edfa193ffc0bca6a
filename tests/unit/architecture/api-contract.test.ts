import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { buildApp } from "../../../server/app.ts";
import { api } from "../../../web/src/api/client.ts";
import { everyClientCall } from "../../helpers/web-client-calls.ts";

/**
 * One contract: the server answers with the schemas of model/api/ and the web parses each answer
 * with the very schema its route answers with. Identity, not likeness: a schema that is the same
 * object on both sides cannot hold a field one side drops (the web's own copy once dropped the
 * chain map's `truncated`). The app is built without a database (nothing here queries it); the
 * response schemas are read as Fastify hands them to the serializer compiler.
 */

const compiled = vi.hoisted(() => [] as { method: string; url: string; status: string; schema: unknown }[]);
vi.mock("../../../server/plugins/serializer.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../server/plugins/serializer.ts")>();
  return {
    ...original,
    compiledSerializerCompiler: (route: Parameters<typeof original.compiledSerializerCompiler>[0]) => {
      compiled.push({ method: route.method, url: route.url, status: String(route.httpStatus), schema: route.schema });
      return original.compiledSerializerCompiler(route);
    },
  };
});

const MODEL_API = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../model/api");
/** Every zod schema model/api/ exports, by "file.export". */
const contract = new Map<z.ZodType, string>();
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  for (const file of readdirSync(MODEL_API).filter((f) => f.endsWith(".ts"))) {
    const module = (await import(path.join(MODEL_API, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (value instanceof z.ZodType) contract.set(value, `${file}:${name}`);
  }
  app = await buildApp({
    port: 0,
    host: "127.0.0.1",
    logLevel: "silent",
    neo4j: { uri: "bolt://127.0.0.1:1", user: "neo4j", password: "unused", database: "neo4j" },
    queryTimeoutMs: 1_000,
    webDistDir: "/nonexistent-web-dist",
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
});

/** The model/api/ schema a route schema is, or was derived from by `.meta()`/`.describe()` (a description added). */
function contractSchemaOf(schema: unknown): z.ZodType | undefined {
  let current = schema as z.ZodType | undefined;
  while (current) {
    if (contract.has(current)) return current;
    current = (current as unknown as { _zod: { parent?: z.ZodType } })._zod.parent;
  }
  return undefined;
}

/** A file answer (bytes under a binary media type): no JSON, so no JSON contract. */
const isFileAnswer = (schema: unknown) =>
  Boolean((z.globalRegistry.get(schema as z.ZodType) as { content?: unknown } | undefined)?.content);

const apiRoutes = () => compiled.filter((c) => c.url.startsWith("/api/") && c.method !== "HEAD");

function routeFor(method: string, pathname: string) {
  return apiRoutes().find(
    (c) => c.method === method && c.status === "200" && new RegExp(`^${c.url.replaceAll(/:\w+/g, "[^/]+")}$`).test(pathname),
  );
}

/** Calls every web client function against a stub fetch; records what it asked for and which schema parsed the answer. */
async function recordClientCalls(answer: { status: number; body: unknown }) {
  const parsedWith = new Map<z.ZodType, string>();
  for (const schema of contract.keys()) {
    const own = schema.safeParse.bind(schema);
    Object.defineProperty(schema, "safeParse", {
      configurable: true,
      value: (...args: Parameters<typeof own>) => {
        parsedWith.set(schema, "");
        return own(...args);
      },
    });
  }
  const requests: { method: string; pathname: string }[] = [];
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    requests.push({ method: init.method ?? "GET", pathname: new URL(input, "http://app.test").pathname });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "content-type": "application/json" } });
  });
  const calls: { name: string; method: string; pathname: string; parsedWith: z.ZodType[] }[] = [];
  try {
    const ids = {
      firm: "firm:a",
      otherFirm: "firm:b",
      chain: "chain:c",
      region: "region:r",
      batch: "import-20260101-000000-abc",
      scenario: "scenario-20260101-abc",
      segment: "segment:s",
    };
    for (const [name, call] of Object.entries(everyClientCall(api, ids, "token"))) {
      if (call === "file") continue;
      requests.length = 0;
      parsedWith.clear();
      await call().catch(() => undefined); // the stub's answer fits no schema: the shape error is expected
      expect(requests, `${name} makes one request`).toHaveLength(1);
      calls.push({ name, ...requests[0]!, parsedWith: [...parsedWith.keys()] });
    }
  } finally {
    vi.unstubAllGlobals();
    for (const schema of contract.keys()) Reflect.deleteProperty(schema, "safeParse");
  }
  return calls;
}

describe("one API contract (model/api/)", () => {
  it("finds the routes and the contract it checks", () => {
    expect(contract.size).toBeGreaterThan(20);
    expect(apiRoutes().length).toBeGreaterThan(40);
  });

  it("every JSON answer of every API route, errors included, is a schema of model/api/", () => {
    const outside = apiRoutes()
      .filter((c) => !isFileAnswer(c.schema) && !contractSchemaOf(c.schema))
      .map((c) => `${c.method} ${c.url} ${c.status}`);
    expect(outside).toEqual([]);
  });

  it("every 200 JSON answer is registered with an id, so /openapi.json refers to it", () => {
    const unnamed = apiRoutes()
      .filter((c) => c.status === "200" && !isFileAnswer(c.schema))
      .filter((c) => !(z.globalRegistry.get(c.schema as z.ZodType) as { id?: string } | undefined)?.id)
      .map((c) => `${c.method} ${c.url}`);
    expect(unnamed).toEqual([]);
  });

  it("the web parses each answer with the very schema its route answers with", async () => {
    const calls = await recordClientCalls({ status: 200, body: {} });
    expect(calls.length).toBeGreaterThan(10);
    for (const call of calls) {
      const route = routeFor(call.method, call.pathname);
      expect(route, `${call.name}: ${call.method} ${call.pathname} is an API route`).toBeDefined();
      expect(call.parsedWith, `${call.name} parses with ${contract.get(route!.schema as z.ZodType)}`).toEqual([route!.schema]);
    }
  });

  it("the web reads an error answer with the routes' error schema", async () => {
    const calls = await recordClientCalls({ status: 400, body: { statusCode: 400, error: "Bad Request", message: "x" } });
    for (const call of calls) {
      const route = apiRoutes().find(
        (c) => c.status === "400" && routeFor(call.method, call.pathname)?.url === c.url && c.method === call.method,
      );
      expect(call.parsedWith, call.name).toEqual([contractSchemaOf(route!.schema)]);
    }
  });

  it("a truncated chain map reaches the view still marked truncated", async () => {
    const node = { id: "chain:c", type: "chain", label: "链", sources: [] };
    const answer = {
      chain: node,
      region: { ...node, id: "region:r", type: "region" },
      enclaves: "home",
      truncated: true,
      elements: { nodes: [], edges: [] },
    };
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify(answer), { status: 200 }));
    try {
      expect((await api.map("chain:c", "region:r")).truncated).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
