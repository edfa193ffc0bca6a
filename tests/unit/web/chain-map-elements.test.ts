import type { ElementDefinition } from "cytoscape";
import { describe, expect, it } from "vitest";
import type { Elements } from "../../../model/api/elements.ts";
import { chainMapElements } from "../../../web/src/graph/chain-map-elements.ts";
import { entityElements, ringPositions } from "../../../web/src/graph/entity-elements.ts";
import { stylesheet } from "../../../web/src/graph/style.ts";
import { translator } from "../../../web/src/i18n/i18n.ts";

const segment = (id: string, stage: string, extra: Record<string, unknown> = {}) => ({
  data: {
    id,
    type: "segment",
    label: id.replace("segment:", "环节"),
    stage,
    localFirms: 0,
    aboveScaleFirms: 0,
    gap: null,
    sources: [],
    ...extra,
  },
});
const firm = (id: string, segments: string[], extra: Record<string, unknown> = {}) => ({
  data: { id, type: "firm", label: `企业${id}`, segments, leader: false, local: true, tags: [], sources: [], ...extra },
});
const edge = (source: string, target: string, type: string, extra: Record<string, unknown> = {}) => ({
  data: { id: `${source}|${type}|${target}`, source, target, type, sources: [], ...extra },
});

function fixture(firmsInMid = 3): Elements {
  return {
    nodes: [
      segment("segment:herbs", "upstream", { localFirms: 1, gap: "thin" }),
      segment("segment:extracts", "upstream", { gap: "missing" }),
      segment("segment:tcm", "midstream", { localFirms: firmsInMid }),
      segment("segment:modern-tcm", "midstream", { parent: "segment:tcm", gap: "missing" }),
      segment("segment:clinics", "downstream", { gap: "missing" }),
      firm("firm:grower", ["segment:herbs"]),
      ...Array.from({ length: firmsInMid }, (_, i) => firm(`firm:m${i}`, ["segment:tcm"], { leader: i === 0 })),
    ],
    edges: [
      edge("segment:herbs", "segment:tcm", "FEEDS", { broken: true }),
      edge("segment:tcm", "segment:clinics", "FEEDS", { broken: false }),
      edge("firm:grower", "firm:m1", "SUPPLIES"),
    ],
  };
}

const t = translator("zh");
const byId = (elements: ElementDefinition[], id: string) => elements.find((e) => e.data.id === id)!;

describe("chain map elements", () => {
  it("draws stages as lanes left to right: upstream, midstream, downstream", () => {
    const { elements } = chainMapElements(fixture(), { lang: "zh", t });
    const x = (id: string) => byId(elements, id).position!.x;
    expect(x("lane:upstream")).toBeLessThan(x("lane:midstream"));
    expect(x("lane:midstream")).toBeLessThan(x("lane:downstream"));
    expect(byId(elements, "lane:upstream").data.displayLabel).toContain("上游");
  });

  it("puts each firm inside its segment box, and sub-segments inside their parent", () => {
    const { elements } = chainMapElements(fixture(), { lang: "zh", t });
    expect(byId(elements, "firm:grower").data.parent).toBe("segment:herbs");
    expect(byId(elements, "firm:m2").data.parent).toBe("segment:tcm");
    expect(byId(elements, "segment:modern-tcm").data.parent).toBe("segment:tcm");
  });

  it("places every firm inside its own lane", () => {
    const { elements } = chainMapElements(fixture(), { lang: "zh", t });
    const lane = byId(elements, "lane:midstream");
    const half = Number(lane.data.w) / 2;
    for (const id of ["firm:m0", "firm:m1", "firm:m2"]) {
      const x = byId(elements, id).position!.x;
      expect(Math.abs(x - lane.position!.x)).toBeLessThan(half);
    }
  });

  it("never puts two firm cards on the same spot", () => {
    const { elements } = chainMapElements(fixture(9), { lang: "zh", t });
    const cards = elements.filter((e) => e.classes?.includes("firm"));
    for (const a of cards)
      for (const b of cards) {
        if (a === b) continue;
        const apart = Math.abs(a.position!.x - b.position!.x) >= 120 || Math.abs(a.position!.y - b.position!.y) >= 46;
        expect(apart, `${a.data.id} overlaps ${b.data.id}`).toBe(true);
      }
  });

  it("marks leaders, gaps in place and broken flows", () => {
    const { elements } = chainMapElements(fixture(), { lang: "zh", t });
    expect(byId(elements, "firm:m0").classes).toContain("leader");
    expect(byId(elements, "firm:m0").data.displayLabel).toMatch(/^★/);
    expect(byId(elements, "segment:extracts").classes).toContain("gap-missing");
    expect(byId(elements, "segment:extracts").classes).toContain("empty");
    expect(byId(elements, "segment:extracts").data.displayLabel).toContain("缺链");
    expect(byId(elements, "segment:herbs").classes).toContain("gap-thin");
    expect(byId(elements, "segment:herbs|FEEDS|segment:tcm").classes).toContain("broken");
    expect(byId(elements, "segment:tcm|FEEDS|segment:clinics").classes).not.toContain("broken");
    expect(byId(elements, "firm:grower|SUPPLIES|firm:m1").classes).toBe("supply");
  });

  it("folds a crowded segment into a count node, and shows it all once the segment is opened", () => {
    const folded = chainMapElements(fixture(40), { lang: "zh", t, maxFirmsPerSegment: 10 });
    expect(folded.aggregated).toBe(true);
    expect(folded.elements.filter((e) => e.data.parent === "segment:tcm" && e.classes?.includes("firm"))).toHaveLength(9);
    expect(byId(folded.elements, "more:segment:tcm").data.count).toBe(31);
    expect(folded.hidden.get("segment:tcm")).toHaveLength(31);
    // The leader is never the one folded away.
    expect(byId(folded.elements, "firm:m0")).toBeDefined();

    const opened = chainMapElements(fixture(40), { lang: "zh", t, maxFirmsPerSegment: 10, open: new Set(["segment:tcm"]) });
    expect(opened.elements.filter((e) => e.data.parent === "segment:tcm" && e.classes?.includes("firm"))).toHaveLength(40);
  });

  it("above the map threshold keeps only leaders and counts, and drops edges to hidden firms", () => {
    const { elements, aggregated } = chainMapElements(fixture(30), { lang: "zh", t, aggregateAbove: 10 });
    expect(aggregated).toBe(true);
    const cards = elements.filter((e) => e.classes?.includes("firm")).map((e) => e.data.id);
    expect(cards).toEqual(["firm:m0"]);
    expect(elements.some((e) => e.data.id === "firm:grower|SUPPLIES|firm:m1")).toBe(false);
  });

  it("labels in English when asked", () => {
    const data = fixture();
    data.nodes[2]!.data.nameEn = "TCM";
    const { elements } = chainMapElements(data, { lang: "en", t: translator("en") });
    expect(byId(elements, "segment:tcm").data.displayLabel).toMatch(/^TCM\n/);
    expect(byId(elements, "lane:downstream").data.displayLabel).toBe("Downstream");
  });
});

describe("ecosystem elements", () => {
  it("classes nodes by type, marks firms with a LEADS tie as leaders and names edges", () => {
    const defs = entityElements(
      {
        nodes: [
          { data: { id: "firm:a", type: "firm", label: "甲", sources: [] } },
          { data: { id: "chain:c", type: "chain", label: "链", sources: [] } },
        ],
        edges: [{ data: { id: "firm:a|LEADS|chain:c", source: "firm:a", target: "chain:c", type: "LEADS", sources: [] } }],
      },
      "zh",
    );
    expect(defs[0]!.classes).toBe("type-firm leader");
    expect(defs[1]!.classes).toBe("type-chain");
    expect(defs[2]!.data.displayLabel).toBe("链主");
  });

  it("rings new nodes around the expanded one without stacking them", () => {
    const points = ringPositions({ x: 0, y: 0 }, 40);
    expect(points).toHaveLength(40);
    const keys = new Set(points.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(keys.size).toBe(40);
  });
});

describe("stylesheet", () => {
  it("wraps CJK labels anywhere and styles state through classes", () => {
    const rules = stylesheet() as { selector: string; style: Record<string, unknown> }[];
    const node = rules.find((r) => r.selector === "node")!;
    expect(node.style["text-wrap"]).toBe("wrap");
    expect(node.style["text-overflow-wrap"]).toBe("anywhere");
    for (const cls of [".faded", "node.highlighted", "node.leader", "node.gap-missing", "edge.flow.broken"]) {
      expect(
        rules.some((r) => r.selector.includes(cls)),
        cls,
      ).toBe(true);
    }
  });
});
