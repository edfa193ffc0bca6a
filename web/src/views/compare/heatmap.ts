import type { Compare } from "../../../../model/api/analysis.ts";
import { STAGES, type Stage } from "../../../../model/domain.ts";
import { entityName, type Translate } from "../../i18n/i18n.ts";
import type { Lang } from "../../state/url-state.ts";
import { h } from "../../ui/dom.ts";

/** Cell colour on a white → deep-blue ramp; text turns white where the background gets dark. */
export function heatColour(value: number, max: number): { background: string; color: string } {
  if (value <= 0 || max <= 0) return { background: "#ffffff", color: "#64748b" };
  const share = Math.sqrt(value / max);
  const mix = (from: number, to: number) => Math.round(from + (to - from) * share);
  return { background: `rgb(${mix(219, 30)}, ${mix(234, 64)}, ${mix(254, 175)})`, color: share > 0.55 ? "#ffffff" : "#0f172a" };
}

/** Above this many segment columns the table starts with its stages folded, so it fits the width. */
export const UNFOLDED_COLUMNS = 10;

/**
 * Which stages start unfolded: the smallest stages first, as long as their segment columns together
 * stay within `maxColumns`; the others show one total column until unfolded.
 */
export function initialOpenStages(compare: Compare, maxColumns = UNFOLDED_COLUMNS): Set<Stage> {
  const sizes = STAGES.map((stage) => ({ stage, n: compare.segments.filter((s) => s.stage === stage).length }))
    .filter((entry) => entry.n > 0)
    .sort((a, b) => a.n - b.n);
  const open = new Set<Stage>();
  let columns = 0;
  for (const { stage, n } of sizes) {
    if (columns + n > maxColumns) break;
    open.add(stage);
    columns += n;
  }
  return open;
}

export interface HeatmapOptions {
  t: Translate;
  lang: Lang;
  open: Set<Stage>;
  selectedCell?: string;
  onToggleStage(stage: Stage): void;
  onCell(cell: string): void;
}

/**
 * The region × segment table, segments grouped under their stage (上游/中游/下游). A folded stage is
 * one column with the stage's total; its header button unfolds it. Rows are regions.
 */
export function heatmapTable(compare: Compare, options: HeatmapOptions): HTMLTableElement {
  const { t, lang, open } = options;
  const cells = new Map(compare.cells.map((c) => [`${c.region}|${c.segment}`, c]));
  const stages = STAGES.map((stage) => ({ stage, segments: compare.segments.filter((s) => s.stage === stage) })).filter(
    (group) => group.segments.length > 0,
  );
  const stageTotal = (region: string, stage: Stage) =>
    compare.segments.filter((s) => s.stage === stage).reduce((sum, s) => sum + (cells.get(`${region}|${s.id}`)?.firms ?? 0), 0);
  const max = Math.max(0, ...compare.cells.map((c) => c.firms));
  // A folded stage's total is a sum of segments: it gets its own scale, or it would always read as the darkest.
  const maxTotal = Math.max(0, ...compare.regions.flatMap((r) => stages.map(({ stage }) => stageTotal(r.id, stage))));
  const regionName = (region: Compare["regions"][number]) => entityName({ ...region, label: region.name ?? region.id }, lang);

  const stageHeader = ({ stage, segments }: (typeof stages)[number]) =>
    h(
      "th",
      { scope: "colgroup", colspan: open.has(stage) ? segments.length : 1, class: `stage-head stage-${stage}` },
      h(
        "button",
        {
          type: "button",
          class: "stage-toggle",
          "aria-expanded": String(open.has(stage)),
          "data-stage": stage,
          onclick: () => options.onToggleStage(stage),
        },
        `${open.has(stage) ? "▾" : "▸"} ${t(`stage.${stage}`)}`,
        h("small", {}, t("compare.segmentsIn", { n: segments.length })),
      ),
    );
  const segmentHeaders = stages.flatMap(({ stage, segments }) =>
    open.has(stage)
      ? segments.map((segment) => h("th", { scope: "col", class: "segment-head" }, entityName({ ...segment, label: segment.name }, lang)))
      : [h("th", { scope: "col", class: "segment-head folded" }, t("compare.stageTotal"))],
  );

  const countCell = (id: string, firms: number, scale: number, label: string, leaders: number, onclick: () => void) => {
    const colours = heatColour(firms, scale);
    return h(
      "td",
      { style: `background:${colours.background};color:${colours.color}`, class: id === options.selectedCell ? "selected" : "" },
      h(
        "button",
        { type: "button", class: "cell", "data-cell": id, "aria-label": label, onclick },
        String(firms),
        leaders > 0 ? h("span", { class: "leader-mark", title: t("compare.leaders", { n: leaders }) }, "★") : null,
      ),
    );
  };

  const rowCells = (region: Compare["regions"][number]) =>
    stages.flatMap(({ stage, segments }) => {
      if (!open.has(stage)) {
        const total = stageTotal(region.id, stage);
        return [
          countCell(
            `${region.id}|${stage}`,
            total,
            maxTotal,
            `${regionName(region)} ${t(`stage.${stage}`)}: ${t("common.firms", { n: total })}`,
            0,
            () => options.onToggleStage(stage),
          ),
        ];
      }
      return segments.map((segment) => {
        const id = `${region.id}|${segment.id}`;
        const cell = cells.get(id);
        const firms = cell?.firms ?? 0;
        return countCell(
          id,
          firms,
          max,
          `${regionName(region)} ${entityName({ ...segment, label: segment.name }, lang)}: ${t("common.firms", { n: firms })}`,
          cell?.leaders ?? 0,
          () => options.onCell(id),
        );
      });
    });

  return h(
    "table",
    { class: "heatmap" },
    h("caption", {}, `${entityName({ ...compare.chain, label: compare.chain.name }, lang)} — ${t("compare.title")}`),
    h(
      "thead",
      {},
      h("tr", {}, h("td", { class: "corner" }), stages.map(stageHeader)),
      h("tr", {}, h("th", { scope: "col" }, t("common.region")), segmentHeaders),
    ),
    h(
      "tbody",
      {},
      compare.regions.map((region) => h("tr", {}, h("th", { scope: "row" }, regionName(region)), rowCells(region))),
    ),
  );
}
