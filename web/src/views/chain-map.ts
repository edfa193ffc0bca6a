import type { ChainMap, Finding, GapReport } from "../../../model/api/analysis.ts";
import { STAGES } from "../../../model/domain.ts";
import { describeError } from "../api/errors.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import { packButton } from "../export/pack-button.ts";
import { chainMapElements } from "../graph/chain-map-elements.ts";
import { GraphView } from "../graph/graph-view.ts";
import { bilingual, entityName } from "../i18n/i18n.ts";
import type { MessageKey } from "../i18n/messages.ts";
import type { ViewState } from "../state/url-state.ts";
import { showDetailsDrawer } from "../ui/details-panel.ts";
import { clear, errorBox, h, loading } from "../ui/dom.ts";
import { exportMenu } from "../ui/export-menu.ts";
import { mapLegend } from "../ui/legend.ts";
import { defaultChoice, regionChainPicker } from "../ui/pickers.ts";

/**
 * Chain map: stages as lanes, segments holding their local firms, gaps drawn in place, and the
 * findings beside it; clicking a finding highlights its evidence on the graph.
 */
export function chainMapView(root: HTMLElement, context: AppContext): ViewInstance {
  const { t, lang } = context;
  const side = h("div", { class: "sidebar", role: "region", "aria-label": t("map.findings") });
  const canvas = h("div", { class: "graph", id: "graph", "aria-label": t("nav.map"), role: "img" });
  const overlay = h("div", { class: "graph-overlay" });
  const drawer = h("div", { class: "drawer" });
  const toolbar = h("div", { class: "graph-toolbar" });
  clear(root, h("div", { class: "layout layout-map" }, side, h("div", { class: "stage" }, toolbar, canvas, overlay, mapLegend(t)), drawer));
  const graph = new GraphView(canvas);

  let loadedKey = "";
  let data: { map: ChainMap; gaps: GapReport } | undefined;
  let state = context.state;
  let disposed = false;
  const findingList = h("ol", { class: "findings" });

  graph.onNodeTap((id, nodeData) => {
    if (nodeData.type === "aggregate") {
      const segment = String(nodeData.segment);
      context.navigate({ open: [...new Set([...state.open, segment])] });
    } else if (nodeData.type !== "lane") context.navigate({ selected: id }, { replace: true });
  });
  graph.onBackgroundTap(() => {
    if (state.selected || state.finding) context.navigate({ selected: undefined, finding: undefined }, { replace: true });
  });

  const nameParts = () => [
    data ? entityName({ ...data.map.region, label: data.map.region.name }, lang) : undefined,
    data ? entityName({ ...data.map.chain, label: data.map.chain.name }, lang) : undefined,
  ];
  const openReport = () => context.navigate({ view: "report", selected: undefined, finding: undefined });

  const renderSide = async (current: ViewState) => {
    const catalog = await context.catalog();
    const picker = regionChainPicker(
      context,
      catalog,
      current,
      (patch) => context.navigate({ ...patch, finding: undefined, selected: undefined, open: [] }),
      {
        enclaves: true,
      },
    );
    clear(
      side,
      h("h1", { class: "view-title" }, t("nav.map")),
      picker,
      h("div", { class: "summary", id: "map-summary" }),
      h("h2", {}, t("map.findings")),
      findingList,
      h(
        "div",
        { class: "actions" },
        h(
          "button",
          { type: "button", onclick: () => context.navigate({ view: "targets", finding: undefined, selected: undefined }) },
          t("map.showTargets"),
        ),
        h("button", { type: "button", onclick: openReport }, t("map.openReport")),
      ),
    );
    clear(
      toolbar,
      h("button", { type: "button", onclick: () => graph.fit() }, t("common.fit")),
      exportMenu(context, () => graph, nameParts, openReport),
      packButton(context),
    );
  };

  const renderFindings = () => {
    if (!data) return;
    const { gaps } = data;
    const summary = side.querySelector("#map-summary");
    if (summary) {
      clear(
        summary,
        h("div", { class: "completeness" }, h("strong", {}, t("map.completeness", { n: Math.round(gaps.summary.completeness) }))),
        h(
          "ul",
          { class: "coverage" },
          STAGES.map((stage) => {
            const cov = gaps.summary.coverageByStage[stage];
            return cov
              ? h("li", {}, t("map.coverage", { stage: t(`stage.${stage}`), covered: cov.covered, segments: cov.segments }))
              : null;
          }),
        ),
        gaps.summary.formula
          ? h(
              "details",
              { class: "formula" },
              h("summary", {}, lang === "zh" ? "计算方式" : "How it is computed"),
              h("p", { class: "hint" }, gaps.summary.formula),
            )
          : null,
      );
    }
    const docs = new Map(gaps.documents.map((doc) => [doc.id, doc]));
    clear(
      findingList,
      gaps.findings.length === 0
        ? h("li", { class: "muted" }, t("map.noFindings"))
        : gaps.findings.map((finding: Finding) => {
            const selected = finding.id === state.finding;
            return h(
              "li",
              { class: `finding severity-${finding.severity}${selected ? " selected" : ""}` },
              h(
                "button",
                {
                  type: "button",
                  class: "finding-button",
                  "aria-pressed": selected ? "true" : "false",
                  "data-finding": finding.id,
                  onclick: () => context.navigate({ finding: selected ? undefined : finding.id, selected: undefined }, { replace: true }),
                },
                h("span", { class: `badge badge-${finding.severity}` }, t(`severity.${finding.severity}` as MessageKey)),
                h("span", { class: "finding-kind" }, t(`finding.${finding.kind}` as MessageKey)),
                h("span", { class: "finding-text" }, bilingual(finding.message, lang)),
              ),
              selected && finding.evidence.sources.length > 0
                ? h(
                    "ul",
                    { class: "evidence" },
                    finding.evidence.sources.map((source) => {
                      const doc = docs.get(source.doc);
                      return h(
                        "li",
                        {},
                        h("q", {}, source.quote),
                        h("span", { class: "doc-title" }, ` — ${doc?.title ?? source.doc}${doc?.date ? `（${doc.date}）` : ""}`),
                      );
                    }),
                  )
                : null,
            );
          }),
    );
  };

  const applySelection = (current: ViewState) => {
    const finding = data?.gaps.findings.find((f) => f.id === current.finding);
    if (finding) graph.highlight({ nodeIds: finding.evidence.nodeIds, edgeIds: finding.evidence.edgeIds }, { fit: true });
    else graph.clearHighlight();
    graph.select(current.selected);
    showDetailsDrawer(drawer, context, current.selected);
  };

  const load = async (current: ViewState) => {
    const { chain, region } = current;
    if (!chain || !region) return;
    const key = `${chain}|${region}|${current.enclaves ?? ""}|${current.open.join(",")}`;
    if (key === loadedKey) return;
    loadedKey = key;
    clear(overlay, loading(t("common.loading")));
    clear(findingList, h("li", {}, loading(t("common.loading"))));
    try {
      const [map, gaps] = await Promise.all([
        context.api.map(chain, region, current.enclaves),
        context.api.gaps(chain, region, current.enclaves),
      ]);
      if (disposed || key !== loadedKey) return;
      data = { map, gaps };
      const built = chainMapElements(map.elements, { lang, t, open: new Set(current.open) });
      await graph.replace(built.elements, "preset");
      clear(
        overlay,
        map.truncated ? h("div", { class: "notice" }, t("map.truncated")) : null,
        built.aggregated ? h("div", { class: "notice" }, t("map.aggregated")) : null,
      );
      renderFindings();
      applySelection(current);
    } catch (error) {
      if (key !== loadedKey) return;
      loadedKey = "";
      clear(
        overlay,
        errorBox(describeError(error, t), () => void load(state), t("common.retry")),
      );
      clear(findingList);
    }
  };

  let sideKey = "";
  const update = async (next: ViewState) => {
    const previous = state;
    state = next;
    if (!next.chain || !next.region) {
      const catalog = await context.catalog().catch((error) => {
        clear(overlay, errorBox(describeError(error, t)));
        return undefined;
      });
      if (!catalog) return;
      const choice = defaultChoice(catalog, next.region);
      if (choice.chain && choice.region) context.navigate(choice, { replace: true });
      else clear(overlay, h("p", { class: "notice" }, t("map.pick")));
      return;
    }
    const nextSideKey = `${next.chain}|${next.region}|${next.enclaves ?? ""}`;
    if (nextSideKey !== sideKey) {
      sideKey = nextSideKey;
      await renderSide(next).catch((error) => clear(side, errorBox(describeError(error, t))));
    }
    await load(next);
    if (data && (previous.finding !== next.finding || previous.selected !== next.selected)) {
      renderFindings();
      applySelection(next);
    }
  };

  void update(state);
  return {
    update: (next) => void update(next),
    destroy: () => {
      disposed = true;
      graph.destroy();
    },
  };
}
