import type { NodeDetail as NodeDetails } from "../../../../model/api/explore.ts";
import type { AppContext } from "../../app/context.ts";
import type { GraphView } from "../../graph/graph-view.ts";
import type { DetailsActions } from "../../ui/details-panel.ts";
import { h } from "../../ui/dom.ts";
import { exportMenu } from "../../ui/export-menu.ts";

/**
 * What a planner can do from an entity's details on the map, so the map is never a dead end: a
 * firm opens the explorer on itself (a new history step, so Back returns to the map), its
 * segment's recruitment targets and an export of it; a segment its targets and all its firms.
 */
export function mapDetailActions(context: AppContext, graph: GraphView, name: () => (string | undefined)[]): DetailsActions {
  const { t } = context;
  return (details: NodeDetails) => {
    const id = details.node.id;
    const onMap = graph.data(id) ?? {};
    const segments = Array.isArray(onMap.segments) ? onMap.segments.filter((s): s is string => typeof s === "string") : [];
    const segment = details.node.type === "segment" ? id : segments.find((s) => graph.has(s));
    const aggregated = details.node.type === "segment" && graph.has(`more:${id}`);
    return h(
      "div",
      { class: "detail-actions" },
      h(
        "div",
        { class: "row" },
        details.node.type === "firm"
          ? h(
              "button",
              {
                type: "button",
                class: "primary",
                "data-action": "explore",
                onclick: () =>
                  context.navigate({
                    view: "explore",
                    focus: id,
                    selected: id,
                    expanded: [],
                    pathFrom: undefined,
                    pathTo: undefined,
                    finding: undefined,
                  }),
              },
              t("details.explore"),
            )
          : null,
        segment
          ? h(
              "button",
              {
                type: "button",
                "data-action": "targets",
                onclick: () => context.navigate({ view: "targets", segment, target: undefined, selected: undefined, finding: undefined }),
              },
              t("details.segmentTargets"),
            )
          : null,
        aggregated
          ? h(
              "button",
              {
                type: "button",
                "data-action": "open-segment",
                onclick: () => context.navigate({ open: [...new Set([...context.state.open, id])] }),
              },
              t("map.segmentOpen"),
            )
          : null,
        exportMenu(context, () => graph, name),
      ),
    );
  };
}
