import type { GapReport } from "../../../../model/api/analysis.ts";
import type { DocumentRef } from "../../../../model/api/explore.ts";
import { citedSources } from "../../../../model/report-outline.ts";
import type { Translate } from "../../i18n/i18n.ts";
import { h } from "../../ui/dom.ts";
import { reportTable } from "./report-table.ts";

/** Every document the findings cite (and any other the answer names), with up to three quotes and its date. */
export function sourcesSection(gaps: GapReport, docs: Map<string, DocumentRef>, t: Translate): HTMLElement {
  const cited = citedSources(gaps);
  return h(
    "section",
    { class: "report-sources" },
    h("h2", {}, t("report.sources")),
    reportTable(
      [t("report.colDoc"), t("report.colOutlet"), t("report.colDate")],
      [...cited].map(([id, quotes]) => {
        const doc = docs.get(id);
        return h(
          "tr",
          {},
          h(
            "td",
            {},
            h("div", { class: "doc-title" }, doc?.title ?? id),
            [...new Set(quotes)].slice(0, 3).map((q) => h("q", { class: "quote" }, q)),
          ),
          h("td", {}, doc?.outlet ?? ""),
          h("td", { class: "nowrap" }, doc?.date ?? ""),
        );
      }),
    ),
  );
}
