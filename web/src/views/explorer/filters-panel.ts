import type { Chain, Region } from "../../../../model/api/explore.ts";
import { STAGES } from "../../../../model/domain.ts";
import type { AppContext } from "../../app/context.ts";
import { filtersActive } from "../../explore/filters.ts";
import { NODE_TYPES } from "../../graph/palette.ts";
import { entityName } from "../../i18n/i18n.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import type { Filters } from "../../state/url-state.ts";
import { h } from "../../ui/dom.ts";
import { regionLabel } from "../../ui/pickers.ts";

const toggle = (list: string[], value: string, on: boolean) => (on ? [...new Set([...list, value])] : list.filter((v) => v !== value));

/** What the graph shows: entity types, stages, one region, one chain. Filters live in the URL. */
export function filtersPanel(context: AppContext, filters: Filters, catalog: { regions: Region[]; chains: Chain[] }): HTMLElement {
  const { t, lang } = context;
  const setFilters = (patch: Partial<Filters>) => context.navigate({ filters: { ...filters, ...patch } }, { replace: true });
  const checkbox = (checked: boolean, onToggle: (on: boolean) => void) =>
    h("input", { type: "checkbox", checked, onchange: (e: Event) => onToggle((e.target as HTMLInputElement).checked) });
  const picker = (label: MessageKey, onPick: (value: string) => void, options: HTMLOptionElement[]) =>
    h(
      "label",
      { class: "field" },
      h("span", {}, t(label)),
      h("select", { onchange: (e: Event) => onPick((e.target as HTMLSelectElement).value) }, h("option", { value: "" }, "—"), options),
    );
  return h(
    "details",
    { class: "panel", open: filtersActive(filters) },
    h("summary", {}, t("explore.filters")),
    h(
      "fieldset",
      {},
      h("legend", {}, t("explore.filterTypes")),
      NODE_TYPES.map((type) =>
        h(
          "label",
          { class: "check" },
          checkbox(filters.types.includes(type), (on) => setFilters({ types: toggle(filters.types, type, on) })),
          t(`type.${type}` as MessageKey),
        ),
      ),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, t("explore.filterStages")),
      STAGES.map((stage) =>
        h(
          "label",
          { class: "check" },
          checkbox(filters.stages.includes(stage), (on) => setFilters({ stages: toggle(filters.stages, stage, on) })),
          t(`stage.${stage}`),
        ),
      ),
    ),
    picker(
      "explore.filterRegion",
      (value) => setFilters({ regions: value ? [value] : [] }),
      catalog.regions.map((r) =>
        h("option", { value: r.id, selected: filters.regions.includes(r.id) }, regionLabel(r, catalog.regions, lang)),
      ),
    ),
    picker(
      "explore.filterChain",
      (value) => setFilters({ chains: value ? [value] : [] }),
      catalog.chains.map((c) =>
        h("option", { value: c.id, selected: filters.chains.includes(c.id) }, entityName({ ...c, label: c.name }, lang)),
      ),
    ),
    h(
      "button",
      {
        type: "button",
        onclick: () => context.navigate({ filters: { types: [], stages: [], regions: [], chains: [] } }, { replace: true }),
      },
      t("explore.clearFilters"),
    ),
  );
}
