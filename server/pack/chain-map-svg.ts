import type { ChainMap } from "../../model/api/analysis.ts";
import { nameIn, type PackLang, STAGE_ORDER, word } from "./labels.ts";
import { framedPicture, measure, type PictureMeta, round, STAGE_COLOURS, text, WIDTH, wrap } from "./svg-frame.ts";

const COLUMN_GAP = 56;
const BOX_GAP = 12;
const FIRMS_SHOWN = 3;
const GAP_STYLE = {
  missing: { fill: "#fff5f5", stroke: "#c53030", dashed: true },
  thin: { fill: "#fffaf0", stroke: "#dd6b20", dashed: false },
  ok: { fill: "#f0fff4", stroke: "#2f855a", dashed: false },
  unjudged: { fill: "#f7fafc", stroke: "#a0aec0", dashed: false },
} as const;

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  svg: string;
}

/**
 * 产业链图: the lane map of the chain in the region — upstream, midstream, downstream columns,
 * each segment a box with its local and above-scale firm counts and its leading firms, coloured
 * by its gap state, with the expected flows between segments (broken ones dashed red). The same
 * data as GET /api/chains/:id/map; nothing is drawn that the map does not hold.
 */
export function chainMapSvg(map: ChainMap, lang: PackLang, meta: PictureMeta): string {
  const nodes = map.elements.nodes.map((n) => n.data);
  const segments = nodes.filter((n) => n.type === "segment");
  const firms = nodes.filter((n) => n.type === "firm");
  const columnWidth = (WIDTH - 48 - COLUMN_GAP * 2) / 3;
  const boxes = new Map<string, Box>();
  const parts: string[] = [];
  let bodyHeight = 0;

  STAGE_ORDER.forEach((stage, column) => {
    const x0 = 24 + column * (columnWidth + COLUMN_GAP);
    parts.push(
      `<rect x="${round(x0)}" y="4" width="${round(columnWidth)}" height="26" rx="4" fill="${STAGE_COLOURS[stage]}"/>`,
      text(x0 + columnWidth / 2, 22, word(stage, lang), { size: 14, weight: "bold", anchor: "middle", fill: "#ffffff" }),
    );
    let y = 42;
    const inStage = orderWithChildren(segments.filter((s) => s.stage === stage));
    for (const segment of inStage) {
      const indent = segment.parent && inStage.some((s) => s.id === segment.parent) ? 18 : 0;
      const box = segmentBox(segment, firms, lang, x0 + indent, y, columnWidth - indent);
      boxes.set(segment.id, box);
      parts.push(box.svg);
      y += box.height + BOX_GAP;
    }
    bodyHeight = Math.max(bodyHeight, y);
  });

  const arrows = map.elements.edges
    .map((e) => e.data)
    .filter((e) => e.type === "FEEDS")
    .map((edge) => {
      const from = boxes.get(edge.source);
      const to = boxes.get(edge.target);
      if (!from || !to || from.x === to.x) return "";
      const [a, b] = from.x < to.x ? [from, to] : [to, from];
      const x1 = a.x + a.width;
      const y1 = a.y + a.height / 2;
      const x2 = b.x;
      const y2 = b.y + b.height / 2;
      const broken = edge.broken === true;
      return `<path d="M${round(x1)} ${round(y1)}C${round(x1 + 28)} ${round(y1)} ${round(x2 - 28)} ${round(y2)} ${round(x2)} ${round(y2)}" fill="none" stroke="${broken ? "#c53030" : "#a0aec0"}" stroke-width="${broken ? 2 : 1.2}"${broken ? ' stroke-dasharray="6 3"' : ""} marker-end="url(#arrow${broken ? "-broken" : ""})"/>`;
    })
    .join("");
  const defs =
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10Z" fill="#a0aec0"/></marker>' +
    '<marker id="arrow-broken" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10Z" fill="#c53030"/></marker></defs>';

  const legend = [
    { label: word("missing", lang), ...GAP_STYLE.missing, shape: "rect" as const },
    { label: word("thin", lang), ...GAP_STYLE.thin, shape: "rect" as const },
    { label: word("covered", lang), ...GAP_STYLE.ok, shape: "rect" as const },
    { label: word("unjudged", lang), ...GAP_STYLE.unjudged, shape: "rect" as const },
    { label: word("feeds", lang), fill: "#a0aec0" },
    { label: word("broken", lang), fill: "#c53030", dashed: true },
  ];
  return framedPicture(meta, bodyHeight, defs + arrows + parts.join(""), legend, word("legend", lang));
}

type NodeData = ChainMap["elements"]["nodes"][number]["data"];

/** Parents first, each followed by its sub-segments, in the map's (chain) order. */
function orderWithChildren(segments: NodeData[]): NodeData[] {
  const ids = new Set(segments.map((s) => s.id));
  const out: NodeData[] = [];
  for (const top of segments.filter((s) => !s.parent || !ids.has(String(s.parent)))) {
    out.push(top, ...segments.filter((s) => s.parent === top.id));
  }
  return out;
}

function segmentBox(segment: NodeData, firms: NodeData[], lang: PackLang, x: number, y: number, width: number): Box {
  // The gap rules judge top-level segments; a sub-segment without firms and without a verdict is not "covered".
  const gap =
    segment.gap === "missing" ? "missing" : segment.gap === "thin" ? "thin" : Number(segment.localFirms ?? 0) > 0 ? "ok" : "unjudged";
  const style = GAP_STYLE[gap];
  const own = firms
    .filter((f) => Array.isArray(f.segments) && (f.segments as string[]).includes(segment.id))
    .sort((a, b) => Number(b.leader === true) - Number(a.leader === true) || a.id.localeCompare(b.id));
  const nameLines = wrap(nameIn(segment, lang), 14, width - 20, 2);
  const counts = `${word("firms", lang)} ${Number(segment.localFirms ?? 0)} · ${word("aboveScale", lang)} ${Number(segment.aboveScaleFirms ?? 0)}`;
  const firmLines = own
    .slice(0, FIRMS_SHOWN)
    .map((f) => `${f.leader === true ? `★ ${word("leader", lang)} ` : "· "}${nameIn(f, lang)}`)
    .map((line) => (measure(line, 11) > width - 20 ? (wrap(line, 11, width - 20, 1)[0] ?? line) : line));
  if (own.length > FIRMS_SHOWN) firmLines.push(`… +${own.length - FIRMS_SHOWN}`);
  const height = 14 + nameLines.length * 18 + 18 + firmLines.length * 15 + 6;
  const svg = [
    `<g data-node-id="${segment.id}">`,
    `<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${height}" rx="6" fill="${style.fill}" stroke="${style.stroke}" stroke-width="1.5"${style.dashed ? ' stroke-dasharray="6 3"' : ""}/>`,
    ...nameLines.map((line, i) => text(x + 10, y + 22 + i * 18, line, { size: 14, weight: "bold" })),
    text(x + 10, y + 22 + nameLines.length * 18, counts, { size: 11, fill: "#4a5568" }),
    ...firmLines.map((line, i) => text(x + 10, y + 22 + nameLines.length * 18 + 16 + i * 15, line, { size: 11, fill: "#2d3748" })),
    "</g>",
  ].join("");
  return { id: segment.id, x, y, width, height, svg };
}
