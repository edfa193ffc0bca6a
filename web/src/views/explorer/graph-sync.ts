import type { AppContext } from "../../app/context.ts";
import { reconcileExpansions } from "../../explore/expansions.ts";
import { deriveFacts, passes } from "../../explore/filters.ts";
import { isSynthetic } from "../../graph/entity-elements.ts";
import type { GraphView } from "../../graph/graph-view.ts";
import { NODE_TYPES } from "../../graph/palette.ts";
import type { ViewState } from "../../state/url-state.ts";
import type { DetailsActions } from "../../ui/details-panel.ts";
import { showDetailsDrawer } from "../../ui/details-panel.ts";
import { clear, h } from "../../ui/dom.ts";
import { entityLegend } from "../../ui/legend.ts";
import { showPaths } from "./path-finder.ts";
import { placedElements, rememberPositions } from "./positions.ts";
import { type ExplorerState, startWalk } from "./state.ts";

const NEIGHBOUR_LIMIT = 150;

export interface ExplorerParts {
  graph: GraphView;
  status: HTMLElement;
  overlay: HTMLElement;
  legendHolder: HTMLElement;
  drawer: HTMLElement;
  actions: DetailsActions;
}

/**
 * Brings the graph to what the URL state `next` asks for, step by step: a new focus starts a new
 * walk; expansions are collapsed and made as the difference says; then the path, the filters, the
 * legend, the selection and the details panel.
 */
export async function syncGraph(state: ExplorerState, next: ViewState, context: AppContext, parts: ExplorerParts) {
  const { t, lang } = context;
  const { graph, status } = parts;
  const elements = (answer: Parameters<typeof placedElements>[1]) => placedElements(state, answer, lang);
  if (next.focus !== state.focus) {
    startWalk(state, next.focus);
    await graph.replace([]);
    if (!state.focus) {
      clear(parts.overlay, h("p", { class: "notice" }, t("explore.start")));
    } else {
      const answer = await context.api.neighbors(state.focus, { limit: NEIGHBOUR_LIMIT });
      await graph.replace(elements(answer.elements), "fcose");
      status.textContent = answer.truncated ? t("explore.truncated", { n: answer.elements.nodes.length }) : "";
      graph.mark("focus", [state.focus]);
    }
  }
  let grew = false;
  if (state.focus) {
    const steps = reconcileExpansions(state.ledger.expansions(), next.expanded);
    for (const expansion of steps.collapse) {
      const { remove } = state.ledger.collapse(expansion);
      rememberPositions(state, graph.remove(remove));
    }
    for (const expansion of steps.expand) {
      const answer = await context.api.neighbors(expansion.id, {
        relTypes: expansion.relType ? [expansion.relType] : undefined,
        limit: NEIGHBOUR_LIMIT,
      });
      const added = graph.add(elements(answer.elements), expansion.id);
      state.ledger.expand(expansion, added.nodeIds);
      grew ||= added.nodeIds.length > 0;
      graph.mark("new", added.nodeIds);
      if (answer.truncated) status.textContent = t("explore.truncated", { n: answer.elements.nodes.length });
    }
  }
  // Rings keep an expansion cheap; a layout pass from the current positions then untangles it.
  if (grew) await graph.relayout("fcose", true);
  const nextPathKey = `${next.pathFrom ?? ""}|${next.pathTo ?? ""}|${next.pathHubs ? "hubs" : ""}`;
  if (nextPathKey !== state.pathKey) {
    state.pathKey = nextPathKey;
    await showPaths(context, graph, next, elements, status);
  }
  const all = graph.allData();
  const facts = deriveFacts(all.nodes, all.edges);
  graph.filter((data) => data.id === state.focus || data.id === next.selected || passes(data, next.filters, facts));
  clear(
    parts.legendHolder,
    entityLegend(
      lang,
      NODE_TYPES.filter((type) => all.nodes.some((n) => n.type === type)),
      [...new Set(all.edges.map((e) => String(e.type)))],
      all.nodes.some(isSynthetic),
    ),
  );
  graph.select(next.selected);
  const nextDetailsKey = `${next.selected ?? ""}|${state.ledger.keys().join(",")}|${state.focus}`;
  if (nextDetailsKey !== state.detailsKey) {
    state.detailsKey = nextDetailsKey;
    showDetailsDrawer(parts.drawer, context, next.selected, parts.actions);
  }
}
