import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { pictureCaption } from "../../../web/src/export/caption.ts";
import { frameSvg } from "../../../web/src/export/frame.ts";
import { translator } from "../../../web/src/i18n/i18n.ts";

const t = translator("zh");
const GRAPH = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="-20 -20 1000 500" width="1000" height="500" font-family="x">',
  '<text x="0" y="0">纳爱斯集团</text>',
  "</svg>",
].join("\n");

describe("exported pictures explain themselves", () => {
  const shown = {
    nodes: [
      { id: "segment:a", type: "segment", gap: "missing", sources: [{ doc: "doc:1", quote: "q" }] },
      { id: "segment:b", type: "segment", gap: "thin", sources: [] },
      { id: "firm:n", type: "firm", leader: true, sources: [{ doc: "doc:2", quote: "q" }] },
    ],
    edges: [{ id: "e", type: "FEEDS", broken: true, sources: [{ doc: "doc:1", quote: "q" }] }],
  };

  it("captions with the marks present, the date and the number of cited documents", () => {
    const caption = pictureCaption(shown, "莲都区 · 美丽健康产业链", t, new Date("2026-11-26T08:00:00Z"));
    expect(caption.legend.map((l) => l.label)).toEqual(["缺链", "弱链", "断链", "链主企业", "企业"]);
    expect(caption.byline).toBe("制图日期：2026-11-26 · 来源：产业链图谱（Chain Atlas），据 2 份公开文件整理");
    expect(pictureCaption({ nodes: [], edges: [] }, "x", t).legend).toEqual([]);
  });

  it("frames the graph's SVG with title, legend and byline in one valid document", () => {
    const caption = pictureCaption(shown, "莲都区 · 美丽健康产业链 <&>", t, new Date("2026-11-26T08:00:00Z"));
    const framed = frameSvg(GRAPH, caption);
    expect(XMLValidator.validate(framed)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "text" || name === "svg" }).parse(framed);
    const outer = doc.svg[0];
    expect(Number(outer["@_height"])).toBe(500 + 64 + 40);
    const texts = outer.text.map((x: { "#text": string }) => x["#text"]);
    expect(texts[0]).toBe("莲都区 · 美丽健康产业链 <&>");
    expect(texts).toContain("缺链");
    expect(texts.at(-1)).toContain("制图日期");
    // The graph keeps its own coordinates, moved below the title.
    expect(outer.svg[0]["@_viewBox"]).toBe("-20 -20 1000 500");
    expect(outer.svg[0]["@_y"]).toBe("64");
  });
});
