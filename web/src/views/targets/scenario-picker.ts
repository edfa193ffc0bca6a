import type { Scenario } from "../../../../model/api/scenarios.ts";
import type { AppContext } from "../../app/context.ts";
import { h } from "../../ui/dom.ts";

/**
 * 按远景方案计算: the saved scenarios of this chain in this region, or the current state. The choice
 * is `scenario=` in the URL, so a link reproduces the ranking; another choice starts the gap list over.
 */
export function scenarioPicker(context: AppContext, scenarios: Scenario[], current: string | undefined): HTMLElement {
  const { t } = context;
  const select = h(
    "select",
    {
      id: "targets-scenario",
      onchange: (event: Event) =>
        context.navigate({ scenario: (event.target as HTMLSelectElement).value || undefined, segment: undefined, target: undefined }),
    },
    h("option", { value: "" }, t("targets.noScenario")),
    scenarios.map((s) => h("option", { value: s.id, selected: s.id === current }, s.name)),
  );
  select.value = scenarios.some((s) => s.id === current) ? (current ?? "") : "";
  const chosen = scenarios.find((s) => s.id === current);
  return h(
    "div",
    { class: "targets-scenario" },
    h("label", { class: "field", for: select.id }, h("span", {}, t("targets.scenario")), select),
    chosen ? h("p", { class: "notice scenario-notice" }, t("targets.underScenario", { name: chosen.name })) : null,
  );
}
