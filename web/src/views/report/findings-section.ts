import type { GapReport } from "../../../../model/api/analysis.ts";
import { findingsByPriority } from "../../../../model/report-outline.ts";
import { bilingual, entityName, type Translate } from "../../i18n/i18n.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import type { Lang } from "../../state/url-state.ts";
import { h } from "../../ui/dom.ts";
import { reportTable } from "./report-table.ts";

/** Every finding, highest priority first (the API's order of work), with what it says and what to do next. */
export function findingsSection(gaps: GapReport, t: Translate, lang: Lang): HTMLElement {
  const segmentName = (id?: string | null) => {
    const s = gaps.segments.find((x) => x.id === id);
    return s ? entityName({ ...s, label: s.name }, lang) : "";
  };
  return h(
    "section",
    { class: "report-findings" },
    h("h2", {}, t("report.findings")),
    gaps.findings.length === 0
      ? h("p", {}, t("map.noFindings"))
      : reportTable(
          [t("report.colSeverity"), t("report.colKind"), t("report.colSegment"), t("report.colFinding"), t("report.colAction")],
          findingsByPriority(gaps.findings).map((f) =>
            h(
              "tr",
              {},
              h("td", {}, h("span", { class: `badge badge-${f.severity}` }, t(`severity.${f.severity}` as MessageKey))),
              h("td", {}, t(`finding.${f.kind}` as MessageKey)),
              h("td", {}, segmentName(f.segment)),
              h("td", {}, bilingual(f.message, lang)),
              h("td", {}, f.nextAction ? t(`nextAction.${f.nextAction}`) : ""),
            ),
          ),
        ),
  );
}
