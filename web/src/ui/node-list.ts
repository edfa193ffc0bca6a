import type { GraphView } from "../graph/graph-view.ts";
import { entityName, type Translate } from "../i18n/i18n.ts";
import type { MessageKey } from "../i18n/messages.ts";
import type { Lang } from "../state/url-state.ts";
import { clear, h } from "./dom.ts";

/** Drawing aids, not entities: lanes, and aggregate boxes reached through their segment. */
const NOT_LISTED = new Set(["lane"]);
/** A list longer than this would be a wall for a screen reader; the rest is one line that says so. */
const MAX_LISTED = 300;

/**
 * The graph as a list a keyboard and a screen reader can walk: every node in view with its
 * neighbours, each a button doing what a click on the canvas does (`onPick`, the view's own tap
 * handler). Drawn when opened, so it always lists what is on the canvas at that moment.
 */
export function nodeListPanel(
  t: Translate,
  lang: Lang,
  graph: () => GraphView | undefined,
  onPick: (id: string, data: Record<string, unknown>) => void,
): HTMLElement {
  const body = h("div", { class: "node-list-body" });
  const name = (data: Record<string, unknown>) =>
    data.type === "aggregate" ? String(data.displayLabel ?? data.label ?? data.id) : entityName(data, lang);
  const render = () => {
    const view = graph();
    const nodes = (view?.allData().nodes ?? [])
      .filter((data) => !NOT_LISTED.has(String(data.type)))
      .sort((a, b) => String(a.type).localeCompare(String(b.type)) || name(a).localeCompare(name(b), "zh-CN"));
    if (!view || nodes.length === 0) {
      clear(body, h("p", { class: "muted" }, t("nodes.empty")));
      return;
    }
    const byId = new Map(nodes.map((data) => [String(data.id), data]));
    const pick = (data: Record<string, unknown>) =>
      h(
        "button",
        { type: "button", class: "node-pick", "data-node-id": String(data.id), onclick: () => onPick(String(data.id), data) },
        name(data),
      );
    clear(
      body,
      h(
        "ul",
        { class: "node-list" },
        nodes.slice(0, MAX_LISTED).map((data) => {
          const neighbours = view
            .neighbours(String(data.id))
            .map((n) => byId.get(n.id))
            .filter((n): n is Record<string, unknown> => n !== undefined);
          const type = t(`type.${String(data.type)}` as MessageKey);
          return h(
            "li",
            {},
            pick(data),
            h("span", { class: "muted" }, ` ${type === `type.${String(data.type)}` ? "" : type}`),
            neighbours.length > 0
              ? h(
                  "ul",
                  { class: "node-neighbours", "aria-label": t("nodes.neighboursOf", { name: name(data) }) },
                  [...new Map(neighbours.map((n) => [String(n.id), n])).values()].map((n) => h("li", {}, pick(n))),
                )
              : null,
          );
        }),
      ),
      nodes.length > MAX_LISTED ? h("p", { class: "hint" }, t("nodes.more", { n: nodes.length - MAX_LISTED })) : null,
    );
  };
  return h(
    "details",
    {
      class: "panel node-list-panel",
      ontoggle: (event: Event) => {
        if ((event.currentTarget as HTMLDetailsElement).open) render();
      },
    },
    h("summary", {}, t("nodes.title")),
    body,
  );
}
