import type { ElementDefinition } from "cytoscape";
import { describe, expect, it } from "vitest";
import type { Elements } from "../../../model/api/elements.ts";
import { chainMapElements, estimateLines, fittedZoom } from "../../../web/src/graph/chain-map-elements.ts";
import { entityElements, ringPositions } from "../../../web/src/graph/entity-elements.ts";
import { DETAIL_FONT, MAP_FONTS, MIN_DRAWN_FONT_PX, stylesheet } from "../../../web/src/graph/style.ts";
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

  it("folds a crowded segment into its leaders and a count node, and shows it all once the segment is opened", () => {
    const folded = chainMapElements(fixture(40), { lang: "zh", t, maxFirmsPerSegment: 10 });
    expect(folded.aggregated).toBe(true);
    const cards = folded.elements.filter((e) => e.data.parent === "segment:tcm" && e.classes?.includes("firm"));
    expect(
      cards.map((e) => e.data.id),
      "only the leader keeps its card",
    ).toEqual(["firm:m0"]);
    expect(byId(folded.elements, "more:segment:tcm").data.count).toBe(39);
    expect(byId(folded.elements, "more:segment:tcm").data.displayLabel).toBe("+39 家");
    expect(folded.hidden.get("segment:tcm")).toHaveLength(39);

    const opened = chainMapElements(fixture(40), { lang: "zh", t, maxFirmsPerSegment: 10, open: new Set(["segment:tcm"]) });
    expect(opened.elements.filter((e) => e.data.parent === "segment:tcm" && e.classes?.includes("firm"))).toHaveLength(40);
  });

  it("draws a segment with few firms in full", () => {
    const { elements, aggregated } = chainMapElements(fixture(5), { lang: "zh", t, maxFirmsPerSegment: 6 });
    expect(aggregated).toBe(false);
    expect(elements.filter((e) => e.data.parent === "segment:tcm" && e.classes?.includes("firm"))).toHaveLength(5);
  });

  it("above the map threshold keeps only leaders and counts, and drops edges to hidden firms", () => {
    const { elements, aggregated } = chainMapElements(fixture(30), { lang: "zh", t, aggregateAbove: 10 });
    expect(aggregated).toBe(true);
    const cards = elements.filter((e) => e.classes?.includes("firm")).map((e) => e.data.id);
    expect(cards).toEqual(["firm:m0"]);
    expect(elements.some((e) => e.data.id === "firm:grower|SUPPLIES|firm:m1")).toBe(false);
  });

  it("says on the box why a segment is thin or missing, naming a count a document states", () => {
    const data = fixture();
    data.nodes.push(segment("segment:aesthetics", "downstream", { gap: "thin", localFirms: 0, reportedFirms: 20 }));
    const { elements } = chainMapElements(data, { lang: "zh", t });
    expect(byId(elements, "segment:aesthetics").data.displayLabel).toBe("环节aesthetics（弱链）\n文件称有企业20家，图中未录入");
    expect(byId(elements, "segment:herbs").data.displayLabel).toBe("环节herbs（弱链）\n本地仅1家企业，规上企业0家");
    expect(byId(elements, "segment:extracts").data.displayLabel).toBe("环节extracts（缺链）\n本地没有企业");
  });

  it("draws the empty sub-segments of a missing segment as missing too", () => {
    const data = fixture();
    data.nodes.push(segment("segment:anti-aging", "midstream", { gap: "missing" }));
    data.nodes.push(segment("segment:devices", "midstream", { parent: "segment:anti-aging", gap: null }));
    const { elements } = chainMapElements(data, { lang: "zh", t });
    const sub = byId(elements, "segment:devices");
    expect(sub.classes).toContain("gap-missing");
    expect(sub.data.parent).toBe("segment:anti-aging");
    expect(sub.data.reason).toBe("上级环节缺链，本环节也没有本地企业");
    expect(sub.data.displayLabel).toContain("缺链");
  });

  it("makes boxes tall enough for their wrapped labels, so a label never runs into the next box", () => {
    const { elements } = chainMapElements(fixture(), { lang: "zh", t });
    const subs = elements.filter((e) => e.classes?.includes("chip"));
    expect(subs.length).toBeGreaterThan(0);
    for (const chip of subs) {
      const lines = estimateLines(String(chip.data.displayLabel), MAP_FONTS.chip, Number(chip.data.boxW) - 16);
      expect(Number(chip.data.boxH)).toBeGreaterThanOrEqual(lines * MAP_FONTS.chip * 1.3);
    }
    expect(estimateLines("植物提取类化妆品与功效型护肤品 · 缺链", 16, 256)).toBe(2);
    expect(estimateLines("短\n两行", 16, 256)).toBe(2);
  });

  it("marks a synthetic (demo layer) firm on its card", () => {
    const data = fixture();
    data.nodes.push(firm("firm:syn-demo", ["segment:herbs"], { assumption: "synthetic", label: "【示例】企业" }));
    const { elements } = chainMapElements(data, { lang: "zh", t });
    expect(byId(elements, "firm:syn-demo").classes).toContain("synthetic");
    expect(byId(elements, "firm:grower").classes).not.toContain("synthetic");
  });

  it("labels in English when asked", () => {
    const data = fixture();
    data.nodes[2]!.data.nameEn = "TCM";
    const { elements } = chainMapElements(data, { lang: "en", t: translator("en") });
    expect(byId(elements, "segment:tcm").data.displayLabel).toMatch(/^TCM\n/);
    expect(byId(elements, "lane:downstream").data.displayLabel).toBe("Downstream");
    // English wraps at spaces and uses ASCII brackets.
    expect(byId(elements, "segment:herbs").classes).toContain("latin");
    expect(byId(elements, "segment:herbs").data.displayLabel).toMatch(/^环节herbs \(thin\)\n/);
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
    for (const cls of [".faded", "node.highlighted", "node.leader", "node.gap-missing", "edge.flow.broken", "node.synthetic"]) {
      expect(
        rules.some((r) => r.selector.includes(cls)),
        cls,
      ).toBe(true);
    }
  });
});

describe("chain map stylesheet", () => {
  it("never draws chain map text below 11 px on screen: every labelled map rule hides smaller text", () => {
    const rules = stylesheet() as { selector: string; style: Record<string, unknown> }[];
    const mapRules = rules.filter((r) => /lane|segment|firm|aggregate|flow/.test(r.selector) && r.style["font-size"] !== undefined);
    expect(mapRules.length).toBeGreaterThan(4);
    for (const rule of mapRules) {
      const own = rule.style["min-zoomed-font-size"];
      const inherited = rules.find((r) => r.selector === "node.segment")?.style["min-zoomed-font-size"];
      expect(own ?? inherited, rule.selector).toBe(MIN_DRAWN_FONT_PX);
    }
  });
});

/** A chain of 30 top-level segments (10 per stage), each holding 25 local firms, the first of each stage led. */
function denseFixture(): Elements {
  const stages = ["upstream", "midstream", "downstream"];
  const nodes: Elements["nodes"] = [];
  for (let i = 0; i < 30; i++) {
    const id = `segment:s${i}`;
    nodes.push(segment(id, stages[Math.floor(i / 10)]!, { localFirms: 25, aboveScaleFirms: 5 }));
    for (let f = 0; f < 25; f++) nodes.push(firm(`firm:s${i}-${f}`, [id], { leader: f === 0 && i % 10 === 0 }));
  }
  return { nodes, edges: [edge("firm:s0-1", "firm:s10-1", "SUPPLIES"), edge("firm:s0-0", "firm:s10-0", "SUPPLIES")] };
}

describe("chain map fitted to a canvas (aggregation, not hiding)", () => {
  const canvas = { width: 1110, height: 800 };
  const classesOf = (e: ElementDefinition) => String(e.classes ?? "");
  const pictureSize = (elements: ElementDefinition[]) => {
    const lanes = elements.filter((e) => e.data.type === "lane");
    const right = Math.max(...lanes.map((l) => l.position!.x + Number(l.data.w) / 2));
    const left = Math.min(...lanes.map((l) => l.position!.x - Number(l.data.w) / 2));
    const lane = lanes[0]!;
    return { width: right - left, height: Number(lane.data.h) + Number(lane.data.fs) * 1.3 + 10 };
  };

  it("scales what a planner must read until the fitted view draws it at 11 px or more", () => {
    const plain = chainMapElements(denseFixture(), { lang: "zh", t, aspect: canvas.width / canvas.height });
    const plainZoom = fittedZoom(pictureSize(plain.elements), canvas);
    expect(MAP_FONTS.card * plainZoom, "unscaled, the dense map would be too small to read").toBeLessThan(MIN_DRAWN_FONT_PX);

    const { elements, scale } = chainMapElements(denseFixture(), { lang: "zh", t, canvas });
    expect(scale).toBeGreaterThan(1);
    const zoom = fittedZoom(pictureSize(elements), canvas);
    const mustRead = elements.filter((e) => /\b(lane|segment|aggregate|leader)\b/.test(classesOf(e)));
    expect(mustRead.length).toBeGreaterThan(30);
    for (const e of mustRead) expect(Number(e.data.fs) * zoom, String(e.data.id)).toBeGreaterThanOrEqual(MIN_DRAWN_FONT_PX);
  });

  it("folds firms into their segment box: counts on the box, leaders named, a row of small detail cards, the rest hidden", () => {
    const { elements, hidden } = chainMapElements(denseFixture(), { lang: "zh", t, canvas });
    const led = byId(elements, "segment:s0");
    expect(String(led.data.displayLabel)).toContain("本地 25");
    expect(led.data.folded).toBe(true);
    expect(byId(elements, "firm:s0-0").classes).toContain("leader");
    expect(byId(elements, "more:segment:s0"), "a count card beside the leader").toBeDefined();
    // A box without a leader carries no count card: its label counts, a tap opens it.
    expect(elements.find((e) => e.data.id === "more:segment:s1")).toBeUndefined();
    const details = elements.filter((e) => classesOf(e).includes("detail"));
    expect(details.length).toBeGreaterThan(0);
    for (const d of details) expect(d.data.fs).toBe(DETAIL_FONT);
    const drawnFirms = new Set(elements.filter((e) => e.data.type === "firm").map((e) => e.data.id));
    for (const [, ids] of hidden) for (const id of ids) expect(drawnFirms.has(id), id).toBe(false);
    const shownOfS1 = elements.filter((e) => e.data.parent === "segment:s1" && e.data.type === "firm").length;
    expect(shownOfS1 + (hidden.get("segment:s1")?.length ?? 0)).toBe(25);
    // Ties of a detail card would criss-cross the picture: only the named firms' ties are drawn.
    expect(elements.some((e) => e.data.id === "firm:s0-1|SUPPLIES|firm:s10-1")).toBe(false);
    expect(elements.some((e) => e.data.id === "firm:s0-0|SUPPLIES|firm:s10-0")).toBe(true);
  });

  it("leaves a map that reads at its own size unscaled, and draws no detail cards without a canvas", () => {
    const small = chainMapElements(fixture(), { lang: "zh", t, canvas });
    expect(small.scale).toBe(1);
    const exported = chainMapElements(denseFixture(), { lang: "zh", t });
    expect(exported.scale).toBe(1);
    expect(exported.elements.some((e) => classesOf(e).includes("detail"))).toBe(false);
  });
});
