import "../styles/scenario.css";
import type { ChainMap } from "../../../model/api/analysis.ts";
import type { ScenarioFinding, ScenarioOutcome } from "../../../model/api/scenarios.ts";
import { describeError } from "../api/errors.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import { chainMapElements } from "../graph/chain-map-elements.ts";
import { GraphView } from "../graph/graph-view.ts";
import { bilingual, entityName } from "../i18n/i18n.ts";
import { loadDraft, type ScenarioDraft, saveDraft } from "../state/scenario-draft.ts";
import type { ViewState } from "../state/url-state.ts";
import { clear, h, loading } from "../ui/dom.ts";
import { latestAnswer } from "../ui/latest-answer.ts";
import { defaultChoice, regionChainPicker } from "../ui/pickers.ts";
import { scenarioEditor } from "./scenario/editor.ts";

/**
 * 现状 vs 远景: a saved scenario beside the real chain, side by side: completeness before → after,
 * the findings it closes and opens, what it adds (dashed on the map) and takes away. The scenario
 * is in the URL (`scenario=`), so the link is the thing a planner shares. An editor creates and
 * edits scenarios here (./scenario/editor.ts); the draft being edited waits in the tab's session.
 */
export function scenarioView(root: HTMLElement, context: AppContext): ViewInstance {
  const { t, lang } = context;
  const side = h("div", { class: "sidebar" });
  const body = h("div", { class: "scenario-body", role: "region", "aria-label": t("scenario.title") });
  const canvas = h("div", { class: "graph scenario-graph", role: "img", "aria-label": t("scenario.map") });
  clear(
    root,
    h("div", { class: "layout layout-scenario" }, side, h("div", { class: "scenario-main" }, body, h("h2", {}, t("scenario.map")), canvas)),
  );
  const graph = new GraphView(canvas);
  let state = context.state;
  const answer = latestAnswer(body, t);

  const findingList = (findings: ScenarioFinding[], className: string) =>
    findings.length === 0
      ? h("p", { class: "muted" }, t("scenario.nothing"))
      : h(
          "ul",
          { class: `scenario-findings ${className}` },
          findings.map((f) => h("li", { class: `severity-${f.severity}`, "data-finding": f.id }, bilingual(f.message, lang))),
        );

  const column = (title: string, completeness: number, findings: HTMLElement, extra: HTMLElement | null, className: string) =>
    h(
      "section",
      { class: `scenario-column ${className}`, "aria-label": title },
      h("h2", {}, title),
      h("p", { class: "scenario-completeness" }, `${t("scenario.completeness")} `, h("strong", {}, String(completeness))),
      findings,
      extra,
    );

  const renderOutcome = (outcome: ScenarioOutcome) => {
    const name = (id: string) => {
      const node = outcome.added.nodes.find((n) => n.data.id === id)?.data ?? outcome.named.find((n) => n.id === id);
      return node ? entityName(node, lang) : id;
    };
    const added = h(
      "div",
      {},
      h("h3", {}, t("scenario.added")),
      outcome.added.nodes.length + outcome.added.edges.length === 0
        ? h("p", { class: "muted" }, t("scenario.nothing"))
        : h(
            "ul",
            { class: "scenario-added" },
            outcome.added.nodes.map((n) => h("li", { class: "dashed", "data-added": n.data.id }, entityName(n.data, lang))),
            outcome.added.edges.map((e) => h("li", { class: "dashed" }, `${name(e.data.source)} → ${name(e.data.target)}`)),
          ),
      outcome.removed.length ? h("h3", {}, t("scenario.removed")) : null,
      outcome.removed.length
        ? h(
            "ul",
            {},
            outcome.removed.map((id) => h("li", { "data-firm": id }, name(id))),
          )
        : null,
      outcome.unled.length ? h("h3", {}, t("scenario.unled")) : null,
      outcome.unled.length
        ? h(
            "ul",
            {},
            outcome.unled.map((id) => h("li", { "data-firm": id }, name(id))),
          )
        : null,
    );
    clear(
      body,
      h("h1", { class: "view-title" }, outcome.scenario.name),
      outcome.scenario.description ? h("p", {}, outcome.scenario.description) : null,
      shareBox(),
      h(
        "p",
        { class: "row" },
        h("button", { type: "button", id: "scenario-edit", onclick: () => edit(outcome) }, t("scenario.edit")),
        h(
          "a",
          {
            href: `#/resilience?chain=${outcome.scenario.chain}&region=${outcome.scenario.region}&scenario=${outcome.scenario.id}${lang === "en" ? "&lang=en" : ""}`,
          },
          t("scenario.resilience"),
        ),
      ),
      h(
        "p",
        { class: "muted" },
        t("scenario.changes", { n: outcome.scenario.changes.length }),
        " · ",
        t("scenario.kept", { n: outcome.kept }),
      ),
      h(
        "div",
        { class: "scenario-columns" },
        column(
          t("scenario.now"),
          outcome.completeness.before,
          h("div", {}, h("h3", {}, t("scenario.closed", { n: outcome.closed.length })), findingList(outcome.closed, "closed")),
          null,
          "now",
        ),
        column(
          t("scenario.vision"),
          outcome.completeness.after,
          h("div", {}, h("h3", {}, t("scenario.opened", { n: outcome.opened.length })), findingList(outcome.opened, "opened")),
          added,
          "vision",
        ),
      ),
    );
  };

  /** The link that opens this scenario, with a copy button (the address bar holds the same). */
  const shareBox = () => {
    const link = h("input", { id: "scenario-share", type: "text", readonly: true, value: window.location.href });
    const copy = async () => {
      link.select();
      await navigator.clipboard.writeText(link.value);
      context.notify(t("scenario.copied"));
    };
    return h(
      "div",
      { class: "scenario-share" },
      h("label", { class: "field", for: link.id }, h("span", {}, t("scenario.share")), link),
      h("button", { type: "button", onclick: () => void copy().catch(() => link.select()) }, t("scenario.copy")),
    );
  };

  /** Opens the editor on a saved scenario: its changes become the tab's draft. */
  const edit = (outcome: ScenarioOutcome) => {
    const { id, chain, region, name, changes } = outcome.scenario;
    const labels = Object.fromEntries(outcome.added.nodes.map((n) => [n.data.id, entityName(n.data, lang)]));
    saveDraft({ id, chain, region, name, changes, labels });
    answer.reset();
    void load(state);
  };

  const startNew = (current: ViewState) => {
    if (!current.chain || !current.region) return;
    saveDraft({ chain: current.chain, region: current.region, name: t("scenario.defaultName"), changes: [] });
    answer.reset();
    context.navigate({ scenario: undefined });
    void load({ ...current, scenario: undefined });
  };

  const showEditor = async (draft: ScenarioDraft, map: ChainMap) => {
    clear(
      body,
      scenarioEditor(context, draft, map, {
        saved: (scenario) => {
          answer.reset();
          // An edit saved keeps the same link: the view reloads itself, since the URL does not change.
          context.navigate({ scenario: scenario.id });
          void load({ ...state, scenario: scenario.id });
        },
        discarded: () => {
          answer.reset();
          void load(state);
        },
      }),
    );
    await graph.replace(chainMapElements(map.elements, { lang, t }).elements, "preset");
  };

  const renderSide = async (current: ViewState) => {
    const catalog = await context.catalog();
    const picker = regionChainPicker(context, catalog, current, (patch) => context.navigate({ ...patch, scenario: undefined }));
    const list = h("ul", { class: "scenario-list" }, h("li", {}, loading(t("common.loading"))));
    const create = h("button", { type: "button", id: "scenario-new", onclick: () => startNew(state) }, t("scenario.new"));
    clear(side, h("h1", { class: "view-title" }, t("scenario.title")), picker, create, h("h2", {}, t("scenario.pick")), list);
    if (!current.chain) return;
    const { scenarios } = await context.api.scenarios(current.chain);
    const mine = scenarios.filter((s) => !current.region || s.region === current.region);
    clear(
      list,
      mine.length === 0
        ? h("li", { class: "muted" }, t("scenario.none"))
        : mine.map((s) =>
            h(
              "li",
              {},
              h(
                "a",
                {
                  href: `#/scenario?chain=${s.chain}&region=${s.region}&scenario=${s.id}${lang === "en" ? "&lang=en" : ""}`,
                  "aria-current": s.id === current.scenario ? "true" : undefined,
                  class: s.id === current.scenario ? "active" : "",
                },
                s.name,
              ),
            ),
          ),
    );
  };

  const load = async (current: ViewState) => {
    if (!current.chain || !current.region) {
      const catalog = await context.catalog();
      context.navigate(defaultChoice(catalog, current.region), { replace: true });
      return;
    }
    const { chain, region, enclaves, scenario } = current;
    // The editor shows while a draft of this chain × region is open for the scenario in the URL (none: a new one).
    const draft = loadDraft(chain, region);
    const editing = draft !== undefined && draft.id === scenario;
    const next = `${chain}|${region}|${scenario ?? ""}|${editing ? "edit" : "view"}`;
    if (!answer.isNew(next)) return;
    void renderSide(current).catch((error) => context.notify(describeError(error, t)));
    if (editing) {
      await answer.run(
        next,
        () => context.api.map(chain, region, enclaves),
        (map) => showEditor(draft, map),
        () => void load(state),
      );
      return;
    }
    if (!scenario) {
      answer.reset();
      clear(body, h("p", { class: "muted" }, t("scenario.pick")));
      return;
    }
    await answer.run(
      next,
      () => Promise.all([context.api.scenarioOutcome(scenario), context.api.map(chain, region, enclaves, scenario)]),
      async ([outcome, map]) => {
        renderOutcome(outcome);
        await graph.replace(chainMapElements(map.elements, { lang, t }).elements, "preset");
      },
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
      graph.destroy();
    },
  };
}
