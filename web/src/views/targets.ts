import type { Targets } from "../../../model/api/analysis.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import { entityElements, isSynthetic } from "../graph/entity-elements.ts";
import { GraphView } from "../graph/graph-view.ts";
import { entityName } from "../i18n/i18n.ts";
import { loadDraft, saveDraft, withChange } from "../state/scenario-draft.ts";
import type { ViewState } from "../state/url-state.ts";
import { showDetailsDrawer } from "../ui/details-panel.ts";
import { clear, failureBox, h, loading } from "../ui/dom.ts";
import { exportMenu } from "../ui/export-menu.ts";
import { entityLegend } from "../ui/legend.ts";
import { defaultChoice, regionChainPicker } from "../ui/pickers.ts";
import { gapList, markGap } from "./targets/gap-list.ts";
import { gapSegments } from "./targets/gap-segments.ts";
import { renderRoute } from "./targets/route.ts";
import { scenarioPicker } from "./targets/scenario-picker.ts";
import { createTargetsState } from "./targets/state.ts";
import { markTarget, renderTargetList } from "./targets/target-list.ts";

/**
 * Targets: for a gap segment, the ranked recruitment list with reasons; clicking a target shows
 * the ties behind its score on the graph. The state lives in ./targets/state.ts, the parts of the
 * page in ./targets/; this file lays them out and asks the API for what the URL state changed.
 */
export function targetsView(root: HTMLElement, context: AppContext): ViewInstance {
  const { t, lang } = context;
  const side = h("div", { class: "sidebar" });
  const list = h("div", { class: "targets-list", role: "region", "aria-label": t("targets.list") });
  const canvas = h("div", { class: "graph", id: "graph", role: "img", "aria-label": t("targets.list") });
  const overlay = h("div", { class: "graph-overlay" });
  const toolbar = h("div", { class: "graph-toolbar" });
  const legendHolder = h("div", { class: "legend-holder" });
  const drawer = h("div", { class: "drawer" });
  clear(
    root,
    h("div", { class: "layout layout-targets" }, side, list, h("div", { class: "stage" }, toolbar, canvas, overlay, legendHolder), drawer),
  );
  const graph = new GraphView(canvas);
  graph.onNodeTap((id) => context.navigate({ selected: id }, { replace: true }));
  const state = createTargetsState(context.state);

  /** Highlights the ties behind the chosen target's score, and shows the selected entity's details. */
  const showTarget = (next: ViewState) => {
    const target = state.targets?.targets.find((x) => x.firm.id === next.target);
    if (target) {
      const paths = target.reasons.flatMap((r) => (r.paths.length > 0 ? r.paths : [{ nodes: r.path, edgeIds: [] }]));
      const nodeIds = [...new Set([target.firm.id, ...paths.flatMap((p) => p.nodes)])];
      const edgeIds = [...new Set(paths.flatMap((p) => p.edgeIds))];
      graph.highlight({ nodeIds, edgeIds }, { fit: true, paths: paths.map((p) => p.nodes) });
    } else graph.clearHighlight();
    markTarget(list, next.target);
    graph.select(next.selected);
    showDetailsDrawer(drawer, context, next.selected);
  };

  const segmentLabel = (id: string) => {
    const segment = state.gaps?.segments.find((s) => s.id === id);
    return segment ? entityName({ label: segment.name, nameEn: segment.nameEn }, lang) : id;
  };

  const pickTarget = (firmId: string) => context.navigate({ target: state.url.target === firmId ? undefined : firmId }, { replace: true });

  /** The sidebar for a chain and region: pickers, gap list, route. False when it navigated or failed. */
  const loadGaps = async (next: ViewState & { chain: string; region: string }, key: string): Promise<boolean> => {
    clear(side, loading(t("common.loading")));
    try {
      const [catalog, answer, saved] = await Promise.all([
        context.catalog(),
        context.api.gaps(next.chain, next.region, undefined, next.scenario),
        // Without the list the picker offers the current state only; the ranking still loads.
        context.api.scenarios(next.chain).catch(() => ({ scenarios: [] })),
      ]);
      if (state.disposed || key !== state.gapsKey) return false;
      state.gaps = answer;
      const segments = gapSegments(answer);
      const routeHolder = h("div", { class: "route-holder" });
      clear(
        side,
        h("h1", { class: "view-title" }, t("nav.targets")),
        // Another chain or region leaves the scenario behind: it was judged for its own region.
        regionChainPicker(context, catalog, next, (patch) =>
          context.navigate({ ...patch, segment: undefined, target: undefined, scenario: undefined }),
        ),
        scenarioPicker(
          context,
          saved.scenarios.filter((s) => s.region === next.region),
          next.scenario,
        ),
        h("h2", {}, t("targets.gaps")),
        gapList(segments, next.segment, context),
        routeHolder,
      );
      void context.api
        .targets(next.chain, next.region, undefined, 1, next.scenario)
        .then((all) => {
          if (!state.disposed && key === state.gapsKey) renderRoute(routeHolder, all.route, context, segmentLabel);
        })
        .catch(() => clear(routeHolder));
      if (!next.segment && segments[0]) {
        context.navigate({ segment: segments[0].id }, { replace: true });
        return false;
      }
      return true;
    } catch (error) {
      state.gapsKey = "";
      clear(
        side,
        failureBox(error, t, () => void update(state.url)),
      );
      return false;
    }
  };

  /** 加入远景方案: the candidate joins the tab's scenario draft for this region, and the editor opens on it. */
  const recruitIntoScenario = (target: Targets["targets"][number], at: ViewState & { chain: string; region: string; segment: string }) => {
    const draft = loadDraft(at.chain, at.region) ?? { chain: at.chain, region: at.region, name: t("scenario.defaultName"), changes: [] };
    const segmentName = state.gaps?.segments.find((s) => s.id === at.segment)?.name ?? at.segment;
    const labels = { ...draft.labels, [target.firm.id]: entityName(target.firm, lang), [at.segment]: segmentName };
    saveDraft({ ...withChange(draft, { kind: "add-firm", firm: target.firm.id, segment: at.segment }), labels });
    context.navigate({ view: "scenario", scenario: draft.id, segment: undefined, target: undefined });
  };

  /** The target list and its graph for one gap segment. False when the answer is stale or failed. */
  const loadTargets = async (next: ViewState & { chain: string; region: string; segment: string }, key: string): Promise<boolean> => {
    clear(list, loading(t("common.loading")));
    try {
      const answer = await context.api.targets(next.chain, next.region, next.segment, 20, next.scenario);
      if (state.disposed || key !== state.targetsKey) return false;
      state.targets = answer;
      renderTargetList(list, answer, context, pickTarget, (target) => recruitIntoScenario(target, next));
      await graph.replace(entityElements(answer.elements, lang), "fcose");
      const all = graph.allData();
      clear(
        legendHolder,
        entityLegend(
          lang,
          [...new Set(all.nodes.map((n) => String(n.type)))],
          [...new Set(all.edges.map((e) => String(e.type)))],
          all.nodes.some(isSynthetic),
        ),
      );
      clear(
        toolbar,
        h("button", { type: "button", onclick: () => graph.fit() }, t("common.fit")),
        exportMenu(
          context,
          () => graph,
          () => [t("targets.list"), state.gaps?.segments.find((s) => s.id === next.segment)?.name],
        ),
      );
      return true;
    } catch (error) {
      state.targetsKey = "";
      clear(
        list,
        failureBox(error, t, () => void update(state.url)),
      );
      return false;
    }
  };

  const update = async (next: ViewState) => {
    state.url = next;
    const { chain, region, segment, scenario } = next;
    if (!chain || !region) {
      const catalog = await context.catalog().catch(() => undefined);
      const choice = catalog ? defaultChoice(catalog, next.region) : {};
      if (choice.chain && choice.region) context.navigate(choice, { replace: true });
      return;
    }
    const key = `${chain}|${region}|${scenario ?? ""}`;
    if (key !== state.gapsKey) {
      state.gapsKey = key;
      if (!(await loadGaps({ ...next, chain, region }, key))) return;
    }
    markGap(side, segment);
    if (!segment) {
      clear(
        list,
        h("p", { class: "muted" }, state.gaps && gapSegments(state.gaps).length === 0 ? t("targets.noGaps") : t("targets.pickGap")),
      );
      return;
    }
    const targetsKey = `${key}|${segment}`;
    if (targetsKey !== state.targetsKey) {
      state.targetsKey = targetsKey;
      if (!(await loadTargets({ ...next, chain, region, segment }, targetsKey))) return;
    }
    showTarget(next);
  };

  void update(state.url);
  return {
    update: (next) => void update(next),
    destroy: () => {
      state.disposed = true;
      graph.destroy();
    },
  };
}
