import type { ElementDefinition } from "cytoscape";
import type { AppContext } from "../../app/context.ts";
import type { GraphView } from "../../graph/graph-view.ts";
import type { ViewState } from "../../state/url-state.ts";
import { h } from "../../ui/dom.ts";
import { searchBox } from "../../ui/search-box.ts";
import { pathSteps } from "./path-steps.ts";
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
    h(
      "label",
      { class: "check" },
      h("input", {
        type: "checkbox",
        id: "path-hubs",
        checked: !!url.pathHubs,
        onchange: (e: Event) => walk.go({ pathHubs: (e.target as HTMLInputElement).checked || undefined }),
      }),
      t("paths.viaHubs"),
    ),
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
  const answer = await context.api.paths(url.pathFrom, url.pathTo, MAX_HOPS, MAX_PATHS, url.pathHubs ? "include" : "skip");
  graph.add(toElements(answer.elements), url.pathFrom);
  graph.mark("path-end", [url.pathFrom, url.pathTo]);
  if (answer.paths.length === 0) {
    status.textContent = t(url.pathHubs ? "explore.pathNone" : "paths.noneWithoutHubs", { hops: MAX_HOPS });
    return;
  }
  // The steps as text: what the highlight shows, readable without the picture.
  status.replaceChildren(
    t("explore.pathFound", { n: answer.paths.length }),
    h(
      "ol",
      { class: "path-steps" },
      answer.paths.map((path) => h("li", {}, pathSteps(answer, path, context.lang))),
    ),
  );
  graph.highlight(
    {
      nodeIds: [...new Set(answer.paths.flatMap((p) => p.nodeIds))],
      edgeIds: [...new Set(answer.paths.flatMap((p) => p.edgeIds))],
    },
    // Every step on screen, not the crowd around it: the path is what was asked for.
    { fit: true, context: false },
  );
}
