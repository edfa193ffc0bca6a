import type { GapReport } from "../../../../model/api/analysis.ts";
import { STAGES } from "../../../../model/domain.ts";
import type { Translate } from "../../i18n/i18n.ts";
import { h } from "../../ui/dom.ts";

/** Completeness and coverage by stage, with the formula behind the number. */
export function summarySection(gaps: GapReport, t: Translate): HTMLElement {
  return h(
    "section",
    { class: "report-summary" },
    h("h2", {}, t("report.summary")),
    h("p", {}, h("strong", {}, t("map.completeness", { n: Math.round(gaps.summary.completeness) }))),
    h(
      "ul",
      {},
      STAGES.map((stage) => {
        const cov = gaps.summary.coverageByStage[stage];
        return cov ? h("li", {}, t("map.coverage", { stage: t(`stage.${stage}`), covered: cov.covered, segments: cov.segments })) : null;
      }),
    ),
    gaps.summary.formula ? h("p", { class: "hint" }, gaps.summary.formula) : null,
  );
}
