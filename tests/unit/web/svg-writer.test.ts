import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  escapeXml,
  estimateTextWidth,
  type SvgEdge,
  type SvgLabel,
  type SvgNode,
  type SvgScene,
  wrapLabel,
  writeSvg,
} from "../../../web/src/export/svg-writer.ts";

const FONT = { size: 14, weight: "normal", family: '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif' };

function label(text: string, x: number, y: number, extra: Partial<SvgLabel> = {}): SvgLabel {
  return {
    text,
    x,
    y,
    valign: "center",
    halign: "center",
    font: FONT,
    color: "rgb(15,23,42)",
    opacity: 1,
    maxWidth: 110,
    wrapAnywhere: true,
    lineHeight: 1.15,
    ...extra,
  };
}

function node(id: string, x: number, y: number, text: string, extra: Partial<SvgNode> = {}): SvgNode {
  return {
    kind: "node",
    id,
    shape: "round-rectangle",
    x,
    y,
    width: 120,
    height: 46,
    fill: "rgb(219,234,254)",
    fillOpacity: 1,
    stroke: "rgb(147,197,253)",
    strokeWidth: 1,
    strokeOpacity: 1,
    strokeStyle: "solid",
    opacity: 1,
    label: label(text, x, y),
    ...extra,
  };
}

function edge(id: string, from: SvgNode, to: SvgNode, extra: Partial<SvgEdge> = {}): SvgEdge {
  return {
    kind: "edge",
    id,
    points: [
      { x: from.x + from.width / 2, y: from.y },
      { x: to.x - to.width / 2, y: to.y },
    ],
    curve: "straight",
    color: "rgb(100,116,139)",
    width: 3,
    lineStyle: "solid",
    opacity: 0.9,
    targetArrow: { shape: "triangle", color: "rgb(100,116,139)", size: 35, gap: 7 },
    ...extra,
  };
}

/** A small chain map: a dashed gap segment box holding a leader firm, a second box, a broken flow. */
function chainMapScene(): SvgScene {
  const box = node("segment:raw", 0, 0, "原料供应", {
    width: 300,
    height: 200,
    fill: "rgb(254,242,242)",
    stroke: "rgb(185,28,28)",
    strokeWidth: 2.5,
    strokeStyle: "dashed",
    dash: [4, 2],
    label: label("原料供应", 0, -100, { valign: "top", font: { ...FONT, size: 17, weight: "bold" }, maxWidth: 300 }),
  });
  const leader = node("firm:nice-group", 0, 10, "★ 纳爱斯集团有限公司", { fill: "rgb(254,243,199)", strokeWidth: 3 });
  const other = node("segment:retail", 600, 0, "零售 Retail & <Co>", { width: 300, height: 200 });
  const hostile = node("firm:hostile", 600, 10, `<script>alert("x")</script> & 'quotes'`);
  const region = node("region:lianzhou", -400, 300, "莲都区", { shape: "round-hexagon", width: 34, height: 34, label: undefined });
  const flow = edge("flow-1", box, other, {
    lineStyle: "dashed",
    dash: [8, 5],
    color: "rgb(185,28,28)",
    targetArrow: { shape: "tee", color: "rgb(185,28,28)", size: 35, gap: 1 },
    label: label("断链", 300, 0, { background: { color: "#ffffff", opacity: 1, padding: 2 }, maxWidth: undefined }),
  });
  const supply = edge("supply-1", leader, hostile, { curve: "bezier", points: [leader, { x: 300, y: 120 }, hostile] });
  return { items: [region, box, other, flow, supply, leader, hostile], background: "#ffffff", fontFamily: FONT.family };
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: false });

/** Every <text> as the string a reader sees: its tspans joined. */
function texts(xml: string): string[] {
  const found: string[] = [];
  const walk = (value: unknown, key = "") => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v, key);
    } else if (value && typeof value === "object") {
      if (key === "text") {
        const spans = (value as { tspan?: unknown }).tspan;
        const list = Array.isArray(spans) ? spans : [spans];
        found.push(
          list.map((span) => (typeof span === "object" && span ? String((span as { "#text": unknown })["#text"]) : String(span))).join(""),
        );
      }
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(parser.parse(xml));
  return found;
}

describe("SVG writer", () => {
  it("writes a well-formed document with one <svg> root, a white background and a font with a CJK fallback", () => {
    const xml = writeSvg(chainMapScene());
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parser.parse(xml);
    expect(Object.keys(parsed).filter((k) => !k.startsWith("?"))).toEqual(["svg"]);
    expect(parsed.svg["@xmlns"]).toBe("http://www.w3.org/2000/svg");
    expect(parsed.svg["@font-family"]).toContain("Noto Sans CJK SC");
    expect(parsed.svg["@font-family"]).toMatch(/sans-serif$/);
    expect(parsed.svg.rect["@fill"]).toBe("#ffffff");
  });

  it("escapes hostile labels so they stay text", () => {
    const xml = writeSvg(chainMapScene());
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("&lt;script&gt;");
    expect(xml).toContain("&amp;");
    expect(texts(xml)).toContain(`<script>alert("x")</script> & 'quotes'`);
    expect(texts(xml)).toContain("零售 Retail & <Co>");
    expect(escapeXml(`a&b<c>"d'`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;");
    // Control characters are not allowed in XML 1.0 at all, escaped or not.
    expect(escapeXml("x\u0001y\u200bz")).toBe("xy\u200bz");
  });

  it("shows every node label and draws one path per edge, with arrowheads", () => {
    const scene = chainMapScene();
    const xml = writeSvg(scene);
    const shown = texts(xml);
    for (const item of scene.items) {
      if (item.kind === "node" && item.label) expect(shown, item.id).toContain(item.label.text);
    }
    const parsed = parser.parse(xml);
    const edgeGroups = (parsed.svg.g as { "@class": string; path: unknown; polygon: unknown }[]).filter((g) => g["@class"] === "edge");
    expect(edgeGroups).toHaveLength(scene.items.filter((item) => item.kind === "edge").length);
    for (const group of edgeGroups) {
      expect(Array.isArray(group.path), "one path per edge").toBe(false);
      expect(group.polygon, "arrowhead").toBeDefined();
    }
  });

  it("draws broken flows dashed and red, gap boxes dashed, the curve through its control point", () => {
    const xml = writeSvg(chainMapScene());
    expect(xml).toMatch(
      /<g class="edge" data-id="flow-1"[^>]*><path d="[^"]+" fill="none" stroke="rgb\(185,28,28\)" stroke-width="3" stroke-dasharray="8 5" opacity="0.9"\/>/,
    );
    expect(xml).toMatch(/data-id="segment:raw"><title>原料供应<\/title><rect [^>]*rx="8"[^>]*stroke-dasharray="4 2"/);
    expect(xml).toMatch(/data-id="supply-1"[^>]*><path d="M[\d. -]+Q300 120 /);
    expect(texts(xml)).toContain("断链");
  });

  it("wraps a long Chinese label into several <tspan> lines, none wider than the limit", () => {
    const long = "丽水市莲都区美丽健康产业链链主企业纳爱斯集团有限公司";
    const xml = writeSvg({ items: [node("firm:long", 0, 0, long)], background: "#ffffff", fontFamily: FONT.family });
    const spans = [...xml.matchAll(/<tspan [^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!);
    expect(spans.length).toBeGreaterThan(2);
    expect(spans.join("")).toBe(long);
    for (const span of spans) expect(estimateTextWidth(span, FONT)).toBeLessThanOrEqual(110);
    const ys = [...xml.matchAll(/<tspan x="[^"]+" y="([^"]+)"/g)].map((m) => Number(m[1]));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(ys.length);
  });

  it("breaks Latin text at spaces unless told to break anywhere, and keeps explicit newlines", () => {
    const fit = (line: string) => line.length * 10;
    // Like the canvas, a word counts with the space after it.
    expect(wrapLabel("alpha beta gamma", 110, false, fit)).toEqual(["alpha beta", "gamma"]);
    expect(wrapLabel("abcdefghijkl", 100, true, fit)).toEqual(["abcdefghij", "kl"]);
    expect(wrapLabel("上游\n下游", 100, true, fit)).toEqual(["上游", "下游"]);
    expect(wrapLabel("short", undefined, true, fit)).toEqual(["short"]);
  });

  it("sets a viewBox that covers every node with a margin", () => {
    const scene = chainMapScene();
    const xml = writeSvg({ ...scene, margin: 25 });
    const [x, y, w, h] = String(parser.parse(xml).svg["@viewBox"]).split(" ").map(Number) as [number, number, number, number];
    for (const item of scene.items) {
      if (item.kind !== "node") continue;
      expect(item.x - item.width / 2, item.id).toBeGreaterThanOrEqual(x + 25);
      expect(item.y - item.height / 2, item.id).toBeGreaterThanOrEqual(y + 25);
      expect(item.x + item.width / 2, item.id).toBeLessThanOrEqual(x + w - 25);
      expect(item.y + item.height / 2, item.id).toBeLessThanOrEqual(y + h - 25);
    }
    // The segment title sits above its box; the picture must not cut it off.
    expect(y).toBeLessThanOrEqual(-100 - 17 - 25);
  });

  it("gives each node shape its outline", () => {
    const shapes = [
      "ellipse",
      "rectangle",
      "round-rectangle",
      "round-hexagon",
      "round-diamond",
      "round-tag",
      "barrel",
      "round-triangle",
      "hexagon",
    ];
    const xml = writeSvg({
      items: shapes.map((shape, i) => node(`n${i}`, i * 100, 0, shape, { shape, width: 40, height: 40 })),
      background: "#ffffff",
      fontFamily: FONT.family,
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/data-id="n0">.*?<ellipse /);
    expect(xml).toMatch(/data-id="n1">.*?<rect [^>]*width="40"/);
    expect(xml).toMatch(/data-id="n3">.*?<path d="M[^"]*Q/);
    expect(xml).toMatch(/data-id="n8">.*?<polygon points="([^ ]+ ){5}[^ ]+"/);
  });

  it("writes an empty picture without failing", () => {
    const xml = writeSvg({ items: [], background: "#ffffff", fontFamily: "sans-serif" });
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});
