import "../styles/scenario.css";
import type { Resilience } from "../../../model/api/resilience.ts";
import { describeError } from "../api/errors.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import type { ViewState } from "../state/url-state.ts";
import { clear, errorBox, h, loading } from "../ui/dom.ts";
import { defaultChoice, regionChainPicker } from "../ui/pickers.ts";

/** How many ranked firms and suppliers the tables show; the ranking itself covers every one. */
const SHOWN = 25;

/**
 * 韧性: each local firm knocked out in turn (what breaks, ranked), flows hanging on a single
 * supplier or on suppliers outside the province, and outside suppliers whose cut-off would hurt.
 */
export function resilienceView(root: HTMLElement, context: AppContext): ViewInstance {
  const { t } = context;
  const side = h("div", { class: "sidebar" });
  const body = h("div", { class: "resilience-body", role: "region", "aria-label": t("resilience.title") });
  clear(root, h("div", { class: "layout layout-resilience" }, side, body));
  let state = context.state;
  let key = "";
  let disposed = false;

  const render = (report: Resilience) => {
    const segmentName = new Map(report.segments.map((s) => [s.id, context.lang === "en" ? (s.nameEn ?? s.name) : s.name]));
    const seg = (id: string) => segmentName.get(id) ?? id;
    const flow = (f: { from: string; to: string }) => `${seg(f.from)} → ${seg(f.to)}`;
    const firmName = new Map(report.critical.map((c) => [c.firm, c.name]));
    const list = (items: string[]) => (items.length ? items.join("、") : "—");
    const flowList = (title: string, flows: Resilience["singleSource"], describe: (f: Resilience["singleSource"][number]) => string) =>
      h(
        "section",
        { "aria-label": title },
        h("h2", {}, title),
        flows.length === 0
          ? h("p", { class: "muted" }, t("resilience.none"))
          : h(
              "ul",
              {},
              flows.map((f) => h("li", {}, describe(f))),
            ),
      );
    clear(
      body,
      h("h1", { class: "view-title" }, t("resilience.title")),
      h("p", { class: "muted" }, t("resilience.summary", { n: report.localFirms })),
      report.truncated ? h("div", { class: "notice" }, t("resilience.truncated")) : null,
      h(
        "section",
        { "aria-label": t("resilience.critical") },
        h("h2", {}, t("resilience.critical")),
        h(
          "table",
          { class: "resilience-table" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              [
                "resilience.firm",
                "resilience.score",
                "resilience.lost",
                "resilience.flows",
                "resilience.leaders",
                "resilience.betweenness",
              ].map((k) => h("th", { scope: "col" }, t(k as Parameters<typeof t>[0]))),
            ),
          ),
          h(
            "tbody",
            {},
            report.critical
              .slice(0, SHOWN)
              .map((c) =>
                h(
                  "tr",
                  { "data-firm": c.firm },
                  h(
                    "th",
                    { scope: "row" },
                    c.name,
                    c.leader ? h("span", { class: "resilience-tag" }, t("resilience.leader")) : null,
                    c.articulationPoint ? h("span", { class: "resilience-tag" }, t("resilience.cut")) : null,
                  ),
                  h("td", {}, String(c.score)),
                  h("td", {}, list(c.segmentsLost.map(seg))),
                  h("td", {}, list(c.flowsOpened.map(flow))),
                  h("td", {}, list(c.leadersOrphaned.map((id) => firmName.get(id) ?? id))),
                  h("td", {}, c.betweenness.toFixed(3)),
                ),
              ),
          ),
        ),
      ),
      flowList(
        t("resilience.singleSource"),
        report.singleSource,
        (f) => `${flow(f)}：${firmName.get(f.singleSource ?? "") ?? f.singleSource}`,
      ),
      flowList(t("resilience.outsideProvince"), report.outsideProvince, (f) => `${flow(f)}（${f.suppliers}）`),
      h(
        "section",
        { "aria-label": t("resilience.outside") },
        h("h2", {}, t("resilience.outside")),
        report.outsideSuppliers.length === 0
          ? h("p", { class: "muted" }, t("resilience.none"))
          : h(
              "ul",
              {},
              report.outsideSuppliers
                .slice(0, SHOWN)
                .map((o) =>
                  h(
                    "li",
                    {},
                    `${o.name}（${o.inProvince ? t("resilience.inProvince") : t("resilience.outOfProvince")}）：`,
                    t("resilience.buyersLeft", { n: o.buyersLeftWithoutSupplier.length }),
                  ),
                ),
            ),
      ),
    );
  };

  const load = async (current: ViewState) => {
    const catalog = await context.catalog();
    if (!current.chain || !current.region) {
      context.navigate(defaultChoice(catalog, current.region), { replace: true });
      return;
    }
    const next = `${current.chain}|${current.region}|${current.enclaves ?? ""}`;
    if (next === key) return;
    key = next;
    clear(
      side,
      h("h1", { class: "view-title" }, t("nav.resilience")),
      regionChainPicker(context, catalog, current, (patch) => context.navigate(patch), { enclaves: true }),
    );
    clear(body, loading(t("common.loading")));
    try {
      const report = await context.api.resilience(current.chain, current.region, current.enclaves);
      if (disposed || next !== key) return;
      render(report);
    } catch (error) {
      if (next !== key) return;
      key = "";
      clear(
        body,
        errorBox(describeError(error, t), () => void load(state), t("common.retry")),
      );
    }
  };

  void load(state);
  return {
    update(next) {
      state = next;
      void load(next);
    },
    destroy() {
      disposed = true;
    },
  };
}
