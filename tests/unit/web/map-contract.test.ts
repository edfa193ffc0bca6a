import { describe, expect, it } from "vitest";
import { chainMapSchema } from "../../../model/api/analysis.ts";
import { mapResponse } from "../../../web/src/api/schemas.ts";

/**
 * The chain map's answer as the server declares it and as the web parses it must name the same
 * fields: the web's copy once dropped `truncated`, so a map cut at the firm limit looked complete.
 * (Until both sides share one schema, this pins the two copies together for this endpoint.)
 */
describe("the chain map contract", () => {
  it("the web schema keeps every field the server's response schema declares, and no other", () => {
    expect(Object.keys(mapResponse.shape).sort()).toEqual(Object.keys(chainMapSchema.shape).sort());
  });

  it("a truncated map stays truncated after the web parses it", () => {
    const node = { id: "chain:c", type: "chain", label: "链", name: "链", sources: [] };
    const answer = chainMapSchema.parse({
      chain: node,
      region: { ...node, id: "region:r", type: "region", label: "区", name: "区" },
      enclaves: "home",
      truncated: true,
      elements: { nodes: [], edges: [] },
    });
    expect(mapResponse.parse(answer).truncated).toBe(true);
  });
});
