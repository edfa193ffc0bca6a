import "../styles/scenario.css";
import type { Resilience } from "../../../model/api/resilience.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import type { MessageKey } from "../i18n/messages.ts";
import type { ViewState } from "../state/url-state.ts";
import { clear, h } from "../ui/dom.ts";
import { latestAnswer } from "../ui/latest-answer.ts";
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
  const answer = latestAnswer(body, t);

  const render = (report: Resilience, scenarioName?: string) => {
    const segmentName = new Map(report.segments.map((s) => [s.id, context.lang === "en" ? (s.nameEn ?? s.name) : s.name]));
    const seg = (id: string) => segmentName.get(id) ?? id;
    const flow = (f: { from: string; to: string }) => `${seg(f.from)} → ${seg(f.to)}`;
    const firmName = new Map(report.critical.map((c) => [c.firm, c.name]));
    const list = (items: string[]) => (items.length ? items.join("、") : "—");
    // The column's name on each cell: a phone shows each row as a card with the names inline (narrow.css).
    const cell = (column: MessageKey, text: string) => h("td", { "data-label": t(column) }, text);
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
      scenarioName !== undefined && state.scenario
        ? h(
            "div",
            { class: "notice scenario-notice" },
            t("resilience.underScenario", { name: scenarioName }),
            " ",
            h(
              "a",
              { href: `#/resilience?chain=${report.chain.id}&region=${report.region.id}${context.lang === "en" ? "&lang=en" : ""}` },
              t("resilience.plain"),
            ),
          )
        : null,
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
                  cell("resilience.score", String(c.score)),
                  cell("resilience.lost", list(c.segmentsLost.map(seg))),
                  cell("resilience.flows", list(c.flowsOpened.map(flow))),
                  cell("resilience.leaders", list(c.leadersOrphaned.map((id) => firmName.get(id) ?? id))),
                  cell("resilience.betweenness", c.betweenness.toFixed(3)),
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
    const { chain, region, enclaves, scenario } = current;
    const next = `${chain}|${region}|${enclaves ?? ""}|${scenario ?? ""}`;
    if (!answer.isNew(next)) return;
    clear(
      side,
      h("h1", { class: "view-title" }, t("nav.resilience")),
      // Another chain or region leaves the scenario behind: it was judged for its own region.
      regionChainPicker(context, catalog, current, (patch) => context.navigate({ ...patch, scenario: undefined }), { enclaves: true }),
    );
    await answer.run(
      next,
      () => Promise.all([context.api.resilience(chain, region, enclaves, scenario), scenario ? context.api.scenario(scenario) : undefined]),
      ([report, chosen]) => render(report, chosen?.name),
      () => void load(state),
    );
  };

  void load(state);
  return {
    update(next) {
      state = next;
      void load(next);
    },
    destroy() {
      answer.dispose();
    },
  };
}
