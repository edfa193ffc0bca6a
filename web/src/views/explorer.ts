import type { AppContext, ViewInstance } from "../app/context.ts";
import { GraphView } from "../graph/graph-view.ts";
import type { ViewState } from "../state/url-state.ts";
import { clear, failureBox, h, loading } from "../ui/dom.ts";
import { exportMenu } from "../ui/export-menu.ts";
import { linkPicture } from "../ui/picture-link.ts";
import { detailActions } from "./explorer/detail-actions.ts";
import { syncGraph } from "./explorer/graph-sync.ts";
import { findLeaderStart } from "./explorer/leader-start.ts";
import { renderSidePanel } from "./explorer/side-panel.ts";
import { createExplorerState } from "./explorer/state.ts";
import { walkHistory } from "./explorer/walk-history.ts";

/**
 * Ecosystem walk: start from any entity, open its details, expand its neighbours by relationship
 * type, collapse and undo, find paths between two entities, filter what is shown. The URL holds
 * focus + expansions + filters; this view reconciles the graph with it step by step, so back,
 * forward, undo and a pasted link all go through the same code. The state lives in
 * ./explorer/state.ts, the parts of the page in ./explorer/; this file lays them out and queues updates.
 */
export function explorerView(root: HTMLElement, context: AppContext): ViewInstance {
  const { t } = context;
  const side = h("div", { class: "sidebar" });
  const canvas = h("div", { class: "graph", id: "graph", role: "img", "aria-label": t("nav.explore") });
  const overlay = h("div", { class: "graph-overlay" });
  const legendHolder = h("div", { class: "legend-holder" });
  const drawer = h("div", { class: "drawer" });
  const toolbar = h("div", { class: "graph-toolbar" });
  const status = h("div", { class: "status-line", role: "status", "aria-live": "polite" });
  clear(
    root,
    h("div", { class: "layout layout-explore" }, side, h("div", { class: "stage" }, toolbar, canvas, overlay, legendHolder), drawer),
  );
  const graph = new GraphView(canvas);
  const state = createExplorerState(context.state);
  const walk = walkHistory(state, context);
  const picture = linkPicture(graph, context, { withLayout: true });
  const parts = { graph, status, overlay, legendHolder, drawer, actions: detailActions(state, context, walk) };

  graph.onNodeTap((id) => context.navigate({ selected: id }, { replace: true }));
  graph.onBackgroundTap(() => {
    if (state.url.selected) context.navigate({ selected: undefined }, { replace: true });
  });

  const renderToolbar = () =>
    clear(
      toolbar,
      h("button", { type: "button", onclick: () => graph.fit() }, t("common.fit")),
      h("button", { type: "button", onclick: () => void graph.relayout("fcose").then(picture.record) }, t("common.relayout")),
      exportMenu(
        context,
        () => graph,
        () => [state.focus ? String(graph.data(state.focus)?.displayLabel ?? state.focus) : undefined, t("nav.explore")],
      ),
    );

  let queue = Promise.resolve();
  const update = (next: ViewState) => {
    state.url = next;
    queue = queue.then(async () => {
      if (state.disposed) return;
      root.dataset.busy = "true";
      clear(overlay, loading(t("common.loading")));
      try {
        if (!state.url.focus && !state.leaderStartAsked) {
          state.leaderStartAsked = true;
          state.leaderStart = await findLeaderStart(context, state.url).catch(() => undefined);
          const first = state.leaderStart?.leaders[0];
          if (first && !state.disposed) {
            // Replaces the empty start: Back leaves the explorer instead of coming back to nothing.
            context.navigate({ focus: first.id, selected: first.id, expanded: [] }, { replace: true });
            return;
          }
        }
        await syncGraph(state, state.url, context, parts);
        if (state.focus && !state.disposed) picture.drawn();
        clear(overlay, state.focus ? null : h("p", { class: "notice" }, t("explore.start")));
      } catch (error) {
        clear(
          overlay,
          failureBox(error, t, () => update(state.url)),
        );
      }
      if (!state.disposed) {
        await renderSidePanel(side, status, state, context, graph, walk);
        renderToolbar();
      }
      root.dataset.busy = "false";
    });
  };

  update(state.url);
  return {
    update,
    destroy: () => {
      state.disposed = true;
      graph.destroy();
    },
  };
}
