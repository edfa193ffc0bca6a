import { describe, expect, it } from "vitest";
import { withMapAttributes } from "../../../server/export/map-attributes.ts";
import { gapStatuses } from "../../../web/src/export/exporters.ts";

const node = (id: string, extra: Record<string, unknown> = {}) => ({ data: { id, type: "x", label: id, sources: [], ...extra } });
const edge = (source: string, type: string, target: string) => ({
  data: { id: `${source}|${type}|${target}`, source, target, type, sources: [] },
});

describe("withMapAttributes", () => {
  it("writes segments, parent, chain, gap status and the synthetic mark onto the nodes", () => {
    const out = withMapAttributes(
      {
        nodes: [node("firm:a"), node("firm:b", { assumption: "synthetic" }), node("segment:s"), node("segment:t"), node("chain:c")],
        edges: [
          edge("firm:a", "IN_SEGMENT", "segment:s"),
          edge("firm:a", "IN_SEGMENT", "segment:t"),
          edge("segment:t", "SUB_SEGMENT_OF", "segment:s"),
          edge("segment:s", "SEGMENT_OF", "chain:c"),
          edge("segment:s", "FLOWS_TO", "segment:t"),
        ],
      },
      { "segment:t": "missing", "segment:s|FLOWS_TO|segment:t": "broken" },
    );
    const byId = new Map(out.nodes.map((n) => [n.data.id, n.data]));
    expect(byId.get("firm:a")?.segments).toEqual(["segment:s", "segment:t"]);
    expect(byId.get("segment:t")?.parentSegment).toBe("segment:s");
    expect(byId.get("segment:s")?.chain).toBe("chain:c");
    expect(byId.get("segment:t")?.gapStatus).toBe("missing");
    expect(byId.get("firm:b")?.synthetic).toBe(true);
    expect(byId.get("firm:a")?.synthetic).toBeUndefined();
    expect(out.edges.find((e) => e.data.type === "FLOWS_TO")?.data.gapStatus).toBe("broken");
  });

  it("reads the statuses the map shows", () => {
    expect(gapStatuses([{ id: "a", gap: "missing" }, { id: "b", gap: "thin" }, { id: "c", broken: true }, { id: "d" }])).toEqual({
      a: "missing",
      b: "thin",
      c: "broken",
    });
  });
});
