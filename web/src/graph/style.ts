import type { StylesheetJson } from "cytoscape";
import { EDGE_COLORS, MAP_COLORS, NODE_LOOK } from "./palette.ts";

/**
 * The stylesheet as data. Visual state lives in classes (.faded, .highlighted, .gap, .leader …)
 * so views change looks by toggling classes, never by setting styles on elements.
 */
export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", system-ui, sans-serif';

/**
 * Chain map font sizes in graph units; the layout (chain-map-elements.ts) sizes boxes for them.
 * With the map fitted on a 1440×900 screen none is drawn below 11 CSS px (tests/e2e/chain-map.test.ts).
 */
export const MAP_FONTS = { lane: 30, segment: 20, chip: 17, card: 17, flow: 18 } as const;

/**
 * A folded segment's detail card on a scaled map (chain-map-elements.ts): small on purpose, its
 * name is drawn only once the user zooms in far enough for it to reach 11 px.
 */
export const DETAIL_FONT = 13;

/** Text smaller than this on screen is not drawn at all: it appears as the user zooms in. */
export const MIN_DRAWN_FONT_PX = 11;
/**
 * Entity graph font sizes in graph units. The names a walk turns on (its focus, the path's ends,
 * chain leaders, regions and chains) are larger, so they stay drawn at a farther zoom than the rest.
 */
export const ENTITY_FONTS = { node: 14, key: 18, edge: 12 } as const;
/** A firm card on the chain map; the layout's grid cells are a little larger. */
export const MAP_LAYOUT_CARD = { w: 126, h: 52 } as const;

type Rule = { selector: string; style: Record<string, string | number | number[]> };

/**
 * Chinese has no spaces to break at: wrap anywhere, within a fixed width. CJK glyphs fill the
 * whole em box, so a little extra line height keeps wrapped lines from touching.
 */
const CJK_LABEL = { "text-wrap": "wrap", "text-overflow-wrap": "anywhere", "font-family": FONT_FAMILY, "line-height": 1.3 } as const;

const base: Rule[] = [
  {
    selector: "node",
    style: {
      ...CJK_LABEL,
      label: "data(displayLabel)",
      // Entity graphs (explorer, targets): names are drawn at 11 CSS px or more, or not at all —
      // at a far zoom they give way (the node list beside the graph still names every node).
      "font-size": ENTITY_FONTS.node,
      color: MAP_COLORS.text,
      "text-max-width": "130px",
      "text-valign": "bottom",
      "text-halign": "center",
      "text-margin-y": 4,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.75,
      "text-background-padding": "1px",
      width: 26,
      height: 26,
      "border-width": 1.5,
      "border-color": "#ffffff",
      "min-zoomed-font-size": MIN_DRAWN_FONT_PX,
    },
  },
  {
    selector: "edge",
    style: {
      width: 1.5,
      "curve-style": "bezier",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.8,
      "line-color": "#94a3b8",
      "target-arrow-color": "#94a3b8",
      opacity: 0.85,
      "font-family": FONT_FAMILY,
      "font-size": ENTITY_FONTS.edge,
      color: "#334155",
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "min-zoomed-font-size": MIN_DRAWN_FONT_PX,
    },
  },
];

const byType: Rule[] = [
  ...Object.entries(NODE_LOOK).map(([type, look]) => ({
    selector: `node.type-${type}`,
    style: { "background-color": look.color, shape: look.shape },
  })),
  ...Object.entries(EDGE_COLORS).map(([type, color]) => ({
    selector: `edge.rel-${type}`,
    style: { "line-color": color, "target-arrow-color": color },
  })),
  { selector: "node.type-chain, node.type-region", style: { width: 34, height: 34, "font-weight": "bold", "font-size": ENTITY_FONTS.key } },
  {
    selector: "edge.rel-IN_SEGMENT, edge.rel-LOCATED_IN, edge.rel-PART_OF, edge.rel-SEGMENT_OF",
    style: { "line-style": "dashed", width: 1 },
  },
];

/** The chain map: lanes, segment boxes holding firm cards and sub-segment rows, flows between segments. */
const chainMap: Rule[] = [
  {
    selector: "node.lane",
    style: {
      shape: "rectangle",
      width: "data(w)",
      height: "data(h)",
      "background-color": "data(fill)",
      "border-color": "data(stroke)",
      "border-width": 1,
      "text-valign": "top",
      "text-margin-y": -10,
      "font-size": MAP_FONTS.lane,
      "font-weight": "bold",
      color: "#1e293b",
      "text-background-opacity": 0,
      "text-max-width": "600px",
      "z-compound-depth": "bottom",
      "min-zoomed-font-size": MIN_DRAWN_FONT_PX,
      events: "no",
    },
  },
  {
    selector: "node.segment",
    style: {
      shape: "round-rectangle",
      "background-color": MAP_COLORS.segmentFill,
      "background-opacity": 1,
      "border-color": MAP_COLORS.segmentBorder,
      "border-width": 1.5,
      "text-valign": "top",
      "text-halign": "center",
      "text-margin-y": -4,
      "font-size": MAP_FONTS.segment,
      "font-weight": "bold",
      "text-max-width": "data(labelW)",
      "text-background-opacity": 0,
      padding: "12px",
      "min-width": "data(minW)",
      "compound-sizing-wrt-labels": "include",
      // The title stands above the box: a click on it is a click on the box.
      "text-events": "yes",
      "min-zoomed-font-size": MIN_DRAWN_FONT_PX,
    },
  },
  {
    selector: "node.segment.empty",
    // Plain nodes: padding would add to the size the layout measured.
    style: { width: "data(minW)", height: "data(boxH)", padding: 0, "text-valign": "center", "text-margin-y": 0 },
  },
  {
    selector: "node.segment.chip",
    style: {
      width: "data(boxW)",
      height: "data(boxH)",
      padding: 0,
      "background-color": "#f8fafc",
      "border-width": 1,
      "text-valign": "center",
      "text-margin-y": 0,
      "font-size": MAP_FONTS.chip,
      "font-weight": "normal",
    },
  },
  {
    selector: "node.gap-missing",
    style: {
      "border-style": "dashed",
      "border-width": 2.5,
      "border-color": MAP_COLORS.missing,
      color: MAP_COLORS.missing,
      "background-color": "#fef2f2",
    },
  },
  {
    selector: "node.gap-thin",
    style: { "border-style": "dashed", "border-width": 2.5, "border-color": MAP_COLORS.thin, "background-color": "#fffbeb" },
  },
  {
    selector: "node.firm",
    style: {
      shape: "round-rectangle",
      width: MAP_LAYOUT_CARD.w,
      height: MAP_LAYOUT_CARD.h,
      "background-color": MAP_COLORS.firmFill,
      "border-color": "#93c5fd",
      "border-width": 1,
      "text-valign": "center",
      "text-margin-y": 0,
      "text-max-width": `${MAP_LAYOUT_CARD.w - 10}px`,
      "text-background-opacity": 0,
      "font-size": MAP_FONTS.card,
      "line-height": 1.15,
      "min-zoomed-font-size": MIN_DRAWN_FONT_PX,
    },
  },
  {
    selector: "node.firm.outside",
    style: { "background-color": MAP_COLORS.outsideFill, "border-style": "dashed", "border-color": "#94a3b8" },
  },
  {
    selector: "node.leader",
    style: {
      "background-color": MAP_COLORS.leaderFill,
      "border-color": MAP_COLORS.leader,
      "border-width": 3,
      "font-weight": "bold",
    },
  },
  { selector: "node.type-firm.leader", style: { width: 38, height: 38, "border-width": 4, "font-size": ENTITY_FONTS.key } },
  {
    selector: "node.synthetic",
    style: { "border-style": "dashed", "border-color": MAP_COLORS.synthetic, "border-width": 2.5 },
  },
  {
    selector: "node.aggregate",
    style: {
      shape: "round-rectangle",
      width: MAP_LAYOUT_CARD.w,
      height: MAP_LAYOUT_CARD.h,
      "background-color": "#e2e8f0",
      "border-style": "dotted",
      "border-color": "#475569",
      "border-width": 1.5,
      "text-valign": "center",
      "text-margin-y": 0,
      "text-background-opacity": 0,
      "font-size": MAP_FONTS.card,
      "font-weight": "bold",
      "min-zoomed-font-size": MIN_DRAWN_FONT_PX,
    },
  },
  {
    selector: "edge.flow",
    style: {
      width: 3,
      // Right-angle routing turns in the gap between lanes instead of cutting across segment boxes.
      "curve-style": "taxi",
      "taxi-direction": "horizontal",
      "taxi-turn": "50%",
      "taxi-turn-min-distance": 20,
      "source-endpoint": "outside-to-node",
      "line-color": "#64748b",
      "target-arrow-color": "#64748b",
      "arrow-scale": 1.2,
      opacity: 0.9,
      "z-index": 5,
    },
  },
  {
    selector: "edge.flow.broken",
    style: {
      "line-style": "dashed",
      "line-dash-pattern": [8, 5],
      "line-color": MAP_COLORS.broken,
      "target-arrow-color": MAP_COLORS.broken,
      "target-arrow-shape": "tee",
      label: "data(displayLabel)",
      "text-rotation": "none",
      "text-background-opacity": 1,
      "text-background-padding": "2px",
      color: MAP_COLORS.broken,
      "font-size": MAP_FONTS.flow,
      "font-weight": "bold",
      "min-zoomed-font-size": MIN_DRAWN_FONT_PX,
    },
  },
  {
    selector: "edge.supply",
    style: { width: 1.2, "line-color": "#60a5fa", "target-arrow-color": "#60a5fa", opacity: 0.7, "curve-style": "bezier" },
  },
  // 远景: what a scenario adds is drawn dashed, so it never reads as a fact.
  { selector: "node.scenario", style: { "border-style": "dashed", "border-width": 3, "border-color": "#7c3aed" } },
  {
    selector: "edge.scenario",
    style: { "line-style": "dashed", width: 2, "line-color": "#7c3aed", "target-arrow-color": "#7c3aed", opacity: 1 },
  },
];

/** State classes come last so they win over type styles. */
const states: Rule[] = [
  // English labels wrap at word boundaries ("manufacturing", not "manuf acturing").
  { selector: "node.latin", style: { "text-overflow-wrap": "whitespace" } },
  { selector: ".faded", style: { opacity: 0.15, "text-opacity": 0.3 } },
  { selector: "node.lane.faded", style: { opacity: 1, "text-opacity": 1 } },
  {
    selector: "node.highlighted",
    style: { "border-color": MAP_COLORS.highlight, "border-width": 4, opacity: 1, "text-opacity": 1, "z-index": 20 },
  },
  {
    selector: "edge.highlighted",
    style: { "line-color": MAP_COLORS.highlight, "target-arrow-color": MAP_COLORS.highlight, width: 4, opacity: 1, "z-index": 20 },
  },
  { selector: "node:selected", style: { "border-color": "#0f172a", "border-width": 4, "overlay-opacity": 0 } },
  { selector: "edge:selected", style: { width: 4, label: "data(displayLabel)" } },
  { selector: "node.filtered, edge.filtered", style: { display: "none" } },
  { selector: "node.focus", style: { "border-color": "#0f172a", "border-width": 3, width: 40, height: 40, "font-size": ENTITY_FONTS.key } },
  {
    selector: "node.path-end",
    style: { "border-color": MAP_COLORS.highlight, "border-width": 4, "border-style": "double", "font-size": ENTITY_FONTS.key },
  },
  { selector: "node.new", style: { "border-color": "#16a34a", "border-width": 3 } },
  // The chain map sizes its fonts and cards per element (chain-map-elements.ts: the fitted scale).
  { selector: "node[fs], edge[fs]", style: { "font-size": "data(fs)" } },
  { selector: "node[cardW]", style: { width: "data(cardW)", height: "data(cardH)", "text-max-width": "data(cardLabelW)" } },
  // Last, so it wins: a label under 11 px on screen is not drawn (GraphView toggles it on zoom).
  { selector: ".illegible", style: { "text-opacity": 0 } },
];

export function stylesheet(): StylesheetJson {
  return [...base, ...byType, ...chainMap, ...states] as unknown as StylesheetJson;
}

/** Selectors and properties the CJK test checks: every rule that shows a node label wraps anywhere. */
export const CJK_RULES = { nodeSelector: "node", properties: CJK_LABEL };
