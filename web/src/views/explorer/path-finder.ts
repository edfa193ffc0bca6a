import type { ElementDefinition } from "cytoscape";
import type { AppContext } from "../../app/context.ts";
import type { GraphView } from "../../graph/graph-view.ts";
import type { ViewState } from "../../state/url-state.ts";
import { h } from "../../ui/dom.ts";
import { searchBox } from "../../ui/search-box.ts";
import type { ApiElements } from "./positions.ts";
import type { WalkHistory } from "./walk-history.ts";

const MAX_HOPS = 4;
const MAX_PATHS = 5;

/** The path finder's panel: the two ends, each picked by search (or from an entity's details). */
export function pathFinderPanel(context: AppContext, url: ViewState, walk: WalkHistory, nameOf: (id: string | undefined) => string) {
  const { t } = context;
  return h(
    "details",
    { class: "panel", open: !!(url.pathFrom || url.pathTo) },
    h("summary", {}, t("explore.findPath")),
    h("div", { class: "path-ends" }, t("explore.pathEnds", { from: nameOf(url.pathFrom), to: nameOf(url.pathTo) })),
    searchBox(context, (r) => walk.go({ pathFrom: r.id }), { id: "path-from", placeholder: t("explore.pathFrom") }),
    searchBox(context, (r) => walk.go({ pathTo: r.id }), { id: "path-to", placeholder: t("explore.pathTo") }),
  );
}

/**
 * Marks the path ends and, when both are set, adds the shortest paths between them to the graph
 * and highlights them; the status line says what was found.
 */
export async function showPaths(
  context: AppContext,
  graph: GraphView,
  url: ViewState,
  toElements: (answer: ApiElements) => ElementDefinition[],
  status: HTMLElement,
) {
  const { t } = context;
  graph.mark(
    "path-end",
    [url.pathFrom, url.pathTo].filter((v): v is string => !!v),
  );
  if (!url.pathFrom || !url.pathTo) {
    graph.clearHighlight();
    return;
  }
  const answer = await context.api.paths(url.pathFrom, url.pathTo, MAX_HOPS, MAX_PATHS);
  graph.add(toElements(answer.elements), url.pathFrom);
  graph.mark("path-end", [url.pathFrom, url.pathTo]);
  if (answer.paths.length === 0) {
    status.textContent = t("explore.pathNone", { hops: MAX_HOPS });
    return;
  }
  status.textContent = t("explore.pathFound", { n: answer.paths.length });
  graph.highlight(
    {
      nodeIds: [...new Set(answer.paths.flatMap((p) => p.nodeIds))],
      edgeIds: [...new Set(answer.paths.flatMap((p) => p.edgeIds))],
    },
    { fit: true },
  );
}
