import fc from "fast-check";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTITY_LABELS, RELATIONSHIP_TYPES } from "../../../model/domain.ts";
import { type App, buildApp } from "../../../server/app.ts";
import { createDriver } from "../../../server/db/driver.ts";
import { Graph } from "../../../server/db/graph.ts";
import { applySchema } from "../../../server/db/schema.ts";
import { seedFromDir } from "../../../server/seed/demo-seed.ts";
import { bearer, testSecurity } from "../../helpers/auth.ts";
import { testConfig } from "../../helpers/graph.ts";
import { CYPHER_INJECTIONS, encode, HUGE_STRING, ODD_STRINGS } from "./hostile-inputs.ts";
import { isWrite, type Operation, operationsOf } from "./openapi-operations.ts";
import { ScratchNeo4j } from "./scratch-neo4j.ts";

/**
 * The write endpoints with a real editor's (and admin's) token, on a throwaway Neo4j holding the
 * demo data: hostile parameters, hostile spreadsheets (injection strings as ids, names and
 * headers, binary junk, odd file names), random requests. No 5xx, clean JSON errors, and
 * afterwards the graph holds only allowed labels and relationship types, the demo data is
 * whole, and every hostile text that was accepted is stored verbatim (data, never code).
 */
const RUNS_PER_OPERATION = 30;
let scratch: ScratchNeo4j;
let graph: Graph;
let app: App;
let writes: Operation[];
let demoIds: number;
let requests = 0;

beforeAll(async () => {
  scratch = await ScratchNeo4j.create();
  graph = new Graph(createDriver(scratch.connection), "neo4j", 60_000);
  await applySchema(graph);
  await seedFromDir(graph);
  demoIds = await countEntities();
  app = await buildApp({
    ...testConfig(),
    neo4j: scratch.connection,
    security: testSecurity({ rateLimit: { readsPerMinute: 1_000_000, writesPerMinute: 1_000_000, exportsPerMinute: 1_000_000 } }),
  });
  await app.ready();
  writes = operationsOf(app).filter(isWrite);
}, 300_000);

afterAll(async () => {
  console.log(`fuzz-writes: ${requests} requests with editor/admin tokens over ${writes?.length} write operations`);
  try {
    await app?.close();
    await graph?.driver.close();
  } finally {
    await scratch?.destroy();
  }
});

async function countEntities(): Promise<number> {
  const [row] = await graph.runRaw("MATCH (n:Entity) WHERE NOT n.id STARTS WITH 'firm:fuzz' RETURN count(n) AS n");
  return Number(row?.n);
}

const STACK = /\bat [\w.<>]+ \(|\bat (file:|\/)|node_modules|\/work\/|\.ts:\d+|Neo4jError/;

async function send(options: InjectOptions) {
  const what0 = `${options.method} ${String(options.url).slice(0, 200)} ${String(options.payload ?? "").slice(0, 300)}`;
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within 30 s: ${what0}`)), 30_000);
  });
  const res = await Promise.race([app.inject(options), hung]).finally(() => clearTimeout(timer));
  requests++;
  const what = `${options.method} ${String(options.url).slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, what).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(String(res.headers["content-type"]), what).toMatch(/application\/json/);
    const body = res.json();
    if (isImportReport(body)) {
      // A refused import answers with its report; each problem must say what is wrong.
      // (Whether the report also has a top-level message is the dedicated test below.)
      for (const problem of body.problems) expect(typeof problem.message, what).toBe("string");
    } else {
      expect(typeof body.message, what).toBe("string");
    }
  }
  expect(res.body, what).not.toMatch(STACK);
  return res;
}

function isImportReport(body: unknown): body is { ok: false; problems: { message: unknown }[]; message?: unknown } {
  return (
    typeof body === "object" &&
    body !== null &&
    (body as { ok?: unknown }).ok === false &&
    Array.isArray((body as { problems?: unknown }).problems)
  );
}

function multipart(files: { name: string; bytes: Buffer }[]) {
  const boundary = `----fuzz-${Math.random().toString(16).slice(2)}`;
  const parts = files.flatMap((file) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name.replaceAll(/["\r\n]/g, "_")}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from("\r\n"),
  ]);
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** A firms sheet whose rows carry hostile text in the name column under valid ids, and hostile ids. */
function hostileFirmsCsv(strings: readonly string[], offset: number): { csv: string; stored: Map<string, string> } {
  const stored = new Map<string, string>();
  const rows = strings.map((text, i) => {
    const id = `firm:fuzz-${offset + i}`;
    stored.set(id, text);
    return `${id},${csvCell(text)},,fuzz row`;
  });
  const badIds = strings.map((text) => `${csvCell(text)},名称,,fuzz row`);
  return { csv: ["编号 (id),名称 (name),标签 (tags),备注 (note)", ...rows, ...badIds].join("\r\n"), stored };
}

function requestFor(op: Operation, values: Record<string, string>, body?: { payload: Buffer; headers: Record<string, string> }) {
  let url = op.path;
  const query: string[] = [];
  for (const param of op.parameters) {
    const value = values[param.name];
    if (value === undefined) continue;
    const encoded = encode(value);
    if (param.in === "path") url = url.replace(`{${param.name}}`, encoded || "%20");
    else query.push(`${param.name}=${encoded}`);
  }
  url = url.replaceAll(/\{\w+\}/g, "x") + (query.length ? `?${query.join("&")}` : "");
  return {
    method: op.method as InjectOptions["method"],
    url,
    payload: body?.payload ?? JSON.stringify({}),
    headers: { ...(body?.headers ?? { "content-type": "application/json" }), ...bearer(op.access === "admin" ? "admin" : "editor") },
  };
}

/**
 * The endpoint that takes spreadsheets: the OpenAPI document does not describe multipart bodies,
 * so it is found by behaviour — a body-less write without path parameters that accepts a dry run
 * of a one-row firms sheet.
 */
async function findImportEndpoint(): Promise<Operation | undefined> {
  const sheet = multipart([
    { name: "firms.csv", bytes: Buffer.from("编号 (id),名称 (name),备注 (note)\r\nfirm:fuzz-probe,探测企业,probe") },
  ]);
  for (const op of writes.filter((o) => !o.jsonBody && o.parameters.every((p) => p.in !== "path"))) {
    const res = await send(requestFor(op, { dryRun: "true" }, sheet));
    if (res.statusCode === 200) return op;
  }
  return undefined;
}

/** Writes without a documented JSON body may take files: they get multipart bodies too. */
const takesFiles = (op: Operation) => op.multipart || !op.jsonBody;

describe("hostile input on the write endpoints, with a real editor's token", () => {
  it("has write endpoints to attack", () => {
    expect(writes.length).toBeGreaterThan(0);
  });

  it("tries every injection and odd string in every parameter of every write endpoint", async () => {
    for (const op of writes) {
      for (const param of op.parameters) {
        for (const value of [...CYPHER_INJECTIONS, ...ODD_STRINGS, HUGE_STRING]) await send(requestFor(op, { [param.name]: value }));
      }
    }
  });

  it("stores hostile text from an applied spreadsheet verbatim and refuses hostile ids", async () => {
    const importOp = await findImportEndpoint();
    expect(importOp, "a write endpoint that takes a spreadsheet upload").toBeDefined();
    if (!importOp) return;
    // Names are 1–120 characters; lone surrogates cannot be written as UTF-8 at all.
    const strings = [...CYPHER_INJECTIONS, ...ODD_STRINGS].filter(
      (s) => s.trim().length > 0 && s.length <= 120 && !/[\ud800-\udfff]/u.test(s),
    );
    const { csv, stored } = hostileFirmsCsv(strings, 0);
    // With the hostile ids in, the file is refused as a whole (422) and nothing is written…
    const refused = await send(requestFor(importOp, { dryRun: "false" }, multipart([{ name: "firms.csv", bytes: Buffer.from(csv) }])));
    expect(refused.statusCode, refused.body.slice(0, 3000)).toBe(422);
    expect(refused.json().problems.length).toBeGreaterThanOrEqual(strings.length);
    expect(await countEntities()).toBe(demoIds);
    // …and with only the valid rows, the hostile names are stored as plain text.
    const valid = csv
      .split("\r\n")
      .slice(0, strings.length + 1)
      .join("\r\n");
    const applied = await send(requestFor(importOp, { dryRun: "false" }, multipart([{ name: "firms.csv", bytes: Buffer.from(valid) }])));
    expect(applied.statusCode, applied.body.slice(0, 500)).toBe(200);
    const rows = await graph.runRaw("MATCH (n:Firm) WHERE n.id STARTS WITH 'firm:fuzz-' RETURN n.id AS id, n.name AS name");
    const names = new Map(rows.map((r) => [String(r.id), String(r.name)]));
    for (const [id, text] of stored) expect(names.get(id), `name of ${id}`).toBe(text.trim());
  });

  it("answers a refused import like every other error: JSON with a top-level message", async () => {
    const importOp = await findImportEndpoint();
    if (!importOp) throw new Error("no import endpoint found");
    const sheet = multipart([{ name: "firms.csv", bytes: Buffer.from("编号 (id),名称 (name)\r\nnot-an-id,名称") }]);
    const res = await send(requestFor(importOp, { dryRun: "true" }, sheet));
    expect(res.statusCode).toBe(422);
    expect(typeof res.json().message, `422 body: ${res.body.slice(0, 300)}`).toBe("string");
  });

  it("refuses a file that is not what its name says (a CSV named .xlsx) with a 4xx, not a 500", async () => {
    const importOp = await findImportEndpoint();
    if (!importOp) throw new Error("no import endpoint found");
    for (const name of ["firms.xlsx", "firms.csv\u0000.xlsx"]) {
      const sheet = multipart([{ name, bytes: Buffer.from('编号 (id),名称 (name)\r\n"%00","%00"') }]);
      const res = await send(requestFor(importOp, { dryRun: "true" }, sheet));
      expect(res.statusCode, name).toBeGreaterThanOrEqual(400);
    }
  });

  it("answers junk files and random requests generated from the schemas", async () => {
    const files = fc.record({
      name: fc.oneof(
        fc.constantFrom("firms.csv", "ties.xlsx", "企业.csv", "../../etc/passwd", "a.exe", "", "x".repeat(300), "firms.csv\u0000.xlsx"),
        fc.string({ maxLength: 40 }),
      ),
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 4000 }).map((b) => Buffer.from(b)),
        fc.constantFrom(
          ...[...CYPHER_INJECTIONS, ...ODD_STRINGS].map((s) => Buffer.from(`编号 (id),名称 (name)\r\n${csvCell(s)},${csvCell(s)}`)),
        ),
        fc.constant(Buffer.from("PK\u0003\u0004 not really a zip")),
      ),
    });
    for (const op of writes) {
      const params = fc.record(
        Object.fromEntries(
          op.parameters.map((p) => [
            p.name,
            fc.oneof(
              fc.constantFrom(...((p.schema.enum as string[] | undefined) ?? ["x"])),
              fc.constantFrom(...CYPHER_INJECTIONS, ...ODD_STRINGS),
              fc.string({ maxLength: 100 }),
            ),
          ]),
        ) as Record<string, fc.Arbitrary<string>>,
      );
      await fc.assert(
        fc.asyncProperty(params, fc.array(files, { minLength: 0, maxLength: 3 }), async (values, list) => {
          await send(requestFor(op, values, takesFiles(op) ? multipart(list) : undefined));
        }),
        { numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
    }
  });

  it("leaves only allowed labels and relationship types, and the demo data whole", async () => {
    const bookkeeping = [
      "ImportBatch",
      "ImportUndo",
      "ImportLock",
      "ImportStaged",
      "AuditEntry",
      "DataVersion",
      "ChainStats",
      "Scenario",
      "Boundary",
    ];
    const allowedLabels = new Set<string>(["Entity", "Document", "Synthetic", ...bookkeeping, ...ENTITY_LABELS]);
    const labels = (await graph.runRaw("CALL db.labels() YIELD label RETURN collect(label) AS all"))[0]?.all as string[];
    expect(labels.filter((l) => !allowedLabels.has(l))).toEqual([]);
    const types = (await graph.runRaw("CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS all"))[0]
      ?.all as string[];
    expect(types.filter((t) => !(RELATIONSHIP_TYPES as string[]).includes(t))).toEqual([]);
    expect(await countEntities()).toBe(demoIds);
  });
});
