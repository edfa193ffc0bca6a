import type { NodeDetail } from "../../../model/api/explore.ts";
import { describeError } from "../api/errors.ts";
import type { AppContext } from "../app/context.ts";
import { entityName } from "../i18n/i18n.ts";
import type { MessageKey } from "../i18n/messages.ts";
import { clear, errorBox, formatValue, h, loading } from "./dom.ts";

/** Properties that are bookkeeping or drawing aids, not facts a planner reads. */
const SKIP = new Set([
  "id",
  "type",
  "label",
  "name",
  "nameEn",
  "sources",
  "displayLabel",
  "parent",
  "minW",
  "labelW",
  "w",
  "h",
  "fill",
  "stroke",
  "_labels",
  "assumption",
  "aliasesText",
]);

const PROPERTY_NAMES: Record<string, [string, string]> = {
  aliases: ["别名", "Also known as"],
  description: ["简介", "Description"],
  kind: ["类别", "Kind"],
  stage: ["阶段", "Stage"],
  tags: ["标签", "Tags"],
  products: ["产品", "Products"],
  marketScope: ["主要市场", "Main market"],
  sizeYuan: ["规模", "Size"],
  firstCloseYuan: ["首期规模", "First close"],
  investedYuan: ["已投资", "Invested"],
  leveragedYuan: ["撬动社会资本", "Leveraged"],
  investmentYuan: ["投资额", "Investment"],
  projectsLanded: ["落地项目", "Projects landed"],
  status: ["状态", "Status"],
  areaMu: ["面积（亩）", "Area (mu)"],
  areaKm2: ["面积（平方公里）", "Area (km²)"],
  floorSpaceM2: ["建筑面积（㎡）", "Floor space (m²)"],
  openingDate: ["开园时间", "Opening"],
  value: ["数值", "Value"],
  unit: ["单位", "Unit"],
  period: ["时期", "Period"],
  metric: ["指标", "Metric"],
  localFirms: ["本地企业数", "Local firms"],
  aboveScaleFirms: ["规上企业数", "Above-scale firms"],
  leader: ["链主", "Chain leader"],
  local: ["本地企业", "Local"],
  gap: ["缺口", "Gap"],
  segments: ["所属环节", "Segments"],
};

export type DetailsActions = (details: NodeDetail) => HTMLElement | null;

/** The details panel: properties, then every source with its cited sentence, outlet and date. */
export function detailsPanel(context: AppContext, id: string, onClose: () => void, actions?: DetailsActions): HTMLElement {
  const { t, lang } = context;
  const body = h("div", { class: "details-body" }, loading(t("common.loading")));
  const panel = h(
    "aside",
    { class: "details", "aria-label": t("details.title"), "data-node": id },
    h("button", { type: "button", class: "close", "aria-label": t("common.close"), onclick: onClose }, "×"),
    body,
  );
  const load = async () => {
    clear(body, loading(t("common.loading")));
    try {
      const details = await context.api.node(id);
      clear(body, render(details));
    } catch (error) {
      clear(
        body,
        errorBox(describeError(error, t), () => void load(), t("common.retry")),
      );
    }
  };
  const render = (details: NodeDetail) => {
    const node = details.node;
    const docs = new Map(details.documents.map((doc) => [doc.id, doc]));
    const properties = Object.entries(node).filter(
      ([key, value]) => !SKIP.has(key) && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0),
    );
    return [
      h("div", { class: `type-badge type-${node.type}` }, t(`type.${node.type}` as MessageKey)),
      h("h2", { class: "details-name" }, entityName(node, lang)),
      lang === "zh" && typeof node.nameEn === "string" ? h("div", { class: "details-en" }, node.nameEn) : null,
      lang === "en" && node.label !== entityName(node, lang) ? h("div", { class: "details-en" }, node.label) : null,
      actions?.(details) ?? null,
      h("h3", {}, t("details.properties")),
      h(
        "dl",
        { class: "properties" },
        properties.map(([key, value]) => [
          h("dt", {}, PROPERTY_NAMES[key]?.[lang === "zh" ? 0 : 1] ?? key),
          h("dd", {}, typeof value === "object" && !Array.isArray(value) ? JSON.stringify(value) : formatValue(key, value, lang)),
        ]),
      ),
      typeof node.assumption === "string" ? h("p", { class: "assumption" }, t("details.assumption", { text: node.assumption })) : null,
      h("h3", {}, t("details.sources")),
      node.sources.length === 0
        ? h("p", { class: "muted" }, t("details.noSources"))
        : h(
            "ol",
            { class: "sources" },
            node.sources.map((source) => {
              const doc = docs.get(source.doc);
              return h(
                "li",
                { class: "source" },
                h("blockquote", {}, `“${source.quote}”`),
                h(
                  "div",
                  { class: "source-doc" },
                  h("span", { class: "doc-title" }, doc?.title ?? source.doc),
                  doc?.outlet ? h("span", { class: "doc-outlet" }, doc.outlet) : null,
                  doc?.date ? h("time", { class: "doc-date", datetime: doc.date }, doc.date) : null,
                ),
              );
            }),
          ),
    ];
  };
  void load();
  return panel;
}

/**
 * Opens the side drawer on the selected entity's details, or closes it when nothing is selected.
 * Closing the panel clears the selection in the URL.
 */
export function showDetailsDrawer(drawer: HTMLElement, context: AppContext, selected: string | undefined, actions?: DetailsActions): void {
  if (selected) {
    clear(
      drawer,
      detailsPanel(context, selected, () => context.navigate({ selected: undefined }, { replace: true }), actions),
    );
    drawer.classList.add("open");
  } else {
    clear(drawer);
    drawer.classList.remove("open");
  }
}
