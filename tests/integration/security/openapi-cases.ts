import fc from "fast-check";
import type { InjectOptions } from "fastify";
import type { Graph } from "../../../server/db/graph.ts";
import { bearer } from "../../helpers/auth.ts";
import { CYPHER_INJECTIONS, encode, HUGE_STRING, ODD_STRINGS, RAW_BODIES } from "./hostile-inputs.ts";
import type { JsonSchema, Operation, Parameter } from "./openapi-operations.ts";

/**
 * Requests generated from an operation of the app's OpenAPI document: plausible values (so an
 * injected parameter is not the only thing wrong with a request), and fast-check arbitraries that
 * mix fitting, hostile and wrongly typed values. Shared by the fuzz and conformance tests.
 */

/** Real ids of each kind from the demo data, so generated requests also reach deep code paths. */
export async function sampleIds(graph: Graph): Promise<Record<string, string[]>> {
  const rows = await graph.runRaw("MATCH (n:Entity) WITH split(n.id, ':')[0] AS prefix, collect(n.id)[0..3] AS ids RETURN prefix, ids");
  const byPrefix: Record<string, string[]> = Object.fromEntries(rows.map((r) => [String(r.prefix), r.ids as string[]]));
  const batches = await graph.runRaw("MATCH (b:ImportBatch) RETURN b.id AS id LIMIT 2");
  return { ...byPrefix, import: batches.map((b) => String(b.id)) };
}

export function buildRequest(
  op: Operation,
  values: Record<string, unknown>,
  body: unknown,
  headers: Record<string, string>,
): InjectOptions {
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

/** Generators over the given sample ids. */
export function requestCases(samples: Record<string, string[]>) {
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

  function plausibleBody(op: Operation): unknown {
    if (!op.jsonBody) return undefined;
    const body: Record<string, unknown> = {};
    for (const [name, schema] of Object.entries(op.jsonBody.properties ?? {})) {
      if (!op.jsonBody.required?.includes(name)) continue;
      body[name] = name === "nodeIds" ? Object.values(samples).flat().slice(0, 5) : plausible({ name, schema });
    }
    return body;
  }

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

  return { plausible, plausibleBody, valueArbitrary, requestArbitrary };
}
