import type { ChainMap } from "../../../../model/api/analysis.ts";
import type { Scenario, ScenarioChangeBody } from "../../../../model/api/scenarios.ts";
import { describeError } from "../../api/errors.ts";
import type { AppContext } from "../../app/context.ts";
import { entityName } from "../../i18n/i18n.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import { loadToken } from "../../imports/import-rules.ts";
import { dropDraft, type ScenarioDraft, saveDraft, sessionStore, withChange, withoutChange } from "../../state/scenario-draft.ts";
import { clear, errorBox, h, loading } from "../../ui/dom.ts";
import { tokenBox } from "../import/token-box.ts";

const KINDS = ["add-firm", "promote-project", "add-tie", "remove-firm", "remove-leader"] as const;
type Kind = (typeof KINDS)[number];

interface Choice {
  id: string;
  name: string;
}

/**
 * The scenario editor (编辑远景方案): a name, the list of assumed changes (each removable), a form
 * for one more change, and 保存. Firms to remove or tie come from the chain map of the region;
 * projects from search. Saving needs an editor token (the same field as the import view); what
 * is typed stays in the tab's draft until it is saved or discarded.
 */
export function scenarioEditor(
  context: AppContext,
  start: ScenarioDraft,
  map: ChainMap,
  done: { saved: (scenario: Scenario) => void; discarded: () => void },
): HTMLElement {
  const { t, lang } = context;
  let draft = start;
  const token = { token: loadToken(sessionStore()) };
  const segments: Choice[] = map.elements.nodes
    .filter((n) => n.data.type === "segment")
    .map((n) => ({ id: n.data.id, name: entityName(n.data, lang) }));
  const localFirms: Choice[] = map.elements.nodes
    .filter((n) => n.data.type === "firm" && n.data.local === true)
    .map((n) => ({ id: n.data.id, name: entityName(n.data, lang) }));
  const leaders: Choice[] = map.elements.nodes
    .filter((n) => n.data.type === "firm" && n.data.leader === true)
    .map((n) => ({ id: n.data.id, name: entityName(n.data, lang) }));
  const labels = new Map<string, string>([...segments, ...localFirms].map((c) => [c.id, c.name]));
  for (const [id, name] of Object.entries(draft.labels ?? {})) labels.set(id, name);

  const update = (next: ScenarioDraft) => {
    draft = { ...next, labels: Object.fromEntries(labels) };
    saveDraft(draft);
    renderChanges();
  };
  const nameOf = (id: string) => labels.get(id) ?? id;
  /** The firms a new tie can reach: local firms and the firms this draft adds (new:<n> for new ones). */
  const tieEnds = (): Choice[] => [
    ...localFirms,
    ...draft.changes.flatMap((c, i): Choice[] =>
      c.kind !== "add-firm" ? [] : [{ id: c.firm ?? `new:${i}`, name: c.firm ? nameOf(c.firm) : (c.name ?? `new:${i}`) }],
    ),
  ];
  const describe = (change: ScenarioChangeBody, index: number): string => {
    switch (change.kind) {
      case "add-firm":
        return change.firm
          ? t("scenario.describe.add-firm", { firm: nameOf(change.firm), segment: nameOf(change.segment) })
          : t("scenario.describe.new-firm", { firm: change.name ?? `new:${index}`, segment: nameOf(change.segment) });
      case "promote-project":
        return t("scenario.describe.promote-project", { project: nameOf(change.project) });
      case "add-tie": {
        const ends = tieEnds();
        const end = (id: string) => ends.find((e) => e.id === id)?.name ?? nameOf(id);
        return t("scenario.describe.add-tie", { from: end(change.from), to: end(change.to) });
      }
      case "remove-firm":
        return t("scenario.describe.remove-firm", { firm: nameOf(change.firm) });
      case "remove-leader":
        return t("scenario.describe.remove-leader", { firm: nameOf(change.firm) });
    }
  };

  const nameInput = h("input", {
    id: "scenario-name",
    type: "text",
    maxlength: "100",
    value: draft.name,
    oninput: () => update({ ...draft, name: nameInput.value }),
  });
  const changeList = h("ol", { class: "scenario-changes", "aria-labelledby": "scenario-changes-title" });
  const renderChanges = () =>
    clear(
      changeList,
      draft.changes.length === 0
        ? h("li", { class: "muted" }, t("scenario.noChanges"))
        : draft.changes.map((change, i) =>
            h(
              "li",
              { "data-kind": change.kind },
              h("span", { class: "scenario-change" }, describe(change, i)),
              h(
                "button",
                { type: "button", class: "remove-change", onclick: () => update(withoutChange(draft, i)) },
                t("scenario.removeChange"),
              ),
            ),
          ),
    );

  const select = (id: string, choices: Choice[]) =>
    h(
      "select",
      { id },
      h("option", { value: "" }, t("scenario.choose")),
      choices.map((c) => h("option", { value: c.id }, c.name)),
    );
  const field = (label: MessageKey, control: HTMLElement) =>
    h("label", { class: "field", for: control.id }, h("span", {}, t(label)), control);

  const fields = h("div", { class: "scenario-fields" });
  const kind = h(
    "select",
    { id: "scenario-kind", onchange: () => renderFields() },
    KINDS.map((k) => h("option", { value: k }, t(`scenario.kind.${k}` as MessageKey))),
  );
  let read: () => ScenarioChangeBody | null = () => null;
  const renderFields = () => {
    const chosen = kind.value as Kind;
    if (chosen === "add-firm") {
      const name = h("input", { id: "scenario-firm-name", type: "text", maxlength: "100" });
      const segment = select("scenario-segment", segments);
      const above = h("input", { id: "scenario-above-scale", type: "checkbox" });
      clear(
        fields,
        field("scenario.firmName", name),
        field("scenario.segment", segment),
        h("label", { class: "field inline", for: above.id }, above, h("span", {}, t("scenario.aboveScale"))),
      );
      read = () =>
        name.value.trim() && segment.value
          ? { kind: "add-firm", name: name.value.trim(), segment: segment.value, aboveScale: above.checked }
          : null;
    } else if (chosen === "promote-project") {
      const query = h("input", { id: "scenario-project-query", type: "search" });
      const project = select("scenario-project", []);
      const find = async () => {
        if (!query.value.trim()) return;
        // The server refuses a project outside the region or already operating, naming it.
        const { results } = await context.api.search(query.value.trim(), { types: ["project"], limit: 20 });
        const found = results.map((r) => ({ id: r.id, name: lang === "en" ? (r.nameEn ?? r.label) : r.label }));
        for (const f of found) labels.set(f.id, f.name);
        clear(
          project,
          h("option", { value: "" }, found.length ? t("scenario.choose") : t("scenario.noProjects")),
          found.map((c) => h("option", { value: c.id }, c.name)),
        );
      };
      clear(
        fields,
        field("scenario.projectSearch", query),
        h("button", { type: "button", onclick: () => void find().catch((e) => context.notify(describeError(e, t))) }, t("scenario.find")),
        field("scenario.project", project),
      );
      read = () => (project.value ? { kind: "promote-project", project: project.value } : null);
    } else if (chosen === "add-tie") {
      const from = select("scenario-tie-from", tieEnds());
      const to = select("scenario-tie-to", tieEnds());
      clear(fields, field("scenario.from", from), field("scenario.to", to));
      read = () => (from.value && to.value ? { kind: "add-tie", from: from.value, to: to.value } : null);
    } else {
      const firm = select("scenario-firm", chosen === "remove-leader" ? leaders : localFirms);
      clear(fields, field("scenario.firm", firm));
      read = () => (firm.value ? { kind: chosen, firm: firm.value } : null);
    }
  };
  renderFields();

  const status = h("div", { class: "scenario-status", "aria-live": "polite" });
  const save = async () => {
    clear(status, loading(t("scenario.saving")));
    try {
      const body = { name: draft.name.trim(), chain: draft.chain, region: draft.region, changes: draft.changes };
      const saved = await context.api.saveScenario(body, token.token, draft.id);
      dropDraft();
      done.saved(saved);
    } catch (error) {
      clear(status, errorBox(describeError(error, t)));
    }
  };

  renderChanges();
  return h(
    "form",
    { class: "scenario-editor", "aria-labelledby": "scenario-editor-title", onsubmit: (event: Event) => event.preventDefault() },
    h("h1", { class: "view-title", id: "scenario-editor-title" }, t("scenario.editor")),
    tokenBox(token, t),
    field("scenario.name", nameInput),
    h("h2", { id: "scenario-changes-title" }, t("scenario.changeList")),
    changeList,
    h(
      "fieldset",
      { class: "scenario-add" },
      h("legend", {}, t("scenario.addChange")),
      field("scenario.kind", kind),
      fields,
      h(
        "button",
        {
          type: "button",
          id: "scenario-add-change",
          onclick: () => {
            const change = read();
            if (change) update(withChange(draft, change));
            renderFields();
          },
        },
        t("scenario.add"),
      ),
    ),
    h(
      "div",
      { class: "row" },
      h("button", { type: "button", id: "scenario-save", class: "primary", onclick: () => void save() }, t("scenario.save")),
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            dropDraft();
            done.discarded();
          },
        },
        t("scenario.discard"),
      ),
    ),
    status,
  );
}
