import type { CollectionReturnValue, Core, EdgeSingular, NodeSingular, Position, SingularElementArgument } from "cytoscape";
import type { LineStyle, MeasureText, SvgArrow, SvgEdge, SvgFont, SvgItem, SvgLabel, SvgNode, SvgScene } from "../export/svg-writer.ts";

/**
 * Describes what the canvas draws, read from each element's computed style, so the SVG export
 * follows the stylesheet without a second colour table. Everything here is in model coordinates.
 */

/** The parsed-style accessor Cytoscape has on every element but its type declarations leave out. */
interface ParsedStyle {
  value: unknown;
  strValue: string;
  pfValue?: unknown;
}
type Styled = SingularElementArgument & { pstyle(name: string): ParsedStyle };

/** An element with its computed style, which Cytoscape has but does not type. */
export const styled = (ele: SingularElementArgument) => ele as Styled;
const str = (ele: SingularElementArgument, name: string): string => styled(ele).pstyle(name).strValue;
const num = (ele: SingularElementArgument, name: string): number => {
  const parsed = styled(ele).pstyle(name);
  const value = parsed.pfValue ?? parsed.value;
  return typeof value === "number" ? value : Number(value) || 0;
};
const numbers = (ele: SingularElementArgument, name: string): number[] | undefined => {
  const parsed = styled(ele).pstyle(name);
  const value = parsed.pfValue ?? parsed.value;
  return Array.isArray(value) ? value.map(Number) : undefined;
};

/** Text measured exactly as Cytoscape measures it (a 2D canvas, whole pixels), so lines break alike. */
export function canvasMeasure(): MeasureText {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) throw new Error("no 2D canvas to measure label text");
  return (text, font) => {
    context.font = `${font.style ?? "normal"} ${font.weight} ${font.size}px ${font.family}`;
    return Math.ceil(context.measureText(text).width);
  };
}

const lineStyle = (value: string): LineStyle => (value === "dashed" || value === "dotted" || value === "double" ? value : "solid");

function font(ele: SingularElementArgument): SvgFont {
  return {
    size: num(ele, "font-size"),
    weight: str(ele, "font-weight"),
    family: str(ele, "font-family"),
    style: str(ele, "font-style"),
  };
}

/** Cytoscape's text-valign/halign, folded onto the three placements the writer knows. */
const placement = <T extends string>(value: string, before: T, after: T): T | "center" =>
  value.startsWith(before) ? before : value.startsWith(after) ? after : "center";

function label(
  ele: SingularElementArgument,
  anchor: Position,
  valign: SvgLabel["valign"],
  halign: SvgLabel["halign"],
  angle = 0,
): SvgLabel | undefined {
  const text = str(ele, "label");
  if (!text) return undefined;
  const backgroundOpacity = num(ele, "text-background-opacity");
  return {
    text,
    x: anchor.x + num(ele, "text-margin-x"),
    y: anchor.y + num(ele, "text-margin-y"),
    valign,
    halign,
    font: font(ele),
    color: str(ele, "color"),
    opacity: num(ele, "text-opacity") * ele.effectiveOpacity(),
    maxWidth: str(ele, "text-wrap") === "wrap" ? num(ele, "text-max-width") : undefined,
    wrapAnywhere: str(ele, "text-overflow-wrap") === "anywhere",
    lineHeight: num(ele, "line-height") || 1,
    background:
      backgroundOpacity > 0
        ? {
            color: str(ele, "text-background-color"),
            opacity: backgroundOpacity * ele.effectiveOpacity(),
            padding: num(ele, "text-background-padding"),
          }
        : undefined,
    angle,
  };
}

function nodeItem(node: NodeSingular): SvgNode {
  const padding = (node as NodeSingular & { padding(): number }).padding();
  const width = node.width() + 2 * padding;
  const height = node.height() + 2 * padding;
  const { x, y } = node.position();
  // The label anchor is the node's edge (or centre) on each axis, as the canvas renderer computes it.
  const valign = placement(str(node, "text-valign"), "top", "bottom");
  const halign = placement(str(node, "text-halign"), "left", "right");
  const anchor = {
    x: x + (halign === "left" ? -width / 2 : halign === "right" ? width / 2 : 0),
    y: y + (valign === "top" ? -height / 2 : valign === "bottom" ? height / 2 : 0),
  };
  const rotation = styled(node).pstyle("text-rotation").pfValue;
  return {
    kind: "node",
    id: node.id(),
    shape: str(node, "shape"),
    x,
    y,
    width,
    height,
    fill: str(node, "background-color"),
    fillOpacity: num(node, "background-opacity"),
    stroke: str(node, "border-color"),
    strokeWidth: num(node, "border-width"),
    strokeOpacity: num(node, "border-opacity"),
    strokeStyle: lineStyle(str(node, "border-style")),
    dash: numbers(node, "border-dash-pattern"),
    opacity: node.effectiveOpacity(),
    label: label(node, anchor, valign, halign, typeof rotation === "number" ? rotation : 0),
  };
}

function arrow(edge: EdgeSingular, end: "source" | "target"): SvgArrow | undefined {
  const shape = str(edge, `${end}-arrow-shape`);
  if (!shape || shape === "none") return undefined;
  const width = num(edge, "width");
  const scale = num(edge, "arrow-scale") || 1;
  return {
    shape,
    color: str(edge, `${end}-arrow-color`),
    // Cytoscape's own arrow size and line gap formulas, so heads come out the size they are on screen.
    size: Math.max((width * 13.37) ** 0.9, 29) * scale,
    gap: shape === "tee" ? 1 : width * scale * 2,
  };
}

/** The angle an autorotated edge label takes: along the middle stretch of the edge, never upside down. */
function labelAngle(edge: EdgeSingular, points: Position[]): number {
  const rotation = styled(edge).pstyle("text-rotation");
  if (typeof rotation.pfValue === "number") return rotation.pfValue;
  if (rotation.strValue !== "autorotate" || points.length < 2) return 0;
  const middle = Math.max(0, Math.floor((points.length - 1) / 2));
  const a = points[middle]!;
  const b = points[middle + 1]!;
  let angle = Math.atan2(b.y - a.y, b.x - a.x);
  if (angle > Math.PI / 2) angle -= Math.PI;
  if (angle < -Math.PI / 2) angle += Math.PI;
  return angle;
}

function edgeItem(edge: EdgeSingular): SvgEdge {
  const bends = edge.segmentPoints();
  const controls = bends ? undefined : edge.controlPoints();
  const points = [edge.sourceEndpoint(), ...(bends ?? controls ?? []), edge.targetEndpoint()];
  return {
    kind: "edge",
    id: edge.id(),
    points,
    curve: bends ? "polyline" : controls ? "bezier" : "straight",
    color: str(edge, "line-color"),
    width: num(edge, "width"),
    lineStyle: lineStyle(str(edge, "line-style")),
    dash: numbers(edge, "line-dash-pattern"),
    opacity: num(edge, "line-opacity") * edge.effectiveOpacity(),
    targetArrow: arrow(edge, "target"),
    sourceArrow: arrow(edge, "source"),
    label: label(edge, edge.midpoint(), "center", "center", labelAngle(edge, bends ? points : [points[0]!, points[points.length - 1]!])),
  };
}

/** Everything visible, back to front in Cytoscape's own paint order (lanes, boxes, edges, cards). */
export function svgScene(cy: Core, options: { background: string; fontFamily: string; measure?: MeasureText }): SvgScene {
  // sortByZIndex is public in Cytoscape (the renderer paints in this order) but missing from its types.
  const ordered = (cy.elements() as CollectionReturnValue & { sortByZIndex(): CollectionReturnValue })
    .sortByZIndex()
    .filter((ele) => ele.visible());
  const items: SvgItem[] = ordered.map((ele) => (ele.isNode() ? nodeItem(ele) : edgeItem(ele as EdgeSingular)));
  return { items, background: options.background, fontFamily: options.fontFamily, measure: options.measure, margin: 30 };
}
