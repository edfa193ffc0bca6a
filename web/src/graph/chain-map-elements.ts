import type { ElementDefinition } from "cytoscape";
import type { Elements, NodeData } from "../../../model/api/elements.ts";
import { STAGES, type Stage } from "../../../model/domain.ts";
import { entityName, type Lang, type Translate } from "../i18n/i18n.ts";
import { MAP_COLORS } from "./palette.ts";

/**
 * Turns a chain map answer into Cytoscape elements with computed positions: stages are lanes left
 * to right, segments are boxes stacked in their lane (sub-segments nested inside), firms sit in a
 * grid inside their segment. A preset layout, so drawing costs nothing beyond rendering.
 * Above a threshold, firms collapse into one count node per segment (level of detail).
 */

export const MAP_LAYOUT = {
  cellW: 132,
  cellH: 58,
  maxCols: 3,
  pad: 14,
  labelH: 52,
  emptyW: 3 * 132,
  emptyH: 60,
  segmentGap: 34,
  laneGap: 150,
  columnGap: 40,
  laneHeader: 70,
  lanePad: 28,
};

export interface MapOptions {
  lang: Lang;
  t: Translate;
  /** Segments the user opened: all their firms are drawn despite the thresholds. */
  open?: ReadonlySet<string>;
  /** A segment with more firms than this shows the first ones and a "+n" node. */
  maxFirmsPerSegment?: number;
  /** With more firms than this on the map, every closed segment shows only its leaders and a count. */
  aggregateAbove?: number;
}

export interface MapElements {
  elements: ElementDefinition[];
  /** True when firms were folded into counts somewhere on the map. */
  aggregated: boolean;
  /** Segment id → firm ids hidden inside its count node. */
  hidden: Map<string, string[]>;
}

interface Segment {
  data: NodeData;
  stage: Stage;
  children: Segment[];
  firms: NodeData[];
  shown: NodeData[];
  more: number;
}

const str = (value: unknown) => (typeof value === "string" ? value : undefined);
const num = (value: unknown) => (typeof value === "number" ? value : 0);
const stageOf = (data: NodeData): Stage =>
  (STAGES as readonly string[]).includes(String(data.stage)) ? (data.stage as Stage) : "midstream";

function firmRank(firm: NodeData): number {
  const tags = Array.isArray(firm.tags) ? firm.tags.length : 0;
  return (firm.leader === true ? 100 : 0) + (firm.local === false ? -50 : 0) + tags;
}

function gridSize(count: number) {
  if (count === 0) return { cols: 0, rows: 0 };
  const cols = Math.min(MAP_LAYOUT.maxCols, count);
  return { cols, rows: Math.ceil(count / cols) };
}

/** Inner width a segment needs for its own firms and nested segments. */
function naturalWidth(segment: Segment): number {
  const own = gridSize(segment.shown.length + (segment.more > 0 ? 1 : 0)).cols * MAP_LAYOUT.cellW;
  const nested = Math.max(0, ...segment.children.map((child) => naturalWidth(child) + 2 * MAP_LAYOUT.pad));
  return Math.max(own, nested, segment.children.length === 0 && segment.shown.length === 0 && segment.more === 0 ? MAP_LAYOUT.emptyW : 0);
}

export function chainMapElements(elements: Elements, options: MapOptions): MapElements {
  const { lang, t } = options;
  const open = options.open ?? new Set<string>();
  const maxPerSegment = options.maxFirmsPerSegment ?? 24;
  const aggregateAbove = options.aggregateAbove ?? 600;

  const segments = new Map<string, Segment>();
  const firms: NodeData[] = [];
  for (const { data } of elements.nodes) {
    if (data.type === "segment") segments.set(data.id, { data, stage: stageOf(data), children: [], firms: [], shown: [], more: 0 });
    else if (data.type === "firm") firms.push(data);
  }
  const parentOf = (segment: Segment) => {
    const parent = str(segment.data.parent);
    return parent && parent !== segment.data.id && segments.has(parent) ? parent : undefined;
  };
  const roots: Segment[] = [];
  for (const segment of segments.values()) {
    const parent = parentOf(segment);
    if (parent) segments.get(parent)!.children.push(segment);
    else roots.push(segment);
  }

  // A firm in several segments is drawn once, in its most specific segment on this map.
  const home = new Map<string, string>();
  for (const firm of firms) {
    const ids = (Array.isArray(firm.segments) ? firm.segments : []).filter(
      (id): id is string => typeof id === "string" && segments.has(id),
    );
    const deepest = ids.find((id) => segments.get(id)!.children.length === 0) ?? ids[0];
    if (!deepest) continue;
    home.set(firm.id, deepest);
    segments.get(deepest)!.firms.push(firm);
  }

  const aggregated = home.size > aggregateAbove;
  const hidden = new Map<string, string[]>();
  let folded = false;
  for (const segment of segments.values()) {
    segment.firms.sort((a, b) => firmRank(b) - firmRank(a) || a.label.localeCompare(b.label, "zh"));
    let shown = segment.firms;
    if (!open.has(segment.data.id)) {
      if (aggregated) shown = segment.firms.filter((firm) => firm.leader === true).slice(0, maxPerSegment);
      else if (segment.firms.length > maxPerSegment) shown = segment.firms.slice(0, maxPerSegment - 1);
    }
    segment.shown = shown;
    segment.more = segment.firms.length - shown.length;
    if (segment.more > 0) {
      folded = true;
      hidden.set(
        segment.data.id,
        segment.firms.slice(shown.length).map((firm) => firm.id),
      );
    }
  }

  const out: ElementDefinition[] = [];
  const shownIds = new Set<string>();

  const segmentLabel = (segment: Segment) => {
    const name = entityName(segment.data, lang);
    const gap = str(segment.data.gap);
    const counts = t("map.segmentCount", { local: num(segment.data.localFirms), above: num(segment.data.aboveScaleFirms) });
    if (gap === "missing") return `${name}\n${t("gap.missing")}`;
    if (gap === "thin") return `${name}（${t("gap.thin")}）\n${counts}`;
    return `${name}\n${counts}`;
  };

  /** The height `place` will use for a segment, without placing it. */
  const measure = (segment: Segment, width: number): number => {
    const empty = segment.children.length === 0 && segment.shown.length === 0 && segment.more === 0;
    if (empty) return MAP_LAYOUT.emptyH;
    const { rows } = gridSize(segment.shown.length + (segment.more > 0 ? 1 : 0));
    let height = MAP_LAYOUT.labelH + MAP_LAYOUT.pad + rows * MAP_LAYOUT.cellH;
    segment.children.forEach((child, i) => {
      if (rows > 0 || i > 0) height += MAP_LAYOUT.segmentGap;
      height += measure(child, width - 2 * MAP_LAYOUT.pad - 4);
    });
    return height + MAP_LAYOUT.pad;
  };

  /** Places a segment with its inner width fixed; returns the height it occupies from `top`. */
  const place = (segment: Segment, centerX: number, top: number, innerW: number, parent?: string): number => {
    const id = segment.data.id;
    const gap = str(segment.data.gap);
    const empty = segment.children.length === 0 && segment.shown.length === 0 && segment.more === 0;
    const classes = ["segment", parent ? "sub" : "", empty ? "empty" : "", gap ? `gap gap-${gap}` : ""].filter(Boolean).join(" ");
    const data: Record<string, unknown> = {
      ...segment.data,
      displayLabel: segmentLabel(segment),
      minW: innerW,
      labelW: `${innerW}px`,
      ...(parent ? { parent } : {}),
    };
    delete data.position;
    if (empty) {
      out.push({
        group: "nodes",
        data: data as ElementDefinition["data"],
        classes,
        position: { x: centerX, y: top + MAP_LAYOUT.emptyH / 2 },
      });
      shownIds.add(id);
      return MAP_LAYOUT.emptyH;
    }
    out.push({ group: "nodes", data: data as ElementDefinition["data"], classes });
    shownIds.add(id);
    let y = top + MAP_LAYOUT.labelH + MAP_LAYOUT.pad;
    const items = segment.shown.length + (segment.more > 0 ? 1 : 0);
    const { cols, rows } = gridSize(items);
    const left = centerX - (cols * MAP_LAYOUT.cellW) / 2;
    const cell = (i: number) => ({
      x: left + ((i % cols) + 0.5) * MAP_LAYOUT.cellW,
      y: y + (Math.floor(i / cols) + 0.5) * MAP_LAYOUT.cellH,
    });
    segment.shown.forEach((firm, i) => {
      const name = entityName(firm, lang);
      const classes = ["firm", firm.leader === true ? "leader" : "", firm.local === false ? "outside" : ""].filter(Boolean);
      out.push({
        group: "nodes",
        data: { ...firm, parent: id, displayLabel: firm.leader === true ? `★ ${name}` : name },
        classes: classes.join(" "),
        position: cell(i),
      });
      shownIds.add(firm.id);
    });
    if (segment.more > 0) {
      out.push({
        group: "nodes",
        data: {
          id: `more:${id}`,
          type: "aggregate",
          segment: id,
          count: segment.more,
          parent: id,
          displayLabel: segment.shown.length === 0 ? t("common.firms", { n: segment.more }) : `+ ${t("map.more", { n: segment.more })}`,
        },
        classes: "aggregate",
        position: cell(segment.shown.length),
      });
    }
    y += rows * MAP_LAYOUT.cellH;
    segment.children.forEach((child, i) => {
      if (rows > 0 || i > 0) y += MAP_LAYOUT.segmentGap;
      y += place(child, centerX, y, innerW - 2 * MAP_LAYOUT.pad - 4, id);
    });
    return y - top + MAP_LAYOUT.pad;
  };

  // Order segments in each lane by where their suppliers sit in the lane before, to cut crossings.
  const flows = elements.edges.filter((edge) => edge.data.type === "FEEDS");
  const order = new Map<string, number>();
  const rootOf = (id: string): string => {
    let current = segments.get(id);
    while (current && parentOf(current)) current = segments.get(parentOf(current)!);
    return current?.data.id ?? id;
  };
  const laneRoots = STAGES.map((stage, laneIndex) => {
    const list = roots.filter((segment) => segment.stage === stage);
    const weight = (segment: Segment) => {
      const from = flows.filter((f) => rootOf(f.data.target) === segment.data.id).map((f) => order.get(rootOf(f.data.source)));
      const known = from.filter((v): v is number => v !== undefined);
      return known.length ? known.reduce((a, b) => a + b, 0) / known.length : Number.POSITIVE_INFINITY;
    };
    if (laneIndex > 0) list.sort((a, b) => weight(a) - weight(b));
    list.forEach((segment, i) => {
      order.set(segment.data.id, i);
    });
    return list;
  });

  // One box width for the whole map keeps the columns regular; a lane with many segments wraps
  // into several columns, choosing the column height that brings the picture closest to 16:10.
  const innerW = Math.max(MAP_LAYOUT.emptyW, ...roots.map(naturalWidth));
  const columnW = innerW + 2 * MAP_LAYOUT.pad;
  const heights = new Map(roots.map((segment) => [segment, measure(segment, innerW) + MAP_LAYOUT.segmentGap + MAP_LAYOUT.pad]));
  const pack = (limit: number) =>
    laneRoots.map((list) => {
      const columns: Segment[][] = [[]];
      let used = 0;
      for (const segment of list) {
        const height = heights.get(segment)!;
        if (used > 0 && used + height > limit) {
          columns.push([]);
          used = 0;
        }
        columns[columns.length - 1]!.push(segment);
        used += height;
      }
      return columns;
    });
  const sizeOf = (packed: Segment[][][]) => {
    const columns = packed.reduce((n, lane) => n + lane.length, 0);
    const width = columns * columnW + (columns - packed.length) * MAP_LAYOUT.columnGap + (packed.length - 1) * MAP_LAYOUT.laneGap;
    const height = Math.max(
      ...packed.flatMap((lane) => lane.map((column) => column.reduce((sum, segment) => sum + heights.get(segment)!, 0))),
    );
    return { width, height: height + MAP_LAYOUT.laneHeader };
  };
  const total = [...heights.values()].reduce((a, b) => a + b, 0);
  const tallestSingle = Math.max(0, ...heights.values());
  let packed = pack(Number.POSITIVE_INFINITY);
  let best = Number.POSITIVE_INFINITY;
  for (let columns = 1; columns <= 12; columns++) {
    const candidate = pack(Math.max(tallestSingle, total / columns));
    const size = sizeOf(candidate);
    const misfit = Math.abs(Math.log(size.width / Math.max(size.height, 1) / 1.6));
    if (misfit < best - 0.01) {
      best = misfit;
      packed = candidate;
    }
  }

  let laneLeft = 0;
  let tallest = 0;
  const lanes: { stage: Stage; left: number; width: number }[] = [];
  STAGES.forEach((stage, laneIndex) => {
    const columns = packed[laneIndex]!;
    const laneW = columns.length * columnW + (columns.length - 1) * MAP_LAYOUT.columnGap + 2 * MAP_LAYOUT.lanePad;
    columns.forEach((column, c) => {
      const centerX = laneLeft + MAP_LAYOUT.lanePad + c * (columnW + MAP_LAYOUT.columnGap) + columnW / 2;
      let y = MAP_LAYOUT.laneHeader;
      for (const segment of column) y += place(segment, centerX, y, innerW) + MAP_LAYOUT.segmentGap + MAP_LAYOUT.pad;
      tallest = Math.max(tallest, y);
    });
    lanes.push({ stage, left: laneLeft, width: laneW });
    laneLeft += laneW + MAP_LAYOUT.laneGap;
  });

  const laneH = tallest + MAP_LAYOUT.lanePad;
  lanes.forEach((lane, i) => {
    out.unshift({
      group: "nodes",
      data: {
        id: `lane:${lane.stage}`,
        type: "lane",
        stage: lane.stage,
        displayLabel: `${t(`stage.${lane.stage}`)}${lang === "zh" ? ` ${lane.stage.replace(/^./, (c) => c.toUpperCase())}` : ""}`,
        w: lane.width,
        h: laneH,
        fill: MAP_COLORS.lane[i],
        stroke: MAP_COLORS.laneBorder[i],
      },
      classes: "lane",
      position: { x: lane.left + lane.width / 2, y: laneH / 2 },
      selectable: false,
      grabbable: false,
    });
  });

  for (const { data } of elements.edges) {
    if (!shownIds.has(data.source) || !shownIds.has(data.target)) continue;
    if (data.type === "FEEDS") {
      const broken = data.broken === true;
      out.push({
        group: "edges",
        data: { ...data, displayLabel: broken ? t("gap.broken") : "" },
        classes: broken ? "flow broken" : "flow",
      });
    } else if (data.type === "SUPPLIES") {
      out.push({ group: "edges", data: { ...data, displayLabel: "" }, classes: "supply" });
    }
  }
  return { elements: out, aggregated: aggregated || folded, hidden };
}
