import type { ElementDefinition } from "cytoscape";
import type { Elements, NodeData } from "../../../model/api/elements.ts";
import { STAGES, type Stage } from "../../../model/domain.ts";
import { entityName, type Lang, type Translate } from "../i18n/i18n.ts";
import { isSynthetic } from "./entity-elements.ts";
import { MAP_COLORS } from "./palette.ts";
import { DEFAULT_THRESHOLDS, type SegmentGap, segmentGap, segmentReason, type Thresholds } from "./segment-status.ts";
import { DETAIL_FONT, MAP_FONTS, MAP_LAYOUT_CARD, MIN_DRAWN_FONT_PX } from "./style.ts";

/**
 * Turns a chain map answer into Cytoscape elements with computed positions: stages are lanes left
 * to right, top-level segments are boxes stacked in their lane, firms sit in a grid inside their
 * top-level segment and sub-segments are listed under them as slim rows. A preset layout, so
 * drawing costs nothing beyond rendering.
 *
 * Level of detail, so the fitted map stays legible by aggregation, not by hiding: a segment holding
 * more than `maxFirmsPerSegment` firms shows only its leaders and one count node ("+37 家") until
 * the user opens it; the box's own label carries the status, its reason and the counts. Given the
 * canvas, the fonts and cards of everything a planner must read at the fitted view (lanes, segment
 * boxes and rows, count cards, named firms) are scaled up from MAP_FONTS until the fitted view
 * draws them at 11 CSS px or more (`fittedScale`); gaps and paddings are not scaled, so a larger
 * scale makes the text larger relative to the picture. On such a scaled map a folded segment adds
 * its next firm as a small detail card, named only once the user zooms in. Text smaller than
 * 11 px at some zoom is not drawn (GraphView's legibility cut) and appears as the user zooms in.
 */

const LINE_HEIGHT = 1.3;

export const MAP_LAYOUT = {
  cellW: 136,
  cellH: 62,
  cols: 2,
  pad: 12,
  chipGap: 6,
  segmentGap: 26,
  laneGap: 64,
  columnGap: 22,
  laneHeader: 64,
  lanePad: 14,
};

export interface MapOptions {
  lang: Lang;
  t: Translate;
  /** Segments the user opened: all their firms are drawn. */
  open?: ReadonlySet<string>;
  /** A segment with more firms than this shows its leaders and a count node until opened. */
  maxFirmsPerSegment?: number;
  /** With more firms than this on the whole map, every closed segment shows only leaders and a count. */
  aggregateAbove?: number;
  /** Width / height of the canvas the map is fitted into: lanes wrap into columns to match it. */
  aspect?: number;
  /**
   * The canvas the map is fitted into, in CSS px: lanes wrap to its shape and the fonts and cards
   * are scaled so that what a planner must read is drawn at 11 px or more at the fitted view.
   */
  canvas?: { width: number; height: number };
  thresholds?: Thresholds;
}

export interface MapElements {
  elements: ElementDefinition[];
  /** True when firms were folded into counts somewhere on the map. */
  aggregated: boolean;
  /** Segment id → firm ids hidden inside its count node. */
  hidden: Map<string, string[]>;
  /** Fonts and cards relative to MAP_FONTS (1 without a canvas, or when the map reads at that size). */
  scale: number;
}

interface Segment {
  data: NodeData;
  stage: Stage;
  children: Segment[];
  gap: SegmentGap;
  reason: string | undefined;
  /** Firms whose most specific segment on this map is this one. */
  own: NodeData[];
}

interface Root {
  segment: Segment;
  /** Sub-segments at any depth, parents before children. */
  subs: { segment: Segment; depth: number }[];
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

/** Drawn width of a line: CJK glyphs fill the em box, Latin letters about half of it. */
function textWidth(line: string, fontSize: number): number {
  let width = 0;
  for (const ch of line) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? fontSize : fontSize * 0.56;
  return width;
}

/** Lines a label wraps into within `width`, so boxes are made tall enough for their text. */
export function estimateLines(text: string, fontSize: number, width: number): number {
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line, fontSize) / width)), 0);
}

const labelHeight = (text: string, fontSize: number, width: number) => estimateLines(text, fontSize, width) * fontSize * LINE_HEIGHT;

/** A long registered name (丽水市本润农业有限公司) gives way to its short name on a card; details keep the full one. */
function cardName(firm: NodeData, lang: Lang): string {
  const name = entityName(firm, lang);
  if (lang === "en" || name.length <= 10 || !Array.isArray(firm.aliases)) return name;
  const short = firm.aliases.filter((a): a is string => typeof a === "string" && a.length >= 2).sort((a, b) => a.length - b.length)[0];
  return short && short.length < name.length ? short : name;
}

export function chainMapElements(elements: Elements, options: MapOptions): MapElements {
  const { lang, t } = options;
  const open = options.open ?? new Set<string>();
  const maxPerSegment = options.maxFirmsPerSegment ?? 6;
  const aggregateAbove = options.aggregateAbove ?? 600;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;

  const segments = new Map<string, Segment>();
  const firms: NodeData[] = [];
  for (const { data } of elements.nodes) {
    if (data.type === "segment") segments.set(data.id, { data, stage: stageOf(data), children: [], gap: null, reason: undefined, own: [] });
    else if (data.type === "firm") firms.push(data);
  }
  const parentOf = (segment: Segment) => {
    const parent = str(segment.data.parent);
    return parent && parent !== segment.data.id && segments.has(parent) ? parent : undefined;
  };
  const topLevel: Segment[] = [];
  for (const segment of segments.values()) {
    const parent = parentOf(segment);
    if (parent) segments.get(parent)!.children.push(segment);
    else topLevel.push(segment);
  }
  const judge = (segment: Segment, parentGap: SegmentGap) => {
    segment.gap = segmentGap(segment.data, parentGap);
    const inherited = segment.gap !== null && segment.data.gap !== segment.gap;
    segment.reason = segmentReason(segment.data, segment.gap, t, inherited, thresholds);
    for (const child of segment.children) judge(child, segment.gap);
  };
  for (const segment of topLevel) judge(segment, null);

  // A firm in several segments is drawn once, in its most specific segment on this map.
  let placedFirms = 0;
  for (const firm of firms) {
    const ids = (Array.isArray(firm.segments) ? firm.segments : []).filter(
      (id): id is string => typeof id === "string" && segments.has(id),
    );
    const deepest = ids.find((id) => segments.get(id)!.children.length === 0) ?? ids[0];
    if (!deepest) continue;
    segments.get(deepest)!.own.push(firm);
    placedFirms += 1;
  }

  const everyLeaderOnly = placedFirms > aggregateAbove;
  const roots: Root[] = topLevel.map((segment) => {
    const subs: Root["subs"] = [];
    const walk = (s: Segment, depth: number) => {
      for (const child of s.children) {
        subs.push({ segment: child, depth });
        walk(child, depth + 1);
      }
    };
    walk(segment, 1);
    const pooled = [...segment.own, ...subs.flatMap((s) => s.segment.own)];
    pooled.sort((a, b) => firmRank(b) - firmRank(a) || a.label.localeCompare(b.label, "zh"));
    let shown = pooled;
    if (!open.has(segment.data.id) && (everyLeaderOnly || pooled.length > maxPerSegment)) {
      shown = pooled.filter((firm) => firm.leader === true).slice(0, Math.max(1, maxPerSegment - 1));
    }
    return { segment, subs, firms: pooled, shown, more: pooled.length - shown.length };
  });

  const gapWord = (gap: SegmentGap) => (gap === "missing" ? t("gap.missing") : gap === "thin" ? t("gap.thin") : "");
  // English wraps at spaces; Chinese, which has none, anywhere (style.ts: .latin).
  const script = lang === "en" ? "latin" : "";
  const classesOf = (segment: Segment, extra: string[]) =>
    ["segment", ...extra, segment.gap ? `gap gap-${segment.gap}` : "", script].filter(Boolean).join(" ");
  const counts = (data: NodeData) => t("map.segmentCount", { local: num(data.localFirms), above: num(data.aboveScaleFirms) });

  const rootLabel = (root: Root) => {
    const { segment } = root;
    const name = entityName(segment.data, lang);
    const head = segment.gap ? (lang === "zh" ? `${name}（${gapWord(segment.gap)}）` : `${name} (${gapWord(segment.gap)})`) : name;
    return [head, segment.reason ?? counts(segment.data)].filter(Boolean).join("\n");
  };
  const chipLabel = (segment: Segment) => {
    const name = entityName(segment.data, lang);
    const firmsIn = num(segment.data.localFirms);
    const status = segment.gap ? gapWord(segment.gap) : firmsIn > 0 ? t("common.firms", { n: firmsIn }) : "";
    return status ? `${name} · ${status}` : name;
  };
  const flows = elements.edges.filter((edge) => edge.data.type === "FEEDS");
  const aspect = options.canvas
    ? options.canvas.width / Math.max(1, options.canvas.height)
    : options.aspect && Number.isFinite(options.aspect) && options.aspect > 0
      ? options.aspect
      : 1.6;

  // Order segments in each lane by where their suppliers sit in the lane before, to cut crossings.
  // The order does not depend on the scale: worked out once, each root's weight once.
  const order = new Map<string, number>();
  const rootOf = (id: string): string => {
    let current = segments.get(id);
    while (current && parentOf(current)) current = segments.get(parentOf(current)!);
    return current?.data.id ?? id;
  };
  const flowRoots = flows.map((f) => ({ from: rootOf(f.data.source), to: rootOf(f.data.target) }));
  const laneRoots = STAGES.map((stage, laneIndex) => {
    const list = roots.filter((root) => root.segment.stage === stage);
    const weight = (root: Root) => {
      const from = flowRoots.filter((f) => f.to === root.segment.data.id).map((f) => order.get(f.from));
      const known = from.filter((v): v is number => v !== undefined);
      return known.length ? known.reduce((a, b) => a + b, 0) / known.length : Number.POSITIVE_INFINITY;
    };
    if (laneIndex > 0) {
      const weights = new Map(list.map((root) => [root, weight(root)]));
      list.sort((a, b) => weights.get(a)! - weights.get(b)!);
    }
    list.forEach((root, i) => {
      order.set(root.segment.data.id, i);
    });
    return list;
  });

  /**
   * The whole picture at one scale: every font and card of the fitted view (lanes, segment boxes
   * and rows, count cards, the named firms) is `scale` times its MAP_FONTS size, gaps and paddings
   * are not, so a larger scale makes text larger relative to the picture. At a scale above 1 a
   * folded segment also fills its last grid cell with its next firm as a detail card, in the small
   * DETAIL_FONT: drawn as a box at the fitted view, named once the user zooms in.
   */
  const build = ({ scale, cols }: Fit, emit = true) => {
    const out: ElementDefinition[] = [];
    const shownIds = new Set<string>();
    const detailIds = new Set<string>();
    const fonts = {
      lane: MAP_FONTS.lane * scale,
      segment: MAP_FONTS.segment * scale,
      chip: MAP_FONTS.chip * scale,
      card: MAP_FONTS.card * scale,
    };
    const cellW = MAP_LAYOUT.cellW * scale;
    const cellH = MAP_LAYOUT.cellH * scale;
    const innerW = cols * cellW;
    const laneHeader = MAP_LAYOUT.laneHeader * scale;
    // Detail cards: one row of a folded segment's next firms, unscaled, on a scaled map only.
    const stripMax = Math.max(1, Math.floor((innerW + MAP_LAYOUT.chipGap) / (MAP_LAYOUT_CARD.w + MAP_LAYOUT.chipGap)));
    const strip = (root: Root) => (scale > 1 ? Math.min(root.more, stripMax) : 0);
    const stripHeight = (root: Root) => (strip(root) > 0 ? MAP_LAYOUT_CARD.h + 2 * MAP_LAYOUT.chipGap : 0);
    const notDrawn = (root: Root) => root.more - strip(root);
    // On a scaled map the box's own label counts the firms (its box opens on a tap), so a count
    // card is drawn only next to named firms.
    const countCard = (root: Root) => notDrawn(root) > 0 && (scale === 1 || root.shown.length > 0);

    const chipWidth = (depth: number) => innerW - (depth - 1) * 2 * MAP_LAYOUT.pad;
    const chipHeight = (segment: Segment, depth: number) => labelHeight(chipLabel(segment), fonts.chip, chipWidth(depth) - 16) + 14;
    const gridRows = (items: number) => Math.ceil(items / cols);
    const itemsOf = (root: Root) => root.shown.length + (countCard(root) ? 1 : 0);
    const isEmpty = (root: Root) => itemsOf(root) === 0 && strip(root) === 0 && root.subs.length === 0;
    const headHeight = (root: Root) => labelHeight(rootLabel(root), fonts.segment, innerW) + 8;

    /** Height a root segment takes from its top, label included. */
    const measure = (root: Root): number => {
      if (isEmpty(root)) return headHeight(root) + 2 * MAP_LAYOUT.pad;
      const chips = root.subs.reduce((sum, { segment, depth }) => sum + chipHeight(segment, depth) + MAP_LAYOUT.chipGap, 0);
      return headHeight(root) + MAP_LAYOUT.pad + gridRows(itemsOf(root)) * cellH + stripHeight(root) + chips + MAP_LAYOUT.pad;
    };

    const firmNode = (firm: NodeData, parent: string, position: { x: number; y: number }, detail: boolean): ElementDefinition => {
      const name = cardName(firm, lang);
      const classes = [
        "firm",
        detail ? "detail" : "",
        firm.leader === true ? "leader" : "",
        firm.local === false ? "outside" : "",
        firm.scenario === true ? "scenario" : "",
        isSynthetic(firm) ? "synthetic" : "",
        script,
      ].filter(Boolean);
      const size = detail ? { fs: DETAIL_FONT, ...cardSize(1) } : { fs: fonts.card, ...cardSize(scale) };
      return {
        group: "nodes",
        data: { ...firm, parent, ...size, displayLabel: firm.leader === true ? `★ ${name}` : name },
        classes: classes.join(" "),
        position,
      };
    };

    /** Places a root segment with its cards and sub-segment rows; returns the height it occupies. */
    const place = (root: Root, centerX: number, top: number): number => {
      const { segment } = root;
      const id = segment.data.id;
      const base: Record<string, unknown> = {
        ...segment.data,
        displayLabel: rootLabel(root),
        minW: innerW,
        labelW: `${innerW}px`,
        fs: fonts.segment,
        reason: segment.reason,
        firmCount: root.firms.length,
        // Firms not drawn: a tap on the box opens it (views/chain-map.ts).
        folded: notDrawn(root) > 0,
      };
      delete base.position;
      shownIds.add(id);
      if (isEmpty(root)) {
        const height = measure(root);
        out.push({
          group: "nodes",
          data: { ...base, boxH: height } as ElementDefinition["data"],
          classes: classesOf(segment, ["empty"]),
          position: { x: centerX, y: top + height / 2 },
        });
        return height;
      }
      out.push({ group: "nodes", data: base as ElementDefinition["data"], classes: classesOf(segment, []) });
      let y = top + headHeight(root) + MAP_LAYOUT.pad;
      // A lone card is centred: a compound box centres itself on its children.
      const left = centerX - (Math.min(cols, itemsOf(root)) * cellW) / 2;
      const cell = (i: number) => ({
        x: left + ((i % cols) + 0.5) * cellW,
        y: y + (Math.floor(i / cols) + 0.5) * cellH,
      });
      root.shown.forEach((firm, i) => {
        out.push(firmNode(firm, id, cell(i), false));
        shownIds.add(firm.id);
      });
      const more = notDrawn(root);
      if (countCard(root)) {
        out.push({
          group: "nodes",
          data: {
            id: `more:${id}`,
            type: "aggregate",
            segment: id,
            count: more,
            parent: id,
            fs: fonts.card,
            ...cardSize(scale),
            displayLabel: root.shown.length === 0 ? t("common.firms", { n: more }) : t("map.more", { n: more }),
          },
          classes: ["aggregate", script].filter(Boolean).join(" "),
          position: cell(root.shown.length),
        });
      }
      y += gridRows(itemsOf(root)) * cellH;
      const details = root.firms.slice(root.shown.length, root.shown.length + strip(root));
      const stripLeft = centerX - (details.length * (MAP_LAYOUT_CARD.w + MAP_LAYOUT.chipGap) - MAP_LAYOUT.chipGap) / 2;
      details.forEach((firm, i) => {
        const x = stripLeft + i * (MAP_LAYOUT_CARD.w + MAP_LAYOUT.chipGap) + MAP_LAYOUT_CARD.w / 2;
        out.push(firmNode(firm, id, { x, y: y + MAP_LAYOUT.chipGap + MAP_LAYOUT_CARD.h / 2 }, true));
        shownIds.add(firm.id);
        detailIds.add(firm.id);
      });
      y += stripHeight(root);
      for (const { segment: sub, depth } of root.subs) {
        const height = chipHeight(sub, depth);
        const data: Record<string, unknown> = {
          ...sub.data,
          parent: id,
          displayLabel: chipLabel(sub),
          reason: sub.reason,
          fs: fonts.chip,
          boxW: chipWidth(depth),
          boxH: height,
          labelW: `${chipWidth(depth) - 16}px`,
        };
        delete data.position;
        out.push({
          group: "nodes",
          data: data as ElementDefinition["data"],
          classes: classesOf(sub, ["sub", "chip"]),
          position: { x: centerX, y: y + height / 2 },
        });
        shownIds.add(sub.data.id);
        y += height + MAP_LAYOUT.chipGap;
      }
      return y - top + MAP_LAYOUT.pad;
    };

    // A lane with many segments wraps into several columns, choosing the column height that brings
    // the picture closest to the canvas's shape, so the fitted view is as large as it can be.
    const columnW = innerW + 2 * MAP_LAYOUT.pad;
    const heights = new Map(roots.map((root) => [root, measure(root) + MAP_LAYOUT.segmentGap]));
    const pack = (limit: number) =>
      laneRoots.map((list) => {
        const columns: Root[][] = [[]];
        let used = 0;
        for (const root of list) {
          const height = heights.get(root)!;
          if (used > 0 && used + height > limit) {
            columns.push([]);
            used = 0;
          }
          columns[columns.length - 1]!.push(root);
          used += height;
        }
        return columns;
      });
    const sizeOf = (packed: Root[][][]) => {
      const columns = packed.reduce((n, lane) => n + lane.length, 0);
      const width =
        columns * columnW +
        (columns - packed.length) * MAP_LAYOUT.columnGap +
        (packed.length - 1) * MAP_LAYOUT.laneGap +
        packed.length * 2 * MAP_LAYOUT.lanePad;
      const height = Math.max(...packed.flatMap((lane) => lane.map((column) => column.reduce((sum, root) => sum + heights.get(root)!, 0))));
      return { width, height: height + laneHeader + MAP_LAYOUT.lanePad };
    };
    const total = [...heights.values()].reduce((a, b) => a + b, 0);
    const tallestSingle = Math.max(0, ...heights.values());
    // Given the canvas, the packing whose fitted view is largest; else the closest in shape.
    // The lane titles stand above the lanes (style.ts: text-margin-y).
    const withTitles = (size: { width: number; height: number }) => ({
      width: size.width,
      height: size.height + fonts.lane * LINE_HEIGHT + 10,
    });
    const misfitOf = (size: { width: number; height: number }) =>
      options.canvas ? -fittedZoom(withTitles(size), options.canvas) : Math.abs(Math.log(size.width / Math.max(size.height, 1) / aspect));
    let packed = pack(Number.POSITIVE_INFINITY);
    let best = Number.POSITIVE_INFINITY;
    for (let columns = 1; columns <= 16; columns += 0.25) {
      const candidate = pack(Math.max(tallestSingle, total / columns));
      const misfit = misfitOf(sizeOf(candidate));
      if (misfit < best - 0.01 * Math.abs(best === Number.POSITIVE_INFINITY ? 0 : best)) {
        best = misfit;
        packed = candidate;
      }
    }
    if (!emit) return { out, size: withTitles(sizeOf(packed)), hidden: new Map<string, string[]>() };

    let laneLeft = 0;
    let tallest = 0;
    const lanes: { stage: Stage; left: number; width: number }[] = [];
    STAGES.forEach((stage, laneIndex) => {
      const columns = packed[laneIndex]!;
      const laneW = columns.length * columnW + (columns.length - 1) * MAP_LAYOUT.columnGap + 2 * MAP_LAYOUT.lanePad;
      columns.forEach((column, c) => {
        const centerX = laneLeft + MAP_LAYOUT.lanePad + c * (columnW + MAP_LAYOUT.columnGap) + columnW / 2;
        let y = laneHeader;
        for (const root of column) y += place(root, centerX, y) + MAP_LAYOUT.segmentGap;
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
          displayLabel: t(`stage.${lane.stage}`),
          fs: fonts.lane,
          w: lane.width,
          h: laneH,
          fill: MAP_COLORS.lane[i],
          stroke: MAP_COLORS.laneBorder[i],
        },
        classes: ["lane", script].filter(Boolean).join(" "),
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
          // Not scaled: a large word on a flow would cross the boxes it runs between. On a scaled
          // map the fitted view tells a broken flow by its red dashes and bar end; the word
          // appears as the user zooms in.
          data: { ...data, displayLabel: broken ? t("gap.broken") : "" },
          classes: broken ? "flow broken" : "flow",
        });
      } else if (data.type === "SUPPLIES" && !detailIds.has(data.source) && !detailIds.has(data.target)) {
        // A detail card's ties would criss-cross the fitted view; they show when its segment is opened.
        out.push({ group: "edges", data: { ...data, displayLabel: "" }, classes: data.scenario === true ? "supply scenario" : "supply" });
      }
    }
    const size = withTitles({ width: laneLeft - MAP_LAYOUT.laneGap, height: laneH });
    const hidden = new Map<string, string[]>();
    for (const root of roots) {
      const drawn = root.shown.length + strip(root);
      if (root.firms.length > drawn)
        hidden.set(
          root.segment.data.id,
          root.firms.slice(drawn).map((firm) => firm.id),
        );
    }
    return { out, size, hidden };
  };

  const fit = fittedScale((f) => build(f, false).size, options.canvas);
  const { out, hidden } = build(fit);
  return { elements: out, aggregated: hidden.size > 0, hidden, scale: fit.scale };
}

/** A firm or count card at `scale`, with the width its label wraps in. */
const cardSize = (scale: number) => ({
  cardW: MAP_LAYOUT_CARD.w * scale,
  cardH: MAP_LAYOUT_CARD.h * scale,
  cardLabelW: `${(MAP_LAYOUT_CARD.w - 10) * scale}px`,
});

/**
 * How a map is drawn for its canvas: fonts and cards `scale` times MAP_FONTS, and `cols` cards a
 * row in a segment box (more columns make boxes wider and lower, and long English titles wrap less).
 */
interface Fit {
  scale: number;
  cols: number;
}
/** Tried in this order: the first whose fitted view reads well is taken. */
const FITS: Fit[] = [1, 1.15, 1.3, 1.5, 1.75, 2, 2.3, 2.6, 3, 3.5, 4].flatMap((scale) => [
  { scale, cols: MAP_LAYOUT.cols },
  { scale, cols: MAP_LAYOUT.cols + 1 },
  { scale, cols: MAP_LAYOUT.cols + 2 },
]);
/** What the picture's fit leaves around it (graph-view.ts) and the zoom it never exceeds. */
const FIT_PADDING = 30;
const FIT_MAX_ZOOM = 1.3;
/** The estimate of label sizes is close, not exact: aim a little above the 11 px floor. */
const AIM_PX = MIN_DRAWN_FONT_PX + 1;

/** The zoom at which a picture of `size` fills `canvas`, as GraphView's fit sets it. */
export function fittedZoom(size: { width: number; height: number }, canvas: { width: number; height: number }): number {
  const zoom = Math.min((canvas.width - 2 * FIT_PADDING) / size.width, (canvas.height - 2 * FIT_PADDING) / size.height);
  return Math.min(FIT_MAX_ZOOM, zoom);
}

/**
 * Picks the smallest scale at which the smallest label a planner must read at the fitted view (a
 * segment row, a count card, a named firm: MAP_FONTS.card) is drawn at AIM_PX or more on `canvas`.
 * Without a canvas (an export, the report's picture) the map is drawn at scale 1.
 */
function fittedScale(sizeAt: (fit: Fit) => { width: number; height: number }, canvas: { width: number; height: number } | undefined): Fit {
  const plain = FITS[0]!;
  if (!canvas || canvas.width <= 2 * FIT_PADDING || canvas.height <= 2 * FIT_PADDING) return plain;
  const tried: (Fit & { px: number })[] = [];
  for (const fit of FITS) {
    const px = MAP_FONTS.card * fit.scale * fittedZoom(sizeAt(fit), canvas);
    if (px >= AIM_PX) return fit;
    tried.push({ ...fit, px });
  }
  // Out of reach (a dense map's text grows with its boxes): the smallest scale within 3 % of the best.
  const bestPx = Math.max(...tried.map((b) => b.px));
  return tried.find((b) => b.px >= bestPx * 0.97)!;
}
