import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { chainMapSchema, gapReportSchema, targetsSchema } from "../../../model/api/analysis.ts";
import { chainsSchema, neighborsSchema, pathsSchema, searchResultsSchema as searchResultSchema } from "../../../model/api/explore.ts";
import { compileResponseSerializer } from "../../../server/plugins/serializer.ts";

const HOT_RESPONSES = { gapReportSchema, chainMapSchema, targetsSchema, neighborsSchema, searchResultSchema, pathsSchema, chainsSchema };

describe("compiled response serialisation (a projection compiled from the zod schema, then JSON.stringify)", () => {
  it.each(Object.entries(HOT_RESPONSES))("%s compiles (no fallback to zod's per-reply parse)", (_name, schema) => {
    expect(compileResponseSerializer(schema)).toBeTypeOf("function");
  });

  it("writes exactly what zod's parse would: stray fields dropped, catch-all data kept, optional fields left out", () => {
    const serialize = compileResponseSerializer(neighborsSchema)!;
    const text = fc.string({ maxLength: 12 });
    const source = fc.record({ doc: text, quote: text, stray: text });
    const node = fc.record({
      data: fc.record({
        id: text,
        type: text,
        label: text,
        sources: fc.array(source, { maxLength: 2 }),
        tags: fc.array(text, { maxLength: 3 }),
      }),
      internal: text,
    });
    const edge = fc.record({
      data: fc.record({
        id: text,
        source: text,
        target: text,
        type: text,
        sources: fc.array(source, { maxLength: 2 }),
        weight: fc.double({ noNaN: true, noDefaultInfinity: true }),
      }),
    });
    const payload = fc.record({
      elements: fc.record({ nodes: fc.array(node, { maxLength: 4 }), edges: fc.array(edge, { maxLength: 4 }), leaked: text }),
      truncated: fc.boolean(),
      _debug: text,
    });
    fc.assert(
      fc.property(payload, (data) => {
        expect(JSON.parse(serialize(data))).toEqual(JSON.parse(JSON.stringify(neighborsSchema.parse(data))));
      }),
    );
  });

  it("drops a stray top-level field and a stray nested one in a search reply", () => {
    const serialize = compileResponseSerializer(searchResultSchema)!;
    const reply = {
      results: [{ id: "firm:a", type: "Firm", label: "甲", aliases: [], score: 1.5, exact: true, password: "x" }],
      secret: "internal",
    };
    const out = JSON.parse(serialize(reply));
    expect(out).toEqual(JSON.parse(JSON.stringify(searchResultSchema.parse(reply))));
    expect(JSON.stringify(out)).not.toContain("internal");
    expect(JSON.stringify(out)).not.toContain("password");
  });

  it("leaves a schema with an output transform or default to zod", () => {
    expect(compileResponseSerializer(z.object({ n: z.string().transform(Number) }))).toBeUndefined();
    expect(compileResponseSerializer(z.object({ tags: z.array(z.string()).default([]) }))).toBeUndefined();
  });
});

describe("the projection on unions and nesting", () => {
  it("keeps null in a nullable field and strips stray keys inside a nullable object", () => {
    const schema = z.object({ leader: z.object({ id: z.string() }).nullable(), list: z.array(z.object({ n: z.number() })) });
    const serialize = compileResponseSerializer(schema)!;
    for (const data of [
      { leader: null, list: [] },
      { leader: { id: "a", secret: 1 }, list: [{ n: 1, x: 2 }], extra: true },
    ]) {
      expect(JSON.parse(serialize(data))).toEqual(JSON.parse(JSON.stringify(schema.parse(data))));
    }
  });
});
