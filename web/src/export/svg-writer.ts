/**
 * A small SVG writer for the graph pictures. It knows nothing about Cytoscape: graph/ describes
 * what the canvas draws (in paint order, in model coordinates) and this turns it into a
 * standalone vector file for slides and reports.
 */

import { xmlSafe } from "../../../model/spreadsheet-text.ts";

export interface Point {
  x: number;
  y: number;
}

export type LineStyle = "solid" | "dashed" | "dotted" | "double";

export interface SvgFont {
  size: number;
  weight: string;
  family: string;
  style?: string;
}

/** Width of a single line of text in the given font, in px (the browser measures; tests estimate). */
export type MeasureText = (text: string, font: SvgFont) => number;

export interface SvgLabel {
  text: string;
  /** The anchor point the canvas renderer computed (node edge, node centre or edge midpoint). */
  x: number;
  y: number;
  /** Where the text block sits relative to the anchor, as Cytoscape's text-valign/halign outside the node. */
  valign: "top" | "center" | "bottom";
  halign: "left" | "center" | "right";
  font: SvgFont;
  color: string;
  /** Final text opacity (the element's own opacity already multiplied in). */
  opacity: number;
  /** Lines longer than this wrap; undefined means no wrapping. */
  maxWidth?: number;
  /** Break between any two characters, as Chinese needs (text-overflow-wrap: anywhere). */
  wrapAnywhere: boolean;
  lineHeight: number;
  background?: { color: string; opacity: number; padding: number };
  /** Rotation about the anchor, in radians (edge labels that follow their edge). */
  angle?: number;
}

export interface SvgNode {
  kind: "node";
  id: string;
  shape: string;
  /** Centre and full drawn size (compound boxes include their padding). */
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeWidth: number;
  strokeOpacity: number;
  strokeStyle: LineStyle;
  dash?: number[];
  opacity: number;
  label?: SvgLabel;
}

export interface SvgArrow {
  shape: string;
  color: string;
  /** Cytoscape's arrow size: the unit arrow shape is scaled by this many px. */
  size: number;
  /** How far before the arrow tip the line stops, so a thick line does not poke through the tip. */
  gap: number;
}

export interface SvgEdge {
  kind: "edge";
  id: string;
  /** Source endpoint, the bends or control points, then the target endpoint (the arrow tip). */
  points: Point[];
  curve: "straight" | "polyline" | "bezier";
  color: string;
  width: number;
  lineStyle: LineStyle;
  dash?: number[];
  opacity: number;
  targetArrow?: SvgArrow;
  sourceArrow?: SvgArrow;
  label?: SvgLabel;
}

export type SvgItem = SvgNode | SvgEdge;

export interface SvgScene {
  /** Everything drawn, back to front. */
  items: SvgItem[];
  background: string;
  fontFamily: string;
  margin?: number;
  measure?: MeasureText;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for XML content and attributes, and drops characters XML 1.0 cannot carry at all. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]!);
}

const num = (value: number): string => String(Math.round(value * 100) / 100);

/** A rough width when no browser is at hand: CJK and other wide characters take a full em. */
export const estimateTextWidth: MeasureText = (text, font) => {
  let ems = 0;
  for (const ch of text) {
    if (ch === "\u200b") continue;
    const code = ch.codePointAt(0)!;
    ems += code >= 0x2e80 || (code >= 0x1100 && code <= 0x11ff) ? 1 : ch === " " ? 0.3 : 0.58;
  }
  const bold = font.weight === "bold" || Number(font.weight) >= 600;
  return Math.ceil(ems * font.size * (bold ? 1.05 : 1));
};

/**
 * Splits a label into lines the way Cytoscape's canvas renderer does for `text-wrap: wrap`:
 * explicit newlines first, then greedy filling up to `maxWidth`, breaking at spaces or, with
 * `anywhere`, between any two characters.
 */
export function wrapLabel(text: string, maxWidth: number | undefined, anywhere: boolean, fit: (line: string) => number): string[] {
  const lines: string[] = [];
  for (const hardLine of text.split("\n")) {
    if (maxWidth === undefined || fit(hardLine) <= maxWidth) {
      lines.push(hardLine);
      continue;
    }
    // Each word carries the separator after it; with "anywhere" every character is a word.
    const words: string[] = [];
    const pattern = anywhere ? /(\s*)(\S)(\s*)/gu : /(\s*)(\S+)(\s*)/gu;
    for (const match of hardLine.matchAll(pattern)) words.push(`${match[2]}${match[3]}`);
    let current = "";
    for (const word of words) {
      if (current === "" || fit(current + word) <= maxWidth) current += word;
      else {
        lines.push(current);
        current = word;
      }
    }
    if (current.trim() !== "") lines.push(current);
  }
  return lines.map((line) => line.replace(/\u200b/g, "").trimEnd());
}

function dashArray(style: LineStyle, width: number, dash?: number[]): string | undefined {
  if (style === "dashed") return (dash && dash.length > 0 ? dash : [6, 3]).map(num).join(" ");
  if (style === "dotted") return `${num(Math.max(1, width))} ${num(Math.max(1, width))}`;
  return undefined;
}

function strokeAttributes(color: string, width: number, opacity: number, style: LineStyle, dash?: number[]): string {
  if (width <= 0) return ' stroke="none"';
  const dashes = dashArray(style, width, dash);
  return (
    ` stroke="${escapeXml(color)}" stroke-width="${num(width)}"` +
    (opacity < 1 ? ` stroke-opacity="${num(opacity)}"` : "") +
    (dashes ? ` stroke-dasharray="${dashes}"` : "")
  );
}

const unitNgon = (sides: number): number[] => {
  // Cytoscape's n-gons: a vertex at the bottom for odd n, a flat bottom for even n, stretched to the square.
  const step = (2 * Math.PI) / sides;
  const start = sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2;
  const raw: number[] = [];
  for (let i = 0; i < sides; i++) raw.push(Math.cos(start + i * step), Math.sin(-(start + i * step)));
  const xs = raw.filter((_, i) => i % 2 === 0);
  const ys = raw.filter((_, i) => i % 2 === 1);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const scaled = raw.map((v, i) => v * (i % 2 === 0 ? sx : sy));
  const minY = Math.min(...scaled.filter((_, i) => i % 2 === 1));
  return scaled.map((v, i) => (i % 2 === 1 && minY < -1 ? v + (-1 - minY) : v));
};

/** Unit polygons (−1…1 on each axis) for Cytoscape's polygon shapes. */
const POLYGONS: Record<string, number[]> = {
  triangle: unitNgon(3),
  pentagon: unitNgon(5),
  hexagon: unitNgon(6),
  heptagon: unitNgon(7),
  octagon: unitNgon(8),
  diamond: [0, 1, 1, 0, 0, -1, -1, 0],
  tag: [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1],
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
};

function polygonPoints(unit: number[], node: SvgNode): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < unit.length; i += 2) {
    points.push({ x: node.x + (unit[i]! * node.width) / 2, y: node.y + (unit[i + 1]! * node.height) / 2 });
  }
  return points;
}

/** A closed path through the points with each corner rounded off by a curve of about `radius`. */
function roundedPolygonPath(points: Point[], radius: number): string {
  const parts: string[] = [];
  points.forEach((corner, i) => {
    const before = points[(i + points.length - 1) % points.length]!;
    const after = points[(i + 1) % points.length]!;
    const toBefore = { x: before.x - corner.x, y: before.y - corner.y };
    const toAfter = { x: after.x - corner.x, y: after.y - corner.y };
    const lenBefore = Math.hypot(toBefore.x, toBefore.y) || 1;
    const lenAfter = Math.hypot(toAfter.x, toAfter.y) || 1;
    const cos = (toBefore.x * toAfter.x + toBefore.y * toAfter.y) / (lenBefore * lenAfter);
    const halfAngle = Math.acos(Math.max(-1, Math.min(1, cos))) / 2;
    const cut = Math.min(radius / Math.tan(halfAngle || 1e-6), lenBefore / 2, lenAfter / 2);
    const start = { x: corner.x + (toBefore.x / lenBefore) * cut, y: corner.y + (toBefore.y / lenBefore) * cut };
    const end = { x: corner.x + (toAfter.x / lenAfter) * cut, y: corner.y + (toAfter.y / lenAfter) * cut };
    parts.push(`${i === 0 ? "M" : "L"}${num(start.x)} ${num(start.y)}Q${num(corner.x)} ${num(corner.y)} ${num(end.x)} ${num(end.y)}`);
  });
  return `${parts.join("")}Z`;
}

function shapeElement(node: SvgNode, paint: string): string {
  const { x, y, width: w, height: h } = node;
  const left = x - w / 2;
  const top = y - h / 2;
  const shape = node.shape;
  if (shape === "rectangle" || shape === "square") {
    return `<rect x="${num(left)}" y="${num(top)}" width="${num(w)}" height="${num(h)}"${paint}/>`;
  }
  if (shape === "round-rectangle" || shape === "roundrectangle") {
    const r = Math.min(w / 4, h / 4, 8);
    return `<rect x="${num(left)}" y="${num(top)}" width="${num(w)}" height="${num(h)}" rx="${num(r)}" ry="${num(r)}"${paint}/>`;
  }
  if (shape === "barrel") {
    const bulge = Math.min(15, 0.05 * h);
    const right = left + w;
    const bottom = top + h;
    const d =
      `M${num(left)} ${num(top + bulge)}Q${num(x)} ${num(top - bulge)} ${num(right)} ${num(top + bulge)}` +
      `L${num(right)} ${num(bottom - bulge)}Q${num(x)} ${num(bottom + bulge)} ${num(left)} ${num(bottom - bulge)}Z`;
    return `<path d="${d}"${paint}/>`;
  }
  const rounded = shape.startsWith("round-");
  const unit = POLYGONS[rounded ? shape.slice("round-".length) : shape];
  if (unit) {
    const points = polygonPoints(unit, node);
    if (rounded) return `<path d="${roundedPolygonPath(points, Math.min(w / 10, h / 10, 8))}"${paint}/>`;
    return `<polygon points="${points.map((p) => `${num(p.x)},${num(p.y)}`).join(" ")}"${paint}/>`;
  }
  return `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(w / 2)}" ry="${num(h / 2)}"${paint}/>`;
}

function fontAttributes(font: SvgFont, rootFamily: string): string {
  return (
    ` font-size="${num(font.size)}"` +
    (font.weight !== "normal" && font.weight !== "400" ? ` font-weight="${escapeXml(font.weight)}"` : "") +
    (font.style && font.style !== "normal" ? ` font-style="${escapeXml(font.style)}"` : "") +
    (font.family !== rootFamily ? ` font-family="${escapeXml(font.family)}"` : "")
  );
}

/**
 * A label as one <text> with a <tspan> per wrapped line, placed as the canvas places it: the block
 * sits above, on or below the anchor, each line `lineHeight` em below the last.
 */
function labelElement(label: SvgLabel, scene: Required<Pick<SvgScene, "fontFamily" | "measure">>): string {
  const fit = (line: string) => scene.measure(line, label.font);
  const lines = wrapLabel(label.text, label.maxWidth, label.wrapAnywhere, fit);
  if (lines.every((line) => line === "")) return "";
  const size = label.font.size;
  const step = size * label.lineHeight;
  const blockHeight = size + (lines.length - 1) * step;
  const blockBottom = label.y + (label.valign === "top" ? 0 : label.valign === "center" ? blockHeight / 2 : blockHeight);
  const blockWidth = Math.max(...lines.map(fit));
  const anchor = label.halign === "left" ? "end" : label.halign === "right" ? "start" : "middle";
  const blockLeft = label.x - (label.halign === "left" ? blockWidth : label.halign === "center" ? blockWidth / 2 : 0);
  // The canvas puts each line's em box bottom at its slot; the alphabetic baseline sits about 0.12 em above that.
  const baseline = (i: number) => blockBottom - (lines.length - 1 - i) * step - 0.12 * size;
  const parts: string[] = [];
  const rotate = label.angle ? ` transform="rotate(${num((label.angle * 180) / Math.PI)} ${num(label.x)} ${num(label.y)})"` : "";
  if (rotate) parts.push(`<g${rotate}>`);
  if (label.background && label.background.opacity > 0) {
    const pad = label.background.padding;
    parts.push(
      `<rect x="${num(blockLeft - pad)}" y="${num(blockBottom - blockHeight - pad)}" width="${num(blockWidth + 2 * pad)}" height="${num(blockHeight + 2 * pad)}"` +
        ` fill="${escapeXml(label.background.color)}"${label.background.opacity < 1 ? ` fill-opacity="${num(label.background.opacity)}"` : ""}/>`,
    );
  }
  const tspans = lines.map((line, i) => `<tspan x="${num(label.x)}" y="${num(baseline(i))}">${escapeXml(line)}</tspan>`).join("");
  parts.push(
    `<text text-anchor="${anchor}" fill="${escapeXml(label.color)}"${label.opacity < 1 ? ` fill-opacity="${num(label.opacity)}"` : ""}` +
      `${fontAttributes(label.font, scene.fontFamily)} xml:space="preserve">${tspans}</text>`,
  );
  if (rotate) parts.push("</g>");
  return parts.join("");
}

function nodeElement(node: SvgNode, scene: Required<Pick<SvgScene, "fontFamily" | "measure">>): string {
  const stroke = strokeAttributes(node.stroke, node.strokeWidth, node.strokeOpacity, node.strokeStyle, node.dash);
  const paint = ` fill="${escapeXml(node.fill)}"${node.fillOpacity < 1 ? ` fill-opacity="${num(node.fillOpacity)}"` : ""}${stroke}`;
  const title = node.label?.text ? `<title>${escapeXml(node.label.text.replace(/\u200b/g, ""))}</title>` : "";
  // Opacity goes on the shape alone: the label carries its own, already multiplied in, as on the canvas.
  const opacity = node.opacity < 1 ? ` opacity="${num(node.opacity)}"` : "";
  const label = node.label ? labelElement(node.label, scene) : "";
  return `<g class="node" data-id="${escapeXml(node.id)}">${title}${shapeElement(node, paint + opacity)}${label}</g>`;
}

const unitVector = (from: Point, to: Point): Point => {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  return { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
};

/** An arrowhead with its tip at `tip`, pointing along `direction` (Cytoscape's unit arrow shapes). */
function arrowElement(arrow: SvgArrow, tip: Point, direction: Point, opacity: string): string {
  if (arrow.shape === "none") return "";
  // Unit shape coordinates: across the edge, and along it (negative = back from the tip).
  const unit = arrow.shape === "tee" ? [-0.15, 0, -0.15, -0.1, 0.15, -0.1, 0.15, 0] : [-0.15, -0.3, 0, 0, 0.15, -0.3];
  const points: string[] = [];
  for (let i = 0; i < unit.length; i += 2) {
    const across = unit[i]! * arrow.size;
    const along = unit[i + 1]! * arrow.size;
    points.push(`${num(tip.x + direction.x * along - direction.y * across)},${num(tip.y + direction.y * along + direction.x * across)}`);
  }
  return `<polygon points="${points.join(" ")}" fill="${escapeXml(arrow.color)}"${opacity}/>`;
}

function edgePath(edge: SvgEdge, start: Point, end: Point): string {
  const inner = edge.points.slice(1, -1);
  let d = `M${num(start.x)} ${num(start.y)}`;
  if (edge.curve === "bezier" && inner.length > 0) {
    // Cytoscape draws one quadratic curve per control point, joined at the midpoints between them.
    inner.forEach((control, i) => {
      const next = inner[i + 1];
      const to = next ? { x: (control.x + next.x) / 2, y: (control.y + next.y) / 2 } : end;
      d += `Q${num(control.x)} ${num(control.y)} ${num(to.x)} ${num(to.y)}`;
    });
    return d;
  }
  for (const point of edge.curve === "polyline" ? inner : []) d += `L${num(point.x)} ${num(point.y)}`;
  return `${d}L${num(end.x)} ${num(end.y)}`;
}

function edgeElement(edge: SvgEdge, scene: Required<Pick<SvgScene, "fontFamily" | "measure">>): string {
  const points = edge.points;
  if (points.length < 2) return "";
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const towardsTarget = unitVector(points[points.length - 2]!, last);
  const towardsSource = unitVector(points[1]!, first);
  const shorten = (tip: Point, direction: Point, arrow?: SvgArrow): Point =>
    arrow && arrow.shape !== "none" ? { x: tip.x - direction.x * arrow.gap, y: tip.y - direction.y * arrow.gap } : tip;
  const start = shorten(first, towardsSource, edge.sourceArrow);
  const end = shorten(last, towardsTarget, edge.targetArrow);
  const stroke = strokeAttributes(edge.color, edge.width, 1, edge.lineStyle, edge.dash);
  const opacity = edge.opacity < 1 ? ` opacity="${num(edge.opacity)}"` : "";
  // As on the canvas, line and arrowheads each take the opacity; the label has its own.
  const arrows =
    (edge.targetArrow ? arrowElement(edge.targetArrow, last, towardsTarget, opacity) : "") +
    (edge.sourceArrow ? arrowElement(edge.sourceArrow, first, towardsSource, opacity) : "");
  return (
    `<g class="edge" data-id="${escapeXml(edge.id)}">` +
    `<path d="${edgePath(edge, start, end)}" fill="none"${stroke}${opacity}/>${arrows}` +
    (edge.label ? labelElement(edge.label, scene) : "") +
    "</g>"
  );
}

/** The area the picture covers: node boxes, edge points and (roughly) labels. */
export function sceneBounds(scene: SvgScene): { x1: number; y1: number; x2: number; y2: number } {
  const measure = scene.measure ?? estimateTextWidth;
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  const include = (left: number, top: number, right: number, bottom: number) => {
    x1 = Math.min(x1, left);
    y1 = Math.min(y1, top);
    x2 = Math.max(x2, right);
    y2 = Math.max(y2, bottom);
  };
  for (const item of scene.items) {
    if (item.kind === "node") {
      const half = item.strokeWidth / 2;
      include(
        item.x - item.width / 2 - half,
        item.y - item.height / 2 - half,
        item.x + item.width / 2 + half,
        item.y + item.height / 2 + half,
      );
    } else {
      for (const point of item.points) include(point.x, point.y, point.x, point.y);
    }
    const label = item.label;
    if (label?.text) {
      const lines = wrapLabel(label.text, label.maxWidth, label.wrapAnywhere, (line) => measure(line, label.font));
      const w = Math.max(0, ...lines.map((line) => measure(line, label.font))) + 2 * (label.background?.padding ?? 0);
      const h = label.font.size * (1 + (lines.length - 1) * label.lineHeight) + 2 * (label.background?.padding ?? 0);
      const left = label.halign === "left" ? label.x - w : label.halign === "center" ? label.x - w / 2 : label.x;
      const top = label.valign === "top" ? label.y - h : label.valign === "center" ? label.y - h / 2 : label.y;
      // A rotated label can reach as far as its longer side in any direction.
      const reach = label.angle ? Math.max(w, h) : 0;
      include(left - reach / 2, top - reach / 2, left + w + reach / 2, top + h + reach / 2);
    }
  }
  if (!Number.isFinite(x1)) return { x1: 0, y1: 0, x2: 0, y2: 0 };
  return { x1, y1, x2, y2 };
}

/** The whole picture as a standalone SVG document. */
export function writeSvg(scene: SvgScene): string {
  const margin = scene.margin ?? 20;
  const measure = scene.measure ?? estimateTextWidth;
  const context = { fontFamily: scene.fontFamily, measure };
  const box = sceneBounds(scene);
  const x = box.x1 - margin;
  const y = box.y1 - margin;
  const width = box.x2 - box.x1 + 2 * margin;
  const height = box.y2 - box.y1 + 2 * margin;
  const body = scene.items.map((item) => (item.kind === "node" ? nodeElement(item, context) : edgeElement(item, context)));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="${num(x)} ${num(y)} ${num(width)} ${num(height)}"` +
      ` width="${num(width)}" height="${num(height)}" font-family="${escapeXml(scene.fontFamily)}">`,
    `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" fill="${escapeXml(scene.background)}"/>`,
    ...body.filter(Boolean),
    "</svg>",
    "",
  ].join("\n");
}
