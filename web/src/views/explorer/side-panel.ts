import type { AppContext } from "../../app/context.ts";
import type { GraphView } from "../../graph/graph-view.ts";
import { clear, h } from "../../ui/dom.ts";
import { nodeListPanel } from "../../ui/node-list.ts";
import { searchBox } from "../../ui/search-box.ts";
import { filtersPanel } from "./filters-panel.ts";
import { leaderChips } from "./leader-start.ts";
import { pathFinderPanel } from "./path-finder.ts";
import type { ExplorerState } from "./state.ts";
import type { WalkHistory } from "./walk-history.ts";

/** The sidebar: search to start a walk, Undo, the status line, the filters and the path finder. */
export async function renderSidePanel(
  side: HTMLElement,
  status: HTMLElement,
  state: ExplorerState,
  context: AppContext,
  graph: GraphView,
  walk: WalkHistory,
) {
  const { t } = context;
  const catalog = await context.catalog().catch(() => ({ regions: [], chains: [] }));
  const nameOf = (id: string | undefined) => (id ? String(graph.data(id)?.displayLabel ?? id) : "—");
  clear(
    side,
    h("h1", { class: "view-title" }, t("nav.explore")),
    searchBox(
      context,
      (result) => walk.go({ focus: result.id, expanded: [], selected: result.id, pathFrom: undefined, pathTo: undefined }),
      {
        id: "explore-search",
      },
    ),
    state.leaderStart
      ? leaderChips(context, state.leaderStart, (id) =>
          walk.go({ focus: id, expanded: [], selected: id, pathFrom: undefined, pathTo: undefined }),
        )
      : null,
    h(
      "div",
      { class: "row" },
      h("button", { type: "button", id: "undo", onclick: walk.undo, disabled: state.undoStack.length === 0 }, `↶ ${t("explore.undo")}`),
    ),
    status,
    filtersPanel(context, state.url.filters, catalog),
    pathFinderPanel(context, state.url, walk, nameOf),
    // Picking a node here does what a click on the canvas does: open its details.
    nodeListPanel(
      t,
      context.lang,
      () => graph,
      (id) => context.navigate({ selected: id }, { replace: true }),
    ),
  );
}
