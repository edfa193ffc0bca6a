import type { NodeDetail } from "../../../../model/api/explore.ts";
import type { AppContext } from "../../app/context.ts";
import { relationshipName } from "../../graph/entity-elements.ts";
import { h } from "../../ui/dom.ts";
import type { ExplorerState } from "./state.ts";
import type { WalkHistory } from "./walk-history.ts";

/** The buttons under an entity's details: expand by relationship type, collapse, re-centre, path ends. */
export function detailActions(state: ExplorerState, context: AppContext, walk: WalkHistory) {
  const { t, lang } = context;
  return (details: NodeDetail) => {
    const id = details.node.id;
    const relTypes = Object.entries(details.degree).filter(([, n]) => n > 0);
    const expanded = state.ledger.expansionsOf(id).length > 0;
    return h(
      "div",
      { class: "detail-actions" },
      h("h3", {}, t("explore.expand")),
      h(
        "div",
        { class: "chips" },
        h("button", { type: "button", class: "chip", "data-expand": "all", onclick: () => walk.expand({ id }) }, t("explore.expandAll")),
        relTypes.map(([relType, count]) =>
          h(
            "button",
            { type: "button", class: "chip", "data-expand": relType, onclick: () => walk.expand({ id, relType }) },
            `${relationshipName(relType, lang)} ${count}`,
          ),
        ),
      ),
      h(
        "div",
        { class: "row" },
        expanded
          ? h("button", { type: "button", "data-action": "collapse", onclick: () => walk.collapse(id) }, t("explore.collapse"))
          : null,
        id !== state.focus
          ? h(
              "button",
              { type: "button", onclick: () => walk.go({ focus: id, expanded: [], selected: id }) },
              `◎ ${lang === "zh" ? "以此为中心" : "Make centre"}`,
            )
          : null,
        h("button", { type: "button", onclick: () => walk.go({ pathFrom: id }) }, t("explore.pathFrom")),
        h("button", { type: "button", onclick: () => walk.go({ pathTo: id }) }, t("explore.pathTo")),
      ),
    );
  };
}
