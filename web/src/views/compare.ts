import type { Compare } from "../../../model/api/analysis.ts";
import { describeError } from "../api/errors.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import { saveBlob } from "../export/download.ts";
import { compareCsv, exportFileName } from "../export/exporters.ts";
import { entityName } from "../i18n/i18n.ts";
import type { ViewState } from "../state/url-state.ts";
import { clear, errorBox, h, loading } from "../ui/dom.ts";
import { regionLabel } from "../ui/pickers.ts";

/** Cell colour on a white → deep-blue ramp; text turns white where the background gets dark. */
export function heatColour(value: number, max: number): { background: string; color: string } {
  if (value <= 0 || max <= 0) return { background: "#ffffff", color: "#64748b" };
  const share = Math.sqrt(value / max);
  const mix = (from: number, to: number) => Math.round(from + (to - from) * share);
  return { background: `rgb(${mix(219, 30)}, ${mix(234, 64)}, ${mix(254, 175)})`, color: share > 0.55 ? "#ffffff" : "#0f172a" };
}

/** Compare: a region × segment heat map of firm counts; a click lists the firms behind a cell. */
export function compareView(root: HTMLElement, context: AppContext): ViewInstance {
  const { t, lang } = context;
  const side = h("div", { class: "sidebar" });
  const matrix = h("div", { class: "matrix", role: "region", "aria-label": t("compare.title") });
  const cellPanel = h("aside", { class: "cell-panel", "aria-live": "polite" });
  clear(root, h("div", { class: "layout layout-compare" }, side, matrix, cellPanel));
  let state = context.state;
  let key = "";
  let data: Compare | undefined;
  let cellKey = "";
  let disposed = false;

  const renderSide = async (next: ViewState) => {
    const catalog = await context.catalog();
    const chain = catalog.chains.find((c) => c.id === next.chain);
    const candidates = catalog.regions.filter((r) => chain?.regions.includes(r.id));
    clear(
      side,
      h("h1", { class: "view-title" }, t("compare.title")),
      h(
        "label",
        { class: "field" },
        h("span", {}, t("common.chain")),
        h(
          "select",
          {
            id: "compare-chain",
            onchange: (e: Event) => context.navigate({ chain: (e.target as HTMLSelectElement).value, regions: [], cell: undefined }),
          },
          catalog.chains.map((c) => h("option", { value: c.id, selected: c.id === next.chain }, entityName({ ...c, label: c.name }, lang))),
        ),
      ),
      h(
        "fieldset",
        {},
        h("legend", {}, t("compare.regions")),
        candidates.map((region) =>
          h(
            "label",
            { class: "check" },
            h("input", {
              type: "checkbox",
              value: region.id,
              checked: next.regions.includes(region.id),
              onchange: (e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                context.navigate({
                  regions: on ? [...next.regions, region.id] : next.regions.filter((id) => id !== region.id),
                  cell: undefined,
                });
              },
            }),
            regionLabel(region, catalog.regions, lang),
          ),
        ),
      ),
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            if (data)
              saveBlob(
                new Blob([compareCsv(data, lang)], { type: "text/csv;charset=utf-8" }),
                exportFileName([t("compare.title"), data.chain.label], "csv"),
              );
          },
        },
        `${t("export.title")} CSV`,
      ),
    );
  };

  const renderMatrix = (next: ViewState) => {
    if (!data) return;
    const cells = new Map(data.cells.map((c) => [`${c.region}|${c.segment}`, c]));
    const max = Math.max(0, ...data.cells.map((c) => c.firms));
    clear(
      matrix,
      h(
        "table",
        { class: "heatmap" },
        h("caption", {}, `${entityName(data.chain, lang)} — ${t("compare.title")}`),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, t("common.region")),
            data.segments.map((segment) =>
              h(
                "th",
                { scope: "col", class: `stage-${segment.stage}` },
                h("span", {}, entityName({ ...segment, label: segment.name }, lang)),
                h("small", {}, t(`stage.${segment.stage}`)),
              ),
            ),
          ),
        ),
        h(
          "tbody",
          {},
          data.regions.map((region) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, entityName({ ...region, label: region.name ?? region.id }, lang)),
              data!.segments.map((segment) => {
                const cell = cells.get(`${region.id}|${segment.id}`);
                const firms = cell?.firms ?? 0;
                const colours = heatColour(firms, max);
                const id = `${region.id}|${segment.id}`;
                return h(
                  "td",
                  { style: `background:${colours.background};color:${colours.color}`, class: id === next.cell ? "selected" : "" },
                  h(
                    "button",
                    {
                      type: "button",
                      class: "cell",
                      "data-cell": id,
                      "aria-label": `${region.name ?? region.id} ${segment.name}: ${t("common.firms", { n: firms })}`,
                      onclick: () => context.navigate({ cell: id }, { replace: true }),
                    },
                    String(firms),
                    cell && cell.leaders > 0
                      ? h("span", { class: "leader-mark", title: t("compare.leaders", { n: cell.leaders }) }, "★")
                      : null,
                  ),
                );
              }),
            ),
          ),
        ),
      ),
    );
  };

  const renderCell = async (next: ViewState) => {
    if (!data || !next.cell) {
      clear(cellPanel, h("p", { class: "muted" }, t("compare.pickCell")));
      return;
    }
    if (next.cell === cellKey) return;
    cellKey = next.cell;
    const [regionId, segmentId] = next.cell.split("|");
    const cell = data.cells.find((c) => c.region === regionId && c.segment === segmentId);
    const region = data.regions.find((r) => r.id === regionId);
    const segment = data.segments.find((s) => s.id === segmentId);
    const title = t("compare.cellFirms", {
      region: region ? entityName({ ...region, label: region.name ?? region.id }, lang) : "",
      segment: segment ? entityName({ ...segment, label: segment.name }, lang) : "",
    });
    const ids = cell?.firmIds ?? [];
    clear(cellPanel, h("h2", {}, title), loading(t("common.loading")));
    // The cell carries ids only; names come from the node endpoint, a few at a time.
    const names = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 6) {
      const batch = await Promise.all(ids.slice(i, i + 6).map((id) => context.api.node(id).catch(() => undefined)));
      for (const details of batch) if (details) names.set(details.node.id, entityName(details.node, lang));
      if (cellKey !== next.cell) return;
    }
    clear(
      cellPanel,
      h("h2", {}, title),
      cell
        ? h(
            "p",
            { class: "hint" },
            `${t("common.firms", { n: cell.firms })} · ${t("compare.above", { n: cell.aboveScaleFirms })} · ${t("compare.leaders", { n: cell.leaders })}`,
          )
        : null,
      ids.length === 0
        ? h("p", { class: "muted" }, t("common.none"))
        : h(
            "ul",
            { class: "cell-firms" },
            ids.map((id) =>
              h("li", {}, h("a", { href: `#/explore?focus=${id}&sel=${id}${lang === "en" ? "&lang=en" : ""}` }, names.get(id) ?? id)),
            ),
          ),
    );
  };

  const update = async (next: ViewState) => {
    state = next;
    try {
      const catalog = await context.catalog();
      if (!next.chain) {
        const chain = catalog.chains.find((c) => c.regions.length > 0) ?? catalog.chains[0];
        if (chain) context.navigate({ chain: chain.id, regions: chain.regions.slice(0, 8) }, { replace: true });
        return;
      }
      if (next.regions.length === 0) {
        const chain = catalog.chains.find((c) => c.id === next.chain);
        if (chain && chain.regions.length > 0) {
          context.navigate({ regions: chain.regions.slice(0, 8) }, { replace: true });
          return;
        }
      }
      const nextKey = `${next.chain}|${next.regions.join(",")}`;
      if (nextKey !== key) {
        key = nextKey;
        cellKey = "";
        await renderSide(next);
        clear(matrix, loading(t("common.loading")));
        data = await context.api.compare(next.chain, next.regions);
        if (disposed || key !== nextKey) return;
      }
      renderMatrix(next);
      await renderCell(next);
    } catch (error) {
      key = "";
      clear(
        matrix,
        errorBox(describeError(error, t), () => void update(state), t("common.retry")),
      );
    }
  };

  void update(state);
  return {
    update: (next) => void update(next),
    destroy: () => {
      disposed = true;
    },
  };
}
