import type { Targets } from "../../../../model/api/analysis.ts";
import type { AppContext } from "../../app/context.ts";
import { entityName } from "../../i18n/i18n.ts";
import { clear, h } from "../../ui/dom.ts";
import { isSynthetic } from "./gap-segments.ts";

/** 招商路线图 over every gap of the chain in the region: who to recruit first and what each closes. */
export function renderRoute(holder: HTMLElement, route: Targets["route"], context: AppContext, segmentLabel: (id: string) => string) {
  const { t, lang } = context;
  if (route.steps.length === 0 && route.unclosed.length === 0) return clear(holder);
  clear(
    holder,
    h("h2", {}, t("targets.route")),
    h("p", { class: "hint" }, t("targets.routeHint")),
    h(
      "ol",
      { class: "route" },
      route.steps.map((step) =>
        h(
          "li",
          { "data-id": step.firm.id },
          h("strong", {}, entityName(step.firm, lang)),
          isSynthetic(step.firm) ? h("span", { class: "badge badge-synthetic" }, t("targets.synthetic")) : null,
          h("div", { class: "hint" }, t("targets.closes", { segments: step.closes.map(segmentLabel).join("、") })),
        ),
      ),
    ),
    route.unclosed.length > 0
      ? h("p", { class: "muted" }, t("targets.unclosed", { segments: route.unclosed.map(segmentLabel).join("、") }))
      : null,
  );
}
