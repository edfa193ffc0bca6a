import type { Finding, GapReport as Gaps } from "../../../../model/api/analysis.ts";
import type { AppContext } from "../../app/context.ts";
import { bilingual, entityName } from "../../i18n/i18n.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import { h } from "../../ui/dom.ts";

export interface FindingHandlers {
  /** Shows (or hides, when already shown) the finding's evidence on the map. */
  pick(finding: Finding): void;
  /** Does what the finding's next action says: targets, matchmaking or support. */
  act(finding: Finding): void;
}

/**
 * The findings in the order the API ranks them (server/analysis/prioritise.ts): the top ones first
 * (`top`, ten by default), then the rest folded by group — a segment, or the chain's leaders, or
 * its support — in the API's group order. Each finding says what to do next, as a button.
 */
export function findingsList(context: AppContext, gaps: Gaps, selected: string | undefined, handlers: FindingHandlers): HTMLElement {
  const { t } = context;
  if (gaps.findings.length === 0) return h("p", { class: "muted" }, t("map.noFindings"));
  const topIds = new Set(gaps.top.length > 0 ? gaps.top : gaps.findings.slice(0, 10).map((f) => f.id));
  const top = gaps.findings.filter((f) => topIds.has(f.id));
  const rest = gaps.findings.filter((f) => !topIds.has(f.id));
  const item = (finding: Finding) => findingItem(context, gaps, finding, finding.id === selected, handlers);
  const groupOrder = gaps.groups.map((g) => g.group);
  const groups = new Map<string, Finding[]>();
  for (const finding of rest) {
    const group = finding.group ?? finding.segment ?? "leader";
    groups.set(group, [...(groups.get(group) ?? []), finding]);
  }
  const orderedGroups = [...groups.entries()].sort(
    ([a], [b]) => (groupOrder.indexOf(a) + 1 || Number.MAX_SAFE_INTEGER) - (groupOrder.indexOf(b) + 1 || Number.MAX_SAFE_INTEGER),
  );
  return h(
    "div",
    { class: "findings-holder" },
    h("h3", {}, t("map.topFindings", { n: top.length })),
    h("ol", { class: "findings" }, top.map(item)),
    rest.length > 0
      ? [
          h("h3", {}, t("map.otherFindings", { n: rest.length })),
          orderedGroups.map(([group, list]) =>
            h(
              "details",
              { class: "finding-group", open: list.some((f) => f.id === selected), "data-group": group },
              h("summary", {}, `${groupName(context, gaps, group)}（${list.length}）`),
              h("ol", { class: "findings" }, list.map(item)),
            ),
          ),
        ]
      : null,
  );
}

function groupName(context: AppContext, gaps: Gaps, group: string): string {
  if (group === "leader") return context.t("map.group.leader");
  if (group === "support") return context.t("map.group.support");
  const segment = gaps.segments.find((s) => s.id === group);
  return segment ? entityName({ label: segment.name, nameEn: segment.nameEn }, context.lang) : group;
}

function findingItem(context: AppContext, gaps: Gaps, finding: Finding, selected: boolean, handlers: FindingHandlers) {
  const { t, lang } = context;
  const docs = new Map(gaps.documents.map((doc) => [doc.id, doc]));
  const action = finding.nextAction ?? "targets";
  return h(
    "li",
    { class: `finding severity-${finding.severity}${selected ? " selected" : ""}` },
    h(
      "button",
      {
        type: "button",
        class: "finding-button",
        "aria-pressed": selected ? "true" : "false",
        "data-finding": finding.id,
        onclick: () => handlers.pick(finding),
      },
      h("span", { class: `badge badge-${finding.severity}` }, t(`severity.${finding.severity}` as MessageKey)),
      h("span", { class: "finding-kind" }, t(`finding.${finding.kind}` as MessageKey)),
      h("span", { class: "finding-text" }, bilingual(finding.message, lang)),
    ),
    h(
      "button",
      { type: "button", class: "finding-action", "data-action": action, onclick: () => handlers.act(finding) },
      `→ ${t(`map.action.${action}` as MessageKey)}`,
    ),
    selected && finding.evidence.sources.length > 0
      ? h(
          "ul",
          { class: "evidence" },
          finding.evidence.sources.map((source) => {
            const doc = docs.get(source.doc);
            return h(
              "li",
              {},
              h("q", {}, source.quote),
              h("span", { class: "doc-title" }, ` — ${doc?.title ?? source.doc}${doc?.date ? `（${doc.date}）` : ""}`),
            );
          }),
        )
      : null,
  );
}
