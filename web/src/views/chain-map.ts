import "../styles/overview-and-map.css";
import type { ChainMap, Finding, GapReport } from "../../../model/api/analysis.ts";
import { STAGES } from "../../../model/domain.ts";
import { describeError } from "../api/errors.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import { packButton } from "../export/pack-button.ts";
import { chainMapElements } from "../graph/chain-map-elements.ts";
import { GraphView } from "../graph/graph-view.ts";
import { DEFAULT_THRESHOLDS } from "../graph/segment-status.ts";
import { entityName } from "../i18n/i18n.ts";
import type { ViewState } from "../state/url-state.ts";
import { completenessExplanation } from "../ui/completeness.ts";
import { showDetailsDrawer } from "../ui/details-panel.ts";
import { clear, errorBox, failureBox, h, loading } from "../ui/dom.ts";
import { exportMenu } from "../ui/export-menu.ts";
import { mapLegend } from "../ui/legend.ts";
import { nodeListPanel } from "../ui/node-list.ts";
import { defaultChoice, regionChainPicker } from "../ui/pickers.ts";
import { linkPicture } from "../ui/picture-link.ts";
import { findingsList } from "./chain-map/findings-list.ts";
import { mapDetailActions } from "./chain-map/map-detail-actions.ts";

/**
 * Chain map: stages as lanes, segments holding their local firms, gaps drawn in place with their
 * reason, and the findings beside it by priority; clicking a finding shows its evidence in context.
 * The legend sits in the sidebar (folded), so nothing covers the graph.
 */
export function chainMapView(root: HTMLElement, context: AppContext): ViewInstance {
  const { t, lang } = context;
  const side = h("div", { class: "sidebar", role: "region", "aria-label": t("map.findings") });
  const canvas = h("div", { class: "graph", id: "graph", "aria-label": t("nav.map"), role: "img" });
  const overlay = h("div", { class: "graph-overlay" });
  const drawer = h("div", { class: "drawer" });
  const toolbar = h("div", { class: "graph-toolbar" });
  clear(root, h("div", { class: "layout layout-map" }, side, h("div", { class: "stage" }, toolbar, canvas, overlay), drawer));
  const graph = new GraphView(canvas);
  // The map's layout is computed from the data and the canvas's shape, so a link keeps only the viewport.
  const picture = linkPicture(graph, context, { withLayout: false });

  let loadedKey = "";
  let data: { map: ChainMap; gaps: GapReport } | undefined;
  let state = context.state;
  let disposed = false;
  const findingHolder = h("div", { class: "findings-area" });

  const nameParts = () => [
    data ? entityName({ ...data.map.region, label: data.map.region.name }, lang) : undefined,
    data ? entityName({ ...data.map.chain, label: data.map.chain.name }, lang) : undefined,
  ];
  const detailActions = mapDetailActions(context, graph, nameParts);

  // A click on the canvas and a pick in the keyboard's node list do the same thing.
  const pickNode = (id: string, nodeData: Record<string, unknown>) => {
    // A count card, or on a scaled map a segment box whose firms are not all drawn, opens it.
    if (nodeData.type === "aggregate" || (nodeData.type === "segment" && nodeData.folded === true)) {
      const segment = String(nodeData.type === "aggregate" ? nodeData.segment : id);
      context.navigate({ open: [...new Set([...state.open, segment])], selected: segment }, { replace: true });
    } else if (nodeData.type !== "lane") context.navigate({ selected: id }, { replace: true });
  };
  graph.onNodeTap(pickNode);
  graph.onBackgroundTap(() => {
    if (state.selected || state.finding) context.navigate({ selected: undefined, finding: undefined }, { replace: true });
  });

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
      mapLegend(t),
      h("h2", {}, t("map.findings")),
      findingHolder,
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
      nodeListPanel(t, lang, () => graph, pickNode),
    );
    clear(
      toolbar,
      h("button", { type: "button", onclick: () => graph.fit() }, t("common.fit")),
      exportMenu(context, () => graph, nameParts, openReport),
      packButton(context),
    );
  };

  const act = (finding: Finding) => {
    if (finding.nextAction === "support" && data)
      context.navigate({ view: "explore", focus: data.map.region.id, selected: data.map.region.id, expanded: [], finding: undefined });
    else
      context.navigate({
        view: "targets",
        segment: finding.segment ?? undefined,
        target: undefined,
        finding: undefined,
        selected: undefined,
      });
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
        h("details", { class: "formula" }, h("summary", {}, t("completeness.how")), completenessExplanation(gaps.summary, t)),
      );
    }
    clear(
      findingHolder,
      findingsList(context, gaps, state.finding, {
        pick: (finding) =>
          context.navigate({ finding: finding.id === state.finding ? undefined : finding.id, selected: undefined }, { replace: true }),
        act,
      }),
    );
  };

  const applySelection = (current: ViewState) => {
    const finding = data?.gaps.findings.find((f) => f.id === current.finding);
    if (finding) graph.highlight({ nodeIds: finding.evidence.nodeIds, edgeIds: finding.evidence.edgeIds }, { fit: true });
    else graph.clearHighlight();
    graph.select(current.selected);
    showDetailsDrawer(drawer, context, current.selected, detailActions);
  };

  const load = async (current: ViewState) => {
    const { chain, region } = current;
    if (!chain || !region) return;
    const key = `${chain}|${region}|${current.enclaves ?? ""}|${current.open.join(",")}`;
    if (key === loadedKey) return;
    loadedKey = key;
    clear(overlay, loading(t("common.loading")));
    clear(findingHolder, loading(t("common.loading")));
    try {
      const [map, gaps] = await Promise.all([
        context.api.map(chain, region, current.enclaves),
        context.api.gaps(chain, region, current.enclaves),
      ]);
      if (disposed || key !== loadedKey) return;
      data = { map, gaps };
      const built = chainMapElements(map.elements, {
        lang,
        t,
        open: new Set(current.open),
        canvas: { width: canvas.clientWidth, height: canvas.clientHeight },
        thresholds: { ...DEFAULT_THRESHOLDS, ...gaps.thresholds },
      });
      await graph.replace(built.elements, "preset");
      clear(
        overlay,
        map.truncated ? h("div", { class: "notice" }, t("map.truncated")) : null,
        built.aggregated ? h("div", { class: "notice" }, t(built.scale > 1 ? "map.aggregatedScaled" : "map.aggregated")) : null,
      );
      renderFindings();
      applySelection(current);
      // An opened segment is brought into view so its firms are legible at once.
      const opened = current.open.at(-1);
      if (opened && graph.has(opened)) graph.fitReadable(opened);
      root.dataset.ready = "true";
    } catch (error) {
      if (key !== loadedKey) return;
      loadedKey = "";
      clear(
        overlay,
        failureBox(error, t, () => void load(state)),
      );
      clear(findingHolder);
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
      root.dataset.ready = "false";
      await renderSide(next).catch((error) => clear(side, errorBox(describeError(error, t))));
    }
    await load(next);
    if (data && (previous.finding !== next.finding || previous.selected !== next.selected)) {
      renderFindings();
      applySelection(next);
    }
    if (data && !disposed) picture.drawn();
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
