import type { Compare } from "../../../model/api/analysis.ts";
import type { Stage } from "../../../model/domain.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import { saveBlob } from "../export/download.ts";
import { compareCsv, exportFileName } from "../export/exporters.ts";
import { entityName } from "../i18n/i18n.ts";
import type { ViewState } from "../state/url-state.ts";
import { clear, failureBox, h, loading } from "../ui/dom.ts";
import { regionLabel } from "../ui/pickers.ts";
import { heatmapTable, initialOpenStages } from "./compare/heatmap.ts";
import { MAX_COMPARED, peerRegions } from "./compare/peers.ts";

/**
 * Compare: a region × segment heat map of firm counts for the region and its peers (same level,
 * same chain; `compare/peers.ts`), any other region addable; segments grouped by stage and
 * foldable so the table fits the width. A click lists the firms behind a cell below the table.
 */
/** On a phone (styles/narrow.css) fewer segment columns fit before the stages fold. */
const NARROW = "(max-width: 720px)";
const NARROW_COLUMNS = 4;

export function compareView(root: HTMLElement, context: AppContext): ViewInstance {
  const { t, lang } = context;
  const side = h("div", { class: "sidebar" });
  const matrix = h("div", { class: "matrix-table" });
  const cellPanel = h("section", { class: "cell-panel", "aria-live": "polite", hidden: true });
  clear(
    root,
    h(
      "div",
      { class: "layout layout-compare" },
      side,
      h("div", { class: "matrix", role: "region", "aria-label": t("compare.title") }, matrix, cellPanel),
    ),
  );
  let state = context.state;
  let key = "";
  let data: Compare | undefined;
  let openStages = new Set<Stage>();
  let cellKey = "";
  let disposed = false;

  const setRegions = (regions: string[]) => context.navigate({ regions, cell: undefined });

  const renderSide = async (next: ViewState) => {
    const catalog = await context.catalog();
    const chain = catalog.chains.find((c) => c.id === next.chain);
    const chosen = next.regions.map((id) => catalog.regions.find((r) => r.id === id)).filter((r) => r !== undefined);
    const addable = catalog.regions.filter((r) => !next.regions.includes(r.id));
    const peers = chain ? peerRegions(chain, catalog.regions, next.region) : [];
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
        h("p", { class: "hint" }, t(peers.length > 1 ? "compare.peersHint" : "compare.noPeers")),
        h(
          "ul",
          { class: "compared-regions" },
          chosen.map((region) =>
            h(
              "li",
              {},
              regionLabel(region, catalog.regions, lang),
              h(
                "button",
                {
                  type: "button",
                  class: "remove",
                  disabled: next.regions.length <= 1,
                  "aria-label": t("compare.remove", { region: regionLabel(region, catalog.regions, lang) }),
                  onclick: () => setRegions(next.regions.filter((id) => id !== region.id)),
                },
                "×",
              ),
            ),
          ),
        ),
        h(
          "label",
          { class: "field" },
          h("span", {}, t("compare.add")),
          h(
            "select",
            {
              id: "compare-add",
              disabled: next.regions.length >= MAX_COMPARED,
              onchange: (e: Event) => {
                const id = (e.target as HTMLSelectElement).value;
                if (id) setRegions([...next.regions, id]);
              },
            },
            h("option", { value: "", selected: true }, t("common.choose")),
            addable.map((region) => h("option", { value: region.id }, regionLabel(region, catalog.regions, lang))),
          ),
        ),
        peers.length > 1 && peers.join(",") !== next.regions.join(",")
          ? h("button", { type: "button", onclick: () => setRegions(peers) }, t("compare.resetPeers"))
          : null,
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
    clear(
      matrix,
      heatmapTable(data, {
        t,
        lang,
        open: openStages,
        selectedCell: next.cell,
        onToggleStage: (stage) => {
          if (openStages.has(stage)) openStages.delete(stage);
          else openStages.add(stage);
          renderMatrix(state);
          matrix.querySelector<HTMLElement>(`[data-stage="${stage}"]`)?.focus();
        },
        onCell: (cell) => context.navigate({ cell }, { replace: true }),
      }),
    );
  };

  const renderCell = async (next: ViewState) => {
    if (!data || !next.cell) {
      cellPanel.hidden = true;
      cellKey = "";
      return;
    }
    if (next.cell === cellKey) return;
    cellKey = next.cell;
    cellPanel.hidden = false;
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
        const chain = catalog.chains.find((c) => c.regions.includes(next.region ?? "")) ?? catalog.chains.find((c) => c.regions.length > 0);
        if (chain) context.navigate({ chain: chain.id, regions: peerRegions(chain, catalog.regions, next.region) }, { replace: true });
        return;
      }
      if (next.regions.length === 0) {
        const chain = catalog.chains.find((c) => c.id === next.chain);
        const peers = chain ? peerRegions(chain, catalog.regions, next.region) : [];
        if (peers.length > 0) {
          context.navigate({ regions: peers }, { replace: true });
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
        openStages = initialOpenStages(data, window.matchMedia?.(NARROW).matches ? NARROW_COLUMNS : undefined);
      }
      renderMatrix(next);
      await renderCell(next);
    } catch (error) {
      key = "";
      clear(
        matrix,
        failureBox(error, t, () => void update(state)),
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
